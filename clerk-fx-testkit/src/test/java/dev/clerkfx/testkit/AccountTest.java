package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clerkfx.testkit.internal.totp.Totp;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountTest {
  private final EmulatorClock clock =
      EmulatorClock.startingAt(Instant.parse("2026-09-01T09:00:00Z"));
  @AutoClose private final ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start();
  private final NativeClient app = new NativeClient(emulator);

  @BeforeEach
  void signIn() {
    app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
  }

  @Test
  void metadataIsDeepMerged() {
    app.send(
        "PATCH",
        "/v1/me/metadata",
        java.util.List.of(),
        java.util.List.of(
            "unsafe_metadata", "{\"ui\":{\"theme\":\"dark\",\"size\":2},\"drop\":1}"));
    NativeClient.Reply r =
        app.send(
            "PATCH",
            "/v1/me/metadata",
            java.util.List.of(),
            java.util.List.of("unsafe_metadata", "{\"ui\":{\"size\":3},\"drop\":null}"));
    JsonNode meta = r.response().get("unsafe_metadata");
    assertThat(meta.path("ui").get("theme").asText()).isEqualTo("dark");
    assertThat(meta.path("ui").get("size").asInt()).isEqualTo(3);
    assertThat(meta.has("drop")).isFalse();
  }

  @Test
  void changePasswordChecksTheCurrentOne() {
    NativeClient.Reply wrong =
        app.post(
            "/v1/me/change_password",
            "current_password",
            "nope",
            "new_password",
            "brand-new-password");
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.error().path("meta").get("param_name").asText()).isEqualTo("current_password");
    NativeClient.Reply ok =
        app.post(
            "/v1/me/change_password",
            "current_password",
            ClerkEmulator.DEMO_PASSWORD,
            "new_password",
            "brand-new-password");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(emulator.demoUser().password()).contains("brand-new-password");
  }

  @Test
  void addVerifyAndDeleteAnEmailAddress() {
    NativeClient.Reply added =
        app.post("/v1/me/email_addresses", "email_address", "second@example.com");
    assertThat(added.status()).isEqualTo(200);
    String id = added.response().get("id").asText();
    assertThat(added.response().get("verification").isNull()).isTrue();
    app.post("/v1/me/email_addresses/" + id + "/prepare_verification", "strategy", "email_code");
    NativeClient.Reply verified =
        app.post(
            "/v1/me/email_addresses/" + id + "/attempt_verification",
            "code",
            emulator.lastVerificationCode("second@example.com").orElseThrow());
    assertThat(verified.response().path("verification").get("status").asText())
        .isEqualTo("verified");
    assertThat(app.get("/v1/me/email_addresses/" + id).response().get("email_address").asText())
        .isEqualTo("second@example.com");
    NativeClient.Reply deleted = app.delete("/v1/me/email_addresses/" + id);
    assertThat(deleted.response().get("deleted").asBoolean()).isTrue();
    assertThat(emulator.demoUser().emails()).containsExactly(ClerkEmulator.DEMO_EMAIL);
    assertThat(
            app.post("/v1/me/email_addresses", "email_address", ClerkEmulator.DEMO_EMAIL)
                .errorCode())
        .isEqualTo("form_identifier_exists");
  }

  @Test
  void addAPhoneAndEnrolItAsSecondFactor() {
    NativeClient.Reply added = app.post("/v1/me/phone_numbers", "phone_number", "+15555550177");
    String id = added.response().get("id").asText();
    assertThat(
            app.patch("/v1/me/phone_numbers/" + id, "reserved_for_second_factor", "true").status())
        .as("unverified")
        .isEqualTo(422);
    app.post("/v1/me/phone_numbers/" + id + "/prepare_verification", "strategy", "phone_code");
    app.post("/v1/me/phone_numbers/" + id + "/attempt_verification", "code", "424242");
    NativeClient.Reply mfa =
        app.patch("/v1/me/phone_numbers/" + id, "reserved_for_second_factor", "true");
    assertThat(mfa.response().get("reserved_for_second_factor").asBoolean()).isTrue();
    assertThat(emulator.demoUser().twoFactorEnabled()).isTrue();
    // the session has not verified the new second factor: a sensitive action needs reverification
    // now
    NativeClient.Reply refused = app.delete("/v1/me/phone_numbers/" + id);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorCode()).isEqualTo("session_reverification_required");
    app.patch("/v1/me/phone_numbers/" + id, "reserved_for_second_factor", "false");
    assertThat(app.delete("/v1/me/phone_numbers/" + id).response().get("object").asText())
        .isEqualTo("phone_number");
  }

  @Test
  void enrolTotpThenSignInWithIt() {
    NativeClient.Reply started = app.post("/v1/me/totp");
    assertThat(started.response().get("object").asText()).isEqualTo("totp");
    assertThat(started.response().get("verified").asBoolean()).isFalse();
    String secret = started.response().get("secret").asText();
    assertThat(started.response().get("uri").asText()).startsWith("otpauth://totp/");
    NativeClient.Reply verified =
        app.post("/v1/me/totp/attempt_verification", "code", Totp.currentCode(secret, clock));
    assertThat(verified.response().get("verified").asBoolean()).isTrue();
    assertThat(verified.response().get("backup_codes")).hasSize(10);
    assertThat(emulator.demoUser().totpSecret()).contains(secret);

    NativeClient laptop = new NativeClient(emulator);
    NativeClient.Reply si =
        laptop.post(
            "/v1/client/sign_ins",
            "identifier",
            ClerkEmulator.DEMO_EMAIL,
            "password",
            ClerkEmulator.DEMO_PASSWORD);
    assertThat(si.response().get("status").asText()).isEqualTo("needs_second_factor");

    NativeClient.Reply codes = app.post("/v1/me/backup_codes");
    assertThat(codes.response().get("object").asText()).isEqualTo("backup_code");
    assertThat(codes.response().get("codes")).hasSize(10);
    assertThat(app.delete("/v1/me/totp").response().get("deleted").asBoolean()).isTrue();
  }

  @Test
  void uploadAndDeleteAProfileImage() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    String boundary = "----clerkfx";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    body.writeBytes(png);
    body.writeBytes(
        ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    NativeClient.Reply r =
        app.exchange(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        emulator.frontendApiUrl() + "/v1/me/profile_image?_is_native=true"))
                .header("Authorization", app.token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    assertThat(r.status()).isEqualTo(200);
    String url = r.response().get("public_url").asText();
    assertThat(emulator.demoUser().imageUrl()).contains(url);
    NativeClient.Reply image =
        app.exchange(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build());
    assertThat(image.header("Content-Type")).isEqualTo("image/png");
    assertThat(image.raw().length()).isEqualTo(png.length);
    assertThat(app.delete("/v1/me/profile_image").response().get("deleted").asBoolean()).isTrue();
    assertThat(app.get("/v1/me").response().get("has_image").asBoolean()).isFalse();
    assertThat(app.delete("/v1/me/profile_image").status()).isEqualTo(404);
  }

  @Test
  void deleteMeRemovesTheUserAndSignsOut() {
    NativeClient.Reply r = app.delete("/v1/me");
    assertThat(r.response().get("deleted").asBoolean()).isTrue();
    assertThat(emulator.users()).isEmpty();
    assertThat(r.client().get("sessions")).isEmpty();
  }
}
