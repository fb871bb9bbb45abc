package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class SignUpFlowTest {
  private final EmulatorClock clock =
      EmulatorClock.startingAt(Instant.parse("2026-05-01T12:00:00Z"));
  @AutoClose private final ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start();
  private final NativeClient app = new NativeClient(emulator);

  @Test
  void missingRequirementsThenUpdateThenVerifyCompletes() {
    NativeClient.Reply created =
        app.post(
            "/v1/client/sign_ups",
            "email_address",
            "new.user@example.com",
            "first_name",
            "New",
            "unknown_field",
            "ignored",
            "legal_accepted",
            "true");
    assertThat(created.status()).isEqualTo(200);
    JsonNode su = created.response();
    String id = su.get("id").asText();
    assertThat(su.get("object").asText()).isEqualTo("sign_up_attempt");
    assertThat(su.get("status").asText()).isEqualTo("missing_requirements");
    assertThat(su.get("missing_fields")).extracting(JsonNode::asText).containsExactly("password");
    assertThat(su.get("unverified_fields"))
        .extracting(JsonNode::asText)
        .containsExactly("email_address");
    assertThat(su.get("legal_accepted_at").asLong()).isEqualTo(clock.millis());
    assertThat(created.client().get("sign_up").get("id").asText()).isEqualTo(id);

    NativeClient.Reply updated =
        app.patch("/v1/client/sign_ups/" + id, "password", "a-good-password");
    assertThat(updated.response().get("missing_fields")).isEmpty();

    NativeClient.Reply prepared =
        app.post("/v1/client/sign_ups/" + id + "/prepare_verification", "strategy", "email_code");
    JsonNode v = prepared.response().path("verifications").get("email_address");
    assertThat(v.get("next_action").asText()).isEqualTo("needs_attempt");
    assertThat(v.get("supported_strategies"))
        .extracting(JsonNode::asText)
        .containsExactly("email_code");

    String before = app.token;
    NativeClient.Reply done =
        app.post(
            "/v1/client/sign_ups/" + id + "/attempt_verification",
            "strategy",
            "email_code",
            "code",
            emulator.lastVerificationCode("new.user@example.com").orElseThrow());
    assertThat(done.response().get("status").asText()).isEqualTo("complete");
    assertThat(done.header("Authorization")).isNotNull().isNotEqualTo(before);
    String userId = done.response().get("created_user_id").asText();
    String sid = done.response().get("created_session_id").asText();
    assertThat(done.client().get("last_active_session_id").asText()).isEqualTo(sid);
    assertThat(done.client().get("sign_up").isNull()).isTrue();
    EmulatorUser user = emulator.user(userId).orElseThrow();
    assertThat(user.email()).contains("new.user@example.com");
    assertThat(user.firstName()).contains("New");
    assertThat(new NativeClient(emulator).signIn("new.user@example.com", "a-good-password"))
        .isNotBlank();
  }

  @Test
  void emailAndPhoneBothNeedVerification() {
    NativeClient.Reply created =
        app.post(
            "/v1/client/sign_ups",
            "email_address",
            "both+clerk_test@example.com",
            "phone_number",
            "+15555550142",
            "password",
            "a-good-password",
            "strategy",
            "email_code");
    String id = created.response().get("id").asText();
    assertThat(created.response().get("unverified_fields"))
        .extracting(JsonNode::asText)
        .containsExactly("email_address", "phone_number");
    NativeClient.Reply email =
        app.post(
            "/v1/client/sign_ups/" + id + "/attempt_verification",
            "strategy",
            "email_code",
            "code",
            "424242");
    assertThat(email.response().get("status").asText()).isEqualTo("missing_requirements");
    app.post("/v1/client/sign_ups/" + id + "/prepare_verification", "strategy", "phone_code");
    NativeClient.Reply phone =
        app.post(
            "/v1/client/sign_ups/" + id + "/attempt_verification",
            "strategy",
            "phone_code",
            "code",
            "424242");
    assertThat(phone.response().get("status").asText()).isEqualTo("complete");
    assertThat(phone.response().path("verifications").path("phone_number").get("status").asText())
        .isEqualTo("verified");
  }

  @Test
  void takenEmailIsFormIdentifierExists() {
    NativeClient.Reply r =
        app.post("/v1/client/sign_ups", "email_address", ClerkEmulator.DEMO_EMAIL);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.errorCode()).isEqualTo("form_identifier_exists");
    assertThat(r.error().path("meta").get("param_name").asText()).isEqualTo("email_address");
  }

  @Test
  void invalidValuesAreFormErrors() {
    assertThat(app.post("/v1/client/sign_ups", "email_address", "not-an-email").errorCode())
        .isEqualTo("form_param_format_invalid");
    assertThat(app.post("/v1/client/sign_ups", "password", "short").errorCode())
        .isEqualTo("form_password_length_too_short");
    assertThat(app.post("/v1/client/sign_ups", "unsafe_metadata", "{broken").errorCode())
        .isEqualTo("form_param_format_invalid");
  }

  @Test
  void unsafeMetadataIsKept() {
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ups",
            "email_address",
            "meta@example.com",
            "unsafe_metadata",
            "{\"theme\":\"dark\"}");
    assertThat(r.response().path("unsafe_metadata").get("theme").asText()).isEqualTo("dark");
  }

  @Test
  void wrongSignUpCodeIsRejected() {
    String id =
        app.post(
                "/v1/client/sign_ups",
                "email_address",
                "code@example.com",
                "password",
                "pass-word-1",
                "strategy",
                "email_code")
            .response()
            .get("id")
            .asText();
    String code = emulator.lastVerificationCode("code@example.com").orElseThrow();
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ups/" + id + "/attempt_verification",
            "strategy",
            "email_code",
            "code",
            code.equals("123456") ? "654321" : "123456");
    assertThat(r.errorCode()).isEqualTo("form_code_incorrect");
  }
}
