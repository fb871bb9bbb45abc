package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class FaultsAndLeniencyTest {
  private final EmulatorClock clock =
      EmulatorClock.startingAt(Instant.parse("2026-08-01T09:00:00Z"));

  @AutoClose
  private final ClerkEmulator emulator =
      ClerkEmulator.builder().clock(clock).multiSession(true).start();

  private final NativeClient app = new NativeClient(emulator);

  // ---------------------------------------------------------------- faults

  @Test
  void statusFaultForTheNextNRequests() {
    emulator.faults().add(Fault.on("GET", "/v1/environment").status(503).times(2));
    assertThat(app.get("/v1/environment").status()).isEqualTo(503);
    NativeClient.Reply second = app.get("/v1/environment");
    assertThat(second.status()).isEqualTo(503);
    assertThat(second.errorCode()).isEqualTo("service_unavailable");
    assertThat(app.get("/v1/environment").status()).isEqualTo(200);
    assertThat(emulator.faults().active()).isEmpty();
  }

  @Test
  void rateLimitedFaultSendsRetryAfter() {
    emulator
        .faults()
        .add(
            Fault.on("POST", "/v1/client/sessions/*/tokens")
                .rateLimited(Duration.ofMillis(1500))
                .times(1));
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    NativeClient.Reply r = app.post("/v1/client/sessions/" + sid + "/tokens");
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.errorCode()).isEqualTo("too_many_requests");
    assertThat(r.header("Retry-After")).isEqualTo("2");
    assertThat(app.sessionToken(sid)).isNotBlank();
  }

  @Test
  void droppedConnectionReachesTheClientAsAnIoError() {
    // Unlimited: the JDK client retries an idempotent GET once on a reset connection.
    emulator.faults().add(Fault.on("*", "/v1/client").dropConnection());
    assertThatThrownBy(() -> app.get("/v1/client")).isInstanceOf(UncheckedIOException.class);
    assertThat(emulator.journal().requests())
        .last()
        .extracting(RecordedRequest::status)
        .isEqualTo(0);
    emulator.faults().clear();
    assertThat(app.get("/v1/client").status()).isEqualTo(200);
  }

  @Test
  void malformedBodyFault() {
    emulator.faults().add(Fault.on("GET", "/v1/client").malformedBody().times(1));
    NativeClient.Reply r = app.get("/v1/client");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).as("not parseable JSON").isNull();
    assertThat(r.raw()).startsWith("{\"response\":");
  }

  @Test
  void latencyFaultDelaysButAnswers() {
    emulator.faults().add(Fault.on("GET", "/v1/environment").latency(Duration.ofMillis(300)));
    long start = System.nanoTime();
    NativeClient.Reply r = app.get("/v1/environment");
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.status()).isEqualTo(200);
    assertThat(tookMs).isGreaterThanOrEqualTo(300);
    emulator.faults().clear();
    assertThat(emulator.faults().active()).isEmpty();
  }

  @Test
  void probabilityZeroNeverFiresAndOneAlwaysFires() {
    Fault never = Fault.on("*", "/v1/**").status(500).probability(0.0);
    emulator.faults().add(never);
    for (int i = 0; i < 5; i++) {
      assertThat(app.get("/v1/environment").status()).isEqualTo(200);
    }
    emulator.faults().remove(never);
    emulator.faults().add(Fault.on("*", "/v1/**").status(500).probability(1.0));
    NativeClient.Reply r = app.get("/v1/environment");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.errorCode()).isEqualTo("internal_clerk_error");
    assertThat(app.get("/.well-known/jwks.json").status()).as("outside the glob").isEqualTo(200);
  }

  @Test
  void faultBuildersRejectNonsense() {
    assertThatThrownBy(() -> Fault.on("GET", "/x").status(200))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.on("GET", "/x").status(500).times(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.on("GET", "/x").status(500).probability(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- how real clients send requests

  @Test
  void methodTunnellingThroughPost() {
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    NativeClient.Reply r = app.post("/v1/client/sessions", "_method", "DELETE");
    assertThat(r.status()).isEqualTo(200);
    assertThat(emulator.session(sid).orElseThrow().status()).isEqualTo("removed");
    NativeClient.Reply patch =
        app.send("POST", "/v1/me", List.of("_method", "PATCH"), List.of("first_name", "X"));
    assertThat(patch.status()).as("no session any more").isEqualTo(401);
    RecordedRequest rec = emulator.journal().requests("DELETE", "/v1/client/sessions").get(0);
    assertThat(rec.wireMethod()).isEqualTo("POST");
  }

  @Test
  void clerkJsStyleQueryParametersAndIsNativeOne() {
    app.native_ = false;
    NativeClient.Reply r =
        app.get(
            "/v1/environment",
            "__clerk_api_version",
            "2026-05-12",
            "_clerk_js_version",
            "5.0.0",
            "_is_native",
            "1");
    assertThat(r.status()).isEqualTo(200);
    NativeClient.Reply created =
        app.send(
            "POST",
            "/v1/client/sign_ins",
            List.of("_is_native", "1", "__clerk_api_version", "2025-11-10"),
            List.of(
                "identifier", ClerkEmulator.DEMO_EMAIL, "password", ClerkEmulator.DEMO_PASSWORD));
    assertThat(created.response().get("status").asText()).isEqualTo("complete");
  }

  @Test
  void emptyAuthorizationHeaderBeforeAClientExists() {
    NativeClient.Reply r =
        app.exchange(
            HttpRequest.newBuilder(
                    URI.create(emulator.frontendApiUrl() + "/v1/client/sign_ins?_is_native=true"))
                .header("Authorization", "")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "identifier="
                            + ClerkEmulator.DEMO_EMAIL.replace("+", "%2B")
                            + "&password="
                            + ClerkEmulator.DEMO_PASSWORD))
                .build());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Authorization")).isNotBlank();
  }

  @Test
  void unknownFormFieldsAreIgnored() {
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins",
            "identifier",
            ClerkEmulator.DEMO_EMAIL,
            "password",
            ClerkEmulator.DEMO_PASSWORD,
            "locale",
            "en-GB",
            "captcha_token",
            "x",
            "brand_new_field",
            "y");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.response().get("status").asText()).isEqualTo("complete");
  }

  @Test
  void bearerPrefixedClientTokenIsAccepted() {
    app.post("/v1/client");
    app.token = "Bearer " + app.token;
    assertThat(app.get("/v1/client").response().isObject()).isTrue();
  }

  @Test
  void malformedFormBodyIsA400NotA500() {
    NativeClient.Reply r =
        app.exchange(
            HttpRequest.newBuilder(
                    URI.create(emulator.frontendApiUrl() + "/v1/client/sign_ins?_is_native=true"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("identifier=%zz&password"))
                .build());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("form_param_format_invalid");
  }

  @Test
  void missingRequiredParamIsAFormError() {
    app.post("/v1/client");
    NativeClient.Reply si = app.post("/v1/client/sign_ins", "identifier", ClerkEmulator.DEMO_EMAIL);
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins/" + si.response().get("id").asText() + "/attempt_first_factor");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.errorCode()).isEqualTo("form_param_missing");
    assertThat(r.error().path("meta").get("param_name").asText()).isEqualTo("strategy");
  }

  @Test
  void badTunnelledMethodIsAFormError() {
    NativeClient.Reply r = app.post("/v1/client", "_method", "TRACE");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.error().path("meta").get("param_name").asText()).isEqualTo("_method");
  }

  // ---------------------------------------------------------------- rate limits

  @Test
  void rateLimitsFollowClerksDocumentedLimitsWithRetryAfter() {
    try (ClerkEmulator limited = ClerkEmulator.builder().clock(clock).rateLimits(true).start()) {
      NativeClient device = new NativeClient(limited);
      for (int i = 0; i < 5; i++) {
        assertThat(
                device.post("/v1/client/sign_ins", "identifier", ClerkEmulator.DEMO_EMAIL).status())
            .isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
      }
      NativeClient.Reply r =
          device.post("/v1/client/sign_ins", "identifier", ClerkEmulator.DEMO_EMAIL);
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.errorCode()).isEqualTo("too_many_requests");
      assertThat(r.header("Retry-After")).isEqualTo("5");
      clock.advance(Duration.ofSeconds(5));
      assertThat(
              device.post("/v1/client/sign_ins", "identifier", ClerkEmulator.DEMO_EMAIL).status())
          .isEqualTo(200);

      clock.advance(Duration.ofSeconds(20));
      String id =
          device
              .post("/v1/client/sign_ins", "identifier", ClerkEmulator.DEMO_EMAIL)
              .response()
              .get("id")
              .asText();
      for (int i = 0; i < 3; i++) {
        assertThat(
                device
                    .post(
                        "/v1/client/sign_ins/" + id + "/attempt_first_factor",
                        "strategy",
                        "password",
                        "password",
                        "wrong")
                    .errorCode())
            .isEqualTo("form_password_incorrect");
      }
      NativeClient.Reply attempt =
          device.post(
              "/v1/client/sign_ins/" + id + "/attempt_first_factor",
              "strategy",
              "password",
              "password",
              ClerkEmulator.DEMO_PASSWORD);
      assertThat(attempt.status()).isEqualTo(429);
      assertThat(Integer.parseInt(attempt.header("Retry-After"))).isBetween(1, 10);
    }
  }

  @Test
  void rateLimitsAreOffByDefault() {
    for (int i = 0; i < 8; i++) {
      assertThat(app.post("/v1/client/sign_ins", "identifier", ClerkEmulator.DEMO_EMAIL).status())
          .isEqualTo(200);
    }
  }
}
