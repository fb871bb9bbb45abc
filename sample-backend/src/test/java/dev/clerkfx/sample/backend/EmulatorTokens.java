package dev.clerkfx.sample.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clerkfx.testkit.ClerkEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Gets real session tokens from an emulator the way a native client does (sign in with a password,
 * then {@code POST /v1/client/sessions/{id}/tokens}), without the SDK, so the backend is tested on
 * its own.
 */
final class EmulatorTokens {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private String clientToken;
  private String sessionId;

  EmulatorTokens(ClerkEmulator emulator) {
    this.base = emulator.frontendApiUrl();
  }

  /** Signs the demo user in; returns the new session id. */
  String signInDemoUser() throws IOException, InterruptedException {
    JsonNode signIn =
        post(
                "/v1/client/sign_ins",
                "strategy=password&identifier="
                    + URLEncoder.encode(ClerkEmulator.DEMO_EMAIL, StandardCharsets.UTF_8)
                    + "&password="
                    + URLEncoder.encode(ClerkEmulator.DEMO_PASSWORD, StandardCharsets.UTF_8))
            .get("response");
    if (!"complete".equals(signIn.path("status").asText())) {
      throw new IllegalStateException(
          "demo sign-in did not complete: " + signIn.path("status").asText());
    }
    sessionId = signIn.get("created_session_id").asText();
    return sessionId;
  }

  /** Mints a session token for the signed-in session. */
  String sessionToken() throws IOException, InterruptedException {
    return sessionToken(null);
  }

  /** Mints a session token as a browser page at {@code origin} would get it (its {@code azp}). */
  String sessionToken(String origin) throws IOException, InterruptedException {
    return post("/v1/client/sessions/" + sessionId + "/tokens", "", origin).get("jwt").asText();
  }

  /** Makes an organization (id or slug) the session's active one. */
  void selectOrganization(String organization) throws IOException, InterruptedException {
    post(
        "/v1/client/sessions/" + sessionId + "/touch",
        "active_organization_id=" + URLEncoder.encode(organization, StandardCharsets.UTF_8),
        null);
  }

  private JsonNode post(String path, String form) throws IOException, InterruptedException {
    return post(path, form, null);
  }

  private JsonNode post(String path, String form, String origin)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path + "?_is_native=true"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("x-mobile", "1")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (clientToken != null) {
      request.header("Authorization", clientToken);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    response.headers().firstValue("Authorization").ifPresent(t -> clientToken = t);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
