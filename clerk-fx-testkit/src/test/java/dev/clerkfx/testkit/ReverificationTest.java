package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clerkfx.testkit.internal.totp.Totp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ReverificationTest {
  private static final String SECRET = "JBSWY3DPEHPK3PXP";
  private final EmulatorClock clock =
      EmulatorClock.startingAt(Instant.parse("2026-10-01T09:00:00Z"));

  @AutoClose
  private final ClerkEmulator emulator =
      ClerkEmulator.builder()
          .clock(clock)
          .user(
              EmulatorUser.builder()
                  .email("mfa@example.com")
                  .password("mfa-password")
                  .totpSecret(SECRET)
                  .build())
          .start();

  private final NativeClient app = new NativeClient(emulator);

  @Test
  void firstFactorReverificationWithPasswordResetsTheFactorAge() {
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    clock.advance(Duration.ofMinutes(30));
    NativeClient.Reply started =
        app.post("/v1/client/sessions/" + sid + "/verify", "level", "first_factor");
    assertThat(started.status()).isEqualTo(200);
    JsonNode rv = started.response();
    assertThat(rv.get("object").asText()).isEqualTo("session_reverification");
    assertThat(rv.get("status").asText()).isEqualTo("needs_first_factor");
    assertThat(rv.get("supported_first_factors"))
        .extracting(f -> f.get("strategy").asText())
        .contains("password", "email_code");
    NativeClient.Reply wrong =
        app.post(
            "/v1/client/sessions/" + sid + "/verify/attempt_first_factor",
            "strategy",
            "password",
            "password",
            "nope");
    assertThat(wrong.errorCode()).isEqualTo("form_password_incorrect");
    NativeClient.Reply done =
        app.post(
            "/v1/client/sessions/" + sid + "/verify/attempt_first_factor",
            "strategy",
            "password",
            "password",
            ClerkEmulator.DEMO_PASSWORD);
    assertThat(done.response().get("status").asText()).isEqualTo("complete");
    assertThat(done.response().path("session").get("id").asText()).isEqualTo(sid);
    assertThat(NativeClient.jwtPart(app.sessionToken(sid), 1).get("fva").get(0).asInt()).isZero();
  }

  @Test
  void emailCodeReverification() {
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    app.post("/v1/client/sessions/" + sid + "/verify", "level", "first_factor");
    app.post(
        "/v1/client/sessions/" + sid + "/verify/prepare_first_factor", "strategy", "email_code");
    NativeClient.Reply done =
        app.post(
            "/v1/client/sessions/" + sid + "/verify/attempt_first_factor",
            "strategy",
            "email_code",
            "code",
            "424242");
    assertThat(done.response().get("status").asText()).isEqualTo("complete");
  }

  @Test
  void multiFactorReverificationNeedsTheSecondFactorToo() {
    NativeClient.Reply si =
        app.post(
            "/v1/client/sign_ins", "identifier", "mfa@example.com", "password", "mfa-password");
    String sia = si.response().get("id").asText();
    String sid =
        app.post(
                "/v1/client/sign_ins/" + sia + "/attempt_second_factor",
                "strategy",
                "totp",
                "code",
                Totp.currentCode(SECRET, clock))
            .response()
            .get("created_session_id")
            .asText();
    clock.advance(Duration.ofMinutes(10));
    app.post("/v1/client/sessions/" + sid + "/verify", "level", "multi_factor");
    NativeClient.Reply first =
        app.post(
            "/v1/client/sessions/" + sid + "/verify/attempt_first_factor",
            "strategy",
            "password",
            "password",
            "mfa-password");
    assertThat(first.response().get("status").asText()).isEqualTo("needs_second_factor");
    assertThat(first.response().get("supported_second_factors").get(0).get("strategy").asText())
        .isEqualTo("totp");
    NativeClient.Reply second =
        app.post(
            "/v1/client/sessions/" + sid + "/verify/attempt_second_factor",
            "strategy",
            "totp",
            "code",
            Totp.currentCode(SECRET, clock));
    assertThat(second.response().get("status").asText()).isEqualTo("complete");
    JsonNode fva = NativeClient.jwtPart(app.sessionToken(sid), 1).get("fva");
    assertThat(fva.get(0).asInt()).isZero();
    assertThat(fva.get(1).asInt()).isZero();
  }

  @Test
  void stepsOutOfOrderAreRejected() {
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    assertThat(
            app.post(
                    "/v1/client/sessions/" + sid + "/verify/attempt_first_factor",
                    "strategy",
                    "password")
                .status())
        .isEqualTo(400);
    assertThat(
            app.post("/v1/client/sessions/" + sid + "/verify", "level", "everything").errorCode())
        .isEqualTo("form_param_value_invalid");
  }
}
