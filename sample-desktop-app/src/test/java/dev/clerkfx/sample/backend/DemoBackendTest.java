package dev.clerkfx.sample.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clerkfx.ClerkConfigurationException;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoBackendTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private ClerkEmulator emulator;
  private DemoBackend backend;
  private EmulatorTokens tokens;
  private String sessionId;

  @BeforeEach
  void start() throws Exception {
    emulator = ClerkEmulator.builder().clock(EmulatorClock.startingNow()).start();
    backend = DemoBackend.start(emulator.frontendApiUrl(), emulator.clock());
    tokens = new EmulatorTokens(emulator);
    sessionId = tokens.signInDemoUser();
  }

  @AfterEach
  void stop() {
    backend.close();
    emulator.close();
  }

  @Test
  void validSessionTokenGetsAGreetingForItsUserAndSession() throws Exception {
    HttpResponse<String> response = get("Bearer " + tokens.sessionToken());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("message").asText()).isEqualTo("Hello, " + emulator.demoUser().id().orElseThrow());
    assertThat(body.get("session").asText()).isEqualTo(sessionId);
  }

  @Test
  void missingOrNonBearerAuthorizationIs401() throws Exception {
    assertUnauthorized(get(null), "missing bearer token");
    assertUnauthorized(get("Basic ZGVtbzpkZW1v"), "missing bearer token");
    assertUnauthorized(get("Bearer not-a-jwt"), "malformed token");
  }

  @Test
  void expiredTokenIs401() throws Exception {
    String jwt = tokens.sessionToken();
    emulator.clock().advance(Duration.ofSeconds(60).plus(SessionTokenVerifier.LEEWAY).plusSeconds(1));

    assertUnauthorized(get("Bearer " + jwt), "token expired");
  }

  @Test
  void tokenWithinTheLeewayAfterExpiryIsStillAccepted() throws Exception {
    String jwt = tokens.sessionToken();
    emulator.clock().advance(Duration.ofSeconds(60).plus(SessionTokenVerifier.LEEWAY).minusSeconds(1));

    assertThat(get("Bearer " + jwt).statusCode()).isEqualTo(200);
  }

  @Test
  void tamperedTokenIs401() throws Exception {
    String[] parts = tokens.sessionToken().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = payload.replace(emulator.demoUser().id().orElseThrow(), "user_someoneelse");
    assertThat(forged).isNotEqualTo(payload);
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

    assertUnauthorized(get("Bearer " + tampered), "bad signature or unknown key");
  }

  @Test
  void tokenFromAnotherIssuerIs401() throws Exception {
    try (ClerkEmulator other = ClerkEmulator.builder().clock(emulator.clock()).start()) {
      EmulatorTokens otherTokens = new EmulatorTokens(other);
      otherTokens.signInDemoUser();

      // Both emulators in this JVM sign with the same key, so only the issuer check can refuse it.
      assertUnauthorized(get("Bearer " + otherTokens.sessionToken()), "wrong issuer");
    }
  }

  @Test
  void tokenSignedWithARotatedKeyVerifiesAfterTheJwksIsRefetched() throws Exception {
    assertThat(get("Bearer " + tokens.sessionToken()).statusCode()).isEqualTo(200);
    emulator.rotateSigningKey();

    assertThat(get("Bearer " + tokens.sessionToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void missingOrMalformedSettingsAreConfigurationErrors() {
    assertThatThrownBy(() -> DemoBackend.start(null)).isInstanceOf(ClerkConfigurationException.class)
        .hasMessageContaining("Frontend API URL");
    assertThatThrownBy(() -> DemoBackend.start(" ")).isInstanceOf(ClerkConfigurationException.class);
    assertThatThrownBy(() -> DemoBackend.start("not a url")).isInstanceOf(ClerkConfigurationException.class)
        .hasMessageContaining("not a url");
    assertThatThrownBy(() -> DemoBackend.start(emulator.frontendApiUrl(), null))
        .isInstanceOf(ClerkConfigurationException.class);
  }

  private void assertUnauthorized(HttpResponse<String> response, String reason) throws Exception {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo(reason);
  }

  private HttpResponse<String> get(String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(backend.helloUri()).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
