package dev.clerkfx.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clerkfx.testkit.ClerkEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A bare native FAPI caller for benchmark set-up: sends what Clerk's native SDKs send ({@code
 * _is_native=true}, the client token raw in {@code Authorization}, {@code clerk-api-version},
 * {@code x-mobile}, form bodies).
 */
final class NativeFapi {
  static final String API_VERSION = "2026-05-12";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;
  private final HttpUrl base;

  NativeFapi(OkHttpClient http, ClerkEmulator emulator) {
    this.http = http;
    this.base = HttpUrl.get(emulator.frontendApiUrl());
  }

  /** A signed-in device: its client token (a secret: never printed) and its session id. */
  record SignedIn(String clientToken, String sessionId) {
    @Override
    public String toString() {
      return "SignedIn[clientToken=<redacted>, sessionId=" + sessionId + "]";
    }
  }

  /**
   * Signs the emulator's demo user in with its password, as a fresh device.
   *
   * @return the device's client token and session id
   */
  SignedIn signInDemoUser() {
    Request request =
        new Request.Builder()
            .url(url("/v1/client/sign_ins"))
            .header("clerk-api-version", API_VERSION)
            .header("x-mobile", "1")
            .post(
                new FormBody.Builder()
                    .add("identifier", ClerkEmulator.DEMO_EMAIL)
                    .add("password", ClerkEmulator.DEMO_PASSWORD)
                    .build())
            .build();
    try (Response r = http.newCall(request).execute()) {
      String body = r.body().string();
      if (r.code() != 200) {
        throw new IllegalStateException("Demo sign-in failed with HTTP " + r.code() + ": " + body);
      }
      JsonNode sign = JSON.readTree(body).path("response");
      if (!"complete".equals(sign.path("status").asText())) {
        throw new IllegalStateException(
            "Demo sign-in did not complete: status " + sign.path("status").asText());
      }
      String token = r.header("Authorization");
      if (token == null || token.isEmpty()) {
        throw new IllegalStateException("The emulator returned no client token on sign-in");
      }
      return new SignedIn(token, sign.path("created_session_id").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("Demo sign-in failed", e);
    }
  }

  /**
   * Builds the session-token request a native SDK sends: {@code POST
   * /v1/client/sessions/{sid}/tokens}.
   *
   * @param device the signed-in device
   * @return the request, reusable for every call
   */
  Request tokenRequest(SignedIn device) {
    return new Request.Builder()
        .url(url("/v1/client/sessions/" + device.sessionId() + "/tokens"))
        .header("Authorization", device.clientToken())
        .header("clerk-api-version", API_VERSION)
        .header("x-mobile", "1")
        .post(new FormBody.Builder().build())
        .build();
  }

  private HttpUrl url(String path) {
    return base.newBuilder().encodedPath(path).addQueryParameter("_is_native", "true").build();
  }
}
