package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clerkfx.testkit.internal.totp.Totp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class SignInFlowTest {
  private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
  private final EmulatorClock clock =
      EmulatorClock.startingAt(Instant.parse("2026-04-01T08:00:00Z"));

  @AutoClose
  private final ClerkEmulator emulator =
      ClerkEmulator.builder()
          .clock(clock)
          .user(
              EmulatorUser.builder()
                  .email("grace@example.com")
                  .phone("+14155550123")
                  .password("hopper-1906")
                  .firstName("Grace")
                  .lastName("Hopper")
                  .build())
          .user(
              EmulatorUser.builder()
                  .email("mfa+clerk_test@example.com")
                  .phone("+15555550111")
                  .password("second-factor")
                  .totpSecret(TOTP_SECRET)
                  .backupCodes(List.of("11112222", "33334444"))
                  .phoneSecondFactor(true)
                  .build())
          .start();

  private final NativeClient app = new NativeClient(emulator);

  @Test
  void identifierFirstThenPassword() {
    NativeClient.Reply created = app.post("/v1/client/sign_ins", "identifier", "grace@example.com");
    assertThat(created.status()).isEqualTo(200);
    JsonNode si = created.response();
    assertThat(si.get("status").asText()).isEqualTo("needs_first_factor");
    assertThat(si.get("supported_first_factors"))
        .extracting(f -> f.get("strategy").asText())
        .contains("password", "email_code", "phone_code", "reset_password_email_code");
    assertThat(created.client().get("sign_in").get("id").asText()).isEqualTo(si.get("id").asText());
    assertThat(created.header("Authorization")).isNotBlank();
    NativeClient.Reply attempt =
        app.post(
            "/v1/client/sign_ins/" + si.get("id").asText() + "/attempt_first_factor",
            "strategy",
            "password",
            "password",
            "hopper-1906");
    assertThat(attempt.response().get("status").asText()).isEqualTo("complete");
    assertThat(attempt.response().path("first_factor_verification").get("status").asText())
        .isEqualTo("verified");
    assertThat(attempt.client().get("sessions")).hasSize(1);
  }

  @Test
  void completedSignInCarriesAFreshLastActiveToken() throws Exception {
    NativeClient.Reply done =
        app.post(
            "/v1/client/sign_ins", "identifier", "grace@example.com", "password", "hopper-1906");
    assertThat(done.response().get("status").asText()).isEqualTo("complete");
    JsonNode session = done.client().get("sessions").get(0);
    String jwt = session.path("last_active_token").path("jwt").asText();
    assertThat(jwt).as("real FAPI returns the new session's token with the client").isNotBlank();
    com.nimbusds.jwt.SignedJWT parsed = com.nimbusds.jwt.SignedJWT.parse(jwt);
    assertThat(
            parsed.verify(
                new com.nimbusds.jose.crypto.RSASSAVerifier(
                    com.nimbusds.jose.jwk.JWKSet.parse(emulator.jwks())
                        .getKeys()
                        .get(0)
                        .toRSAKey())))
        .isTrue();
    assertThat(parsed.getJWTClaimsSet().getStringClaim("sid"))
        .isEqualTo(session.get("id").asText());
    assertThat(parsed.getJWTClaimsSet().getExpirationTime().toInstant())
        .isEqualTo(
            clock.instant().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  @Test
  void wrongPasswordIsFormPasswordIncorrect() {
    NativeClient.Reply r =
        app.post("/v1/client/sign_ins", "identifier", "grace@example.com", "password", "nope");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.errorCode()).isEqualTo("form_password_incorrect");
    assertThat(r.error().path("meta").get("param_name").asText()).isEqualTo("password");
    assertThat(r.body().path("meta").path("client").get("object").asText()).isEqualTo("client");
    assertThat(r.header("Authorization"))
        .as("the client created by this call still gets its token")
        .isNotBlank();
  }

  @Test
  void unknownIdentifierIsFormIdentifierNotFound() {
    NativeClient.Reply r = app.post("/v1/client/sign_ins", "identifier", "nobody@example.com");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.errorCode()).isEqualTo("form_identifier_not_found");
    assertThat(r.error().path("meta").get("param_name").asText()).isEqualTo("identifier");
  }

  @Test
  void emailCodeFirstFactor() {
    String sia =
        app.post("/v1/client/sign_ins", "identifier", "grace@example.com")
            .response()
            .get("id")
            .asText();
    NativeClient.Reply prep =
        app.post("/v1/client/sign_ins/" + sia + "/prepare_first_factor", "strategy", "email_code");
    JsonNode v = prep.response().get("first_factor_verification");
    assertThat(v.get("object").asText()).isEqualTo("verification_otp");
    assertThat(v.get("status").asText()).isEqualTo("unverified");
    assertThat(v.get("expire_at").asLong()).isEqualTo(clock.millis() + 600_000);
    String code = emulator.lastVerificationCode("grace@example.com").orElseThrow();
    assertThat(code).matches("\\d{6}").isNotEqualTo("424242");
    NativeClient.Reply done =
        app.post(
            "/v1/client/sign_ins/" + sia + "/attempt_first_factor",
            "strategy",
            "email_code",
            "code",
            code);
    assertThat(done.response().get("status").asText()).isEqualTo("complete");
  }

  @Test
  void phoneCodeFirstFactorWithPhoneNumberId() {
    NativeClient.Reply created = app.post("/v1/client/sign_ins", "identifier", "+14155550123");
    String sia = created.response().get("id").asText();
    String phoneId = null;
    for (JsonNode f : created.response().get("supported_first_factors")) {
      if (f.get("strategy").asText().equals("phone_code")) {
        phoneId = f.get("phone_number_id").asText();
      }
    }
    assertThat(phoneId).startsWith("idn_");
    app.post(
        "/v1/client/sign_ins/" + sia + "/prepare_first_factor",
        "strategy",
        "phone_code",
        "phone_number_id",
        phoneId);
    NativeClient.Reply done =
        app.post(
            "/v1/client/sign_ins/" + sia + "/attempt_first_factor",
            "strategy",
            "phone_code",
            "code",
            emulator.lastVerificationCode("+14155550123").orElseThrow());
    assertThat(done.response().get("status").asText()).isEqualTo("complete");
  }

  @Test
  void wrongCodeIsFormCodeIncorrect() {
    String sia =
        app.post("/v1/client/sign_ins", "identifier", "grace@example.com")
            .response()
            .get("id")
            .asText();
    app.post("/v1/client/sign_ins/" + sia + "/prepare_first_factor", "strategy", "email_code");
    String code = emulator.lastVerificationCode("grace@example.com").orElseThrow();
    String wrong = code.equals("000000") ? "111111" : "000000";
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins/" + sia + "/attempt_first_factor",
            "strategy",
            "email_code",
            "code",
            wrong);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.errorCode()).isEqualTo("form_code_incorrect");
    assertThat(r.error().path("meta").get("param_name").asText()).isEqualTo("code");
  }

  @Test
  void expiredVerificationIsVerificationExpired() {
    String sia =
        app.post("/v1/client/sign_ins", "identifier", "grace@example.com")
            .response()
            .get("id")
            .asText();
    app.post("/v1/client/sign_ins/" + sia + "/prepare_first_factor", "strategy", "email_code");
    String code = emulator.lastVerificationCode("grace@example.com").orElseThrow();
    clock.advance(Duration.ofMinutes(11));
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins/" + sia + "/attempt_first_factor",
            "strategy",
            "email_code",
            "code",
            code);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.errorCode()).isEqualTo("verification_expired");
  }

  @Test
  void testModeAcceptsTheFixedCodeForTestIdentities() {
    String sia =
        app.post("/v1/client/sign_ins", "identifier", ClerkEmulator.DEMO_EMAIL)
            .response()
            .get("id")
            .asText();
    app.post("/v1/client/sign_ins/" + sia + "/prepare_first_factor", "strategy", "email_code");
    assertThat(emulator.lastVerificationCode(ClerkEmulator.DEMO_EMAIL)).contains("424242");
    NativeClient.Reply done =
        app.post(
            "/v1/client/sign_ins/" + sia + "/attempt_first_factor",
            "strategy",
            "email_code",
            "code",
            "424242");
    assertThat(done.response().get("status").asText()).isEqualTo("complete");
  }

  @Test
  void createWithEmailCodeStrategyPreparesInOneStep() {
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins", "identifier", "grace@example.com", "strategy", "email_code");
    assertThat(r.response().path("first_factor_verification").get("strategy").asText())
        .isEqualTo("email_code");
    assertThat(emulator.lastVerificationCode("GRACE@example.com")).isPresent();
  }

  private String mfaSignIn() {
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins",
            "identifier",
            "mfa+clerk_test@example.com",
            "password",
            "second-factor");
    assertThat(r.response().get("status").asText()).isEqualTo("needs_second_factor");
    assertThat(r.response().get("supported_second_factors"))
        .extracting(f -> f.get("strategy").asText())
        .containsExactly("totp", "phone_code", "backup_code");
    return r.response().get("id").asText();
  }

  @Test
  void secondFactorTotp() {
    String sia = mfaSignIn();
    NativeClient.Reply wrong =
        app.post(
            "/v1/client/sign_ins/" + sia + "/attempt_second_factor",
            "strategy",
            "totp",
            "code",
            "000000".equals(Totp.currentCode(TOTP_SECRET, clock)) ? "111111" : "000000");
    assertThat(wrong.errorCode()).isEqualTo("form_code_incorrect");
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins/" + sia + "/attempt_second_factor",
            "strategy",
            "totp",
            "code",
            Totp.currentCode(TOTP_SECRET, clock));
    assertThat(r.response().get("status").asText()).isEqualTo("complete");
    assertThat(r.response().path("second_factor_verification").get("object").asText())
        .isEqualTo("verification_totp");
    String sid = r.response().get("created_session_id").asText();
    JsonNode claims = NativeClient.jwtPart(app.sessionToken(sid), 1);
    assertThat(claims.get("fva").get(1).asInt()).isZero();
  }

  @Test
  void secondFactorPhoneCode() {
    String sia = mfaSignIn();
    app.post("/v1/client/sign_ins/" + sia + "/prepare_second_factor", "strategy", "phone_code");
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins/" + sia + "/attempt_second_factor",
            "strategy",
            "phone_code",
            "code",
            emulator.lastVerificationCode("+15555550111").orElseThrow());
    assertThat(r.response().get("status").asText()).isEqualTo("complete");
  }

  @Test
  void secondFactorEmailCode() {
    String sia = mfaSignIn();
    app.post("/v1/client/sign_ins/" + sia + "/prepare_second_factor", "strategy", "email_code");
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins/" + sia + "/attempt_second_factor",
            "strategy",
            "email_code",
            "code",
            "424242");
    assertThat(r.response().get("status").asText()).isEqualTo("complete");
  }

  @Test
  void secondFactorBackupCodeIsSingleUse() {
    String sia = mfaSignIn();
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins/" + sia + "/attempt_second_factor",
            "strategy",
            "backup_code",
            "code",
            "11112222");
    assertThat(r.response().get("status").asText()).isEqualTo("complete");
    String user =
        emulator.userByIdentifier("mfa+clerk_test@example.com").orElseThrow().id().orElseThrow();
    assertThat(emulator.user(user).orElseThrow().backupCodes()).containsExactly("33334444");
  }

  @Test
  void clientTrustNeedsACodeOnANewDeviceOnly() {
    try (ClerkEmulator trust = ClerkEmulator.builder().clock(clock).clientTrust(true).start()) {
      NativeClient device = new NativeClient(trust);
      NativeClient.Reply r =
          device.post(
              "/v1/client/sign_ins",
              "identifier",
              ClerkEmulator.DEMO_EMAIL,
              "password",
              ClerkEmulator.DEMO_PASSWORD);
      assertThat(r.response().get("status").asText()).isEqualTo("needs_client_trust");
      assertThat(r.response().get("client_trust_state").asText()).isEqualTo("new");
      assertThat(r.response().get("supported_second_factors").get(0).get("strategy").asText())
          .isEqualTo("email_code");
      String sia = r.response().get("id").asText();
      device.post(
          "/v1/client/sign_ins/" + sia + "/prepare_second_factor", "strategy", "email_code");
      NativeClient.Reply done =
          device.post(
              "/v1/client/sign_ins/" + sia + "/attempt_second_factor",
              "strategy",
              "email_code",
              "code",
              "424242");
      assertThat(done.response().get("status").asText()).isEqualTo("complete");
      String sid = done.response().get("created_session_id").asText();
      device.post("/v1/client/sessions/" + sid + "/remove");
      NativeClient.Reply again =
          device.post(
              "/v1/client/sign_ins",
              "identifier",
              ClerkEmulator.DEMO_EMAIL,
              "password",
              ClerkEmulator.DEMO_PASSWORD);
      assertThat(again.response().get("status").asText())
          .as("a known device")
          .isEqualTo("complete");
    }
  }

  @Test
  void resetPasswordWithEmailCode() {
    String sia =
        app.post("/v1/client/sign_ins", "identifier", "grace@example.com")
            .response()
            .get("id")
            .asText();
    app.post(
        "/v1/client/sign_ins/" + sia + "/prepare_first_factor",
        "strategy",
        "reset_password_email_code");
    NativeClient.Reply verified =
        app.post(
            "/v1/client/sign_ins/" + sia + "/attempt_first_factor",
            "strategy",
            "reset_password_email_code",
            "code",
            emulator.lastVerificationCode("grace@example.com").orElseThrow());
    assertThat(verified.response().get("status").asText()).isEqualTo("needs_new_password");
    NativeClient.Reply tooShort =
        app.post("/v1/client/sign_ins/" + sia + "/reset_password", "password", "x");
    assertThat(tooShort.errorCode()).isEqualTo("form_password_length_too_short");
    NativeClient.Reply done =
        app.post(
            "/v1/client/sign_ins/" + sia + "/reset_password",
            "password",
            "new-password-1",
            "sign_out_of_other_sessions",
            "true");
    assertThat(done.response().get("status").asText()).isEqualTo("complete");
    NativeClient other = new NativeClient(emulator);
    assertThat(
            other
                .post(
                    "/v1/client/sign_ins",
                    "identifier",
                    "grace@example.com",
                    "password",
                    "hopper-1906")
                .errorCode())
        .isEqualTo("form_password_incorrect");
    assertThat(
            other
                .post(
                    "/v1/client/sign_ins",
                    "identifier",
                    "grace@example.com",
                    "password",
                    "new-password-1")
                .response()
                .get("status")
                .asText())
        .isEqualTo("complete");
  }

  @Test
  void bannedUserCannotSignInAndLosesSessions() {
    String sid = app.signIn("grace@example.com", "hopper-1906");
    String userId = emulator.userByIdentifier("grace@example.com").orElseThrow().id().orElseThrow();
    emulator.banUser(userId);
    assertThat(app.post("/v1/client/sessions/" + sid + "/tokens").errorCode())
        .isEqualTo("session_revoked");
    NativeClient other = new NativeClient(emulator);
    NativeClient.Reply r =
        other.post(
            "/v1/client/sign_ins", "identifier", "grace@example.com", "password", "hopper-1906");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("user_banned");
  }

  @Test
  void lockedUserGetsLockoutSecondsUntilTheClockPassesIt() {
    String userId = emulator.userByIdentifier("grace@example.com").orElseThrow().id().orElseThrow();
    emulator.lockUser(userId, Duration.ofMinutes(30));
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins", "identifier", "grace@example.com", "password", "hopper-1906");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("user_locked");
    assertThat(r.error().path("meta").get("lockout_expires_in_seconds").asLong()).isEqualTo(1800);
    clock.advance(Duration.ofMinutes(31));
    assertThat(
            app.post(
                    "/v1/client/sign_ins",
                    "identifier",
                    "grace@example.com",
                    "password",
                    "hopper-1906")
                .response()
                .get("status")
                .asText())
        .isEqualTo("complete");
  }

  @Test
  void singleSessionModeRefusesASecondSignIn() {
    app.signIn("grace@example.com", "hopper-1906");
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins",
            "identifier",
            ClerkEmulator.DEMO_EMAIL,
            "password",
            ClerkEmulator.DEMO_PASSWORD);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("session_exists");
  }

  @Test
  void multiSessionModeKeepsBothSessions() {
    try (ClerkEmulator multi =
        ClerkEmulator.builder()
            .clock(clock)
            .multiSession(true)
            .user(EmulatorUser.builder().email("second@example.com").password("password-2").build())
            .start()) {
      NativeClient device = new NativeClient(multi);
      String first = device.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
      String second = device.signIn("second@example.com", "password-2");
      NativeClient.Reply client = device.get("/v1/client");
      assertThat(client.response().get("sessions")).hasSize(2);
      assertThat(client.response().get("last_active_session_id").asText()).isEqualTo(second);
      assertThat(multi.frontendApiUrl()).isNotBlank();
      NativeClient.Reply same =
          device.post(
              "/v1/client/sign_ins",
              "identifier",
              ClerkEmulator.DEMO_EMAIL,
              "password",
              ClerkEmulator.DEMO_PASSWORD);
      assertThat(same.errorCode()).isEqualTo("identifier_already_signed_in");
      assertThat(same.error().path("meta").get("session_id").asText()).isEqualTo(first);
      NativeClient.Reply env = device.get("/v1/environment");
      assertThat(env.body().path("auth_config").get("single_session_mode").asBoolean()).isFalse();
    }
  }

  @Test
  void getSignInShowsProgress() {
    String sia =
        app.post("/v1/client/sign_ins", "identifier", "grace@example.com")
            .response()
            .get("id")
            .asText();
    NativeClient.Reply r = app.get("/v1/client/sign_ins/" + sia);
    assertThat(r.response().get("status").asText()).isEqualTo("needs_first_factor");
    assertThat(app.get("/v1/client/sign_ins/sia_unknown").status()).isEqualTo(404);
  }
}
