package dev.clerkfx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A minimal native FAPI client for tests, sending what Clerk's native SDKs send: {@code
 * _is_native=true}, the client token raw in {@code Authorization}, {@code clerk-api-version}, form
 * bodies; it keeps the rotated token.
 */
final class NativeClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  String token;
  boolean native_ = true;

  NativeClient(ClerkEmulator emulator) {
    this.base = emulator.frontendApiUrl();
  }

  /** One answer: status, parsed body (null if not JSON) and headers. */
  record Reply(int status, JsonNode body, HttpHeaders headers, String raw) {
    JsonNode response() {
      return body.get("response");
    }

    JsonNode client() {
      return body.get("client");
    }

    String errorCode() {
      return body.path("errors").path(0).path("code").asText(null);
    }

    JsonNode error() {
      return body.path("errors").path(0);
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  Reply get(String path, String... queryPairs) {
    return send("GET", path, List.of(queryPairs), List.of());
  }

  Reply post(String path, String... formPairs) {
    return send("POST", path, List.of(), List.of(formPairs));
  }

  Reply patch(String path, String... formPairs) {
    return send("PATCH", path, List.of(), List.of(formPairs));
  }

  Reply delete(String path) {
    return send("DELETE", path, List.of(), List.of());
  }

  Reply send(String method, String path, List<String> query, List<String> form) {
    List<String> q = new ArrayList<>(query);
    if (native_) {
      q.add("_is_native");
      q.add("true");
    }
    String url = base + path + (q.isEmpty() ? "" : (path.contains("?") ? "&" : "?") + encode(q));
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("clerk-api-version", "2026-05-12")
            .header("x-mobile", "1");
    if (token != null) {
      rb.header("Authorization", token);
    }
    if ("GET".equals(method) || "DELETE".equals(method)) {
      rb.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      rb.header("Content-Type", "application/x-www-form-urlencoded");
      rb.method(method, HttpRequest.BodyPublishers.ofString(encode(form)));
    }
    return exchange(rb.build());
  }

  Reply exchange(HttpRequest request) {
    try {
      HttpResponse<String> resp = http.send(request, HttpResponse.BodyHandlers.ofString());
      resp.headers().firstValue("Authorization").ifPresent(t -> token = t.isEmpty() ? null : t);
      JsonNode body = null;
      if (resp.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
        try {
          body = JSON.readTree(resp.body());
        } catch (IOException e) {
          body = null;
        }
      }
      return new Reply(resp.statusCode(), body, resp.headers(), resp.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpClient http() {
    return http;
  }

  static String encode(List<String> pairs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i + 1 < pairs.size(); i += 2) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  /** Signs in with identifier and password in one call; returns the created session id. */
  String signIn(String identifier, String password) {
    Reply r = post("/v1/client/sign_ins", "identifier", identifier, "password", password);
    if (r.status() != 200 || !"complete".equals(r.response().path("status").asText())) {
      throw new AssertionError("sign-in did not complete: " + r.status() + " " + r.raw());
    }
    return r.response().get("created_session_id").asText();
  }

  /** Requests a session token and returns the JWT. */
  String sessionToken(String sessionId) {
    Reply r = post("/v1/client/sessions/" + sessionId + "/tokens", "organization_id", "");
    if (r.status() != 200) {
      throw new AssertionError("token request failed: " + r.status() + " " + r.raw());
    }
    return r.body().get("jwt").asText();
  }

  /** Decodes a JWT part (0 = header, 1 = payload). */
  static JsonNode jwtPart(String jwt, int part) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, String> queryOf(String url) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    int q = url.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (String p : url.substring(q + 1).split("&")) {
      int eq = p.indexOf('=');
      out.put(
          java.net.URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
