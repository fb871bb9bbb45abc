package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random bad input: whatever a client sends, the emulator answers with a Clerk error, never
 * a 500.
 */
class BadInputFuzzTest {
  private static final String[] ROUTES = {
    "/v1/client",
    "/v1/environment",
    "/v1/client/sign_ins",
    "/v1/client/sign_ins/{id}",
    "/v1/client/sign_ins/{id}/prepare_first_factor",
    "/v1/client/sign_ins/{id}/attempt_first_factor",
    "/v1/client/sign_ins/{id}/prepare_second_factor",
    "/v1/client/sign_ins/{id}/attempt_second_factor",
    "/v1/client/sign_ins/{id}/reset_password",
    "/v1/client/sign_ups",
    "/v1/client/sign_ups/{id}",
    "/v1/client/sign_ups/{id}/prepare_verification",
    "/v1/client/sign_ups/{id}/attempt_verification",
    "/v1/client/sessions",
    "/v1/client/sessions/{sid}",
    "/v1/client/sessions/{sid}/touch",
    "/v1/client/sessions/{sid}/tokens",
    "/v1/client/sessions/{sid}/tokens/{id}",
    "/v1/client/sessions/{sid}/end",
    "/v1/client/sessions/{sid}/remove",
    "/v1/client/sessions/{sid}/verify",
    "/v1/client/sessions/{sid}/verify/attempt_first_factor",
    "/v1/me",
    "/v1/me/metadata",
    "/v1/me/email_addresses",
    "/v1/me/email_addresses/{id}/attempt_verification",
    "/v1/me/phone_numbers",
    "/v1/me/totp",
    "/v1/me/totp/attempt_verification",
    "/v1/me/backup_codes",
    "/v1/me/change_password",
    "/v1/me/profile_image",
    "/v1/client/hosted_auth",
    "/v1/oauth_callback",
    "/emulator/hosted/{id}",
    "/emulator/oauth/google/authorize",
    "/v1/users/{id}",
    "/v1/sessions",
    "/.well-known/jwks.json",
    "/nope"
  };
  private static final String[] METHODS = {
    "GET", "GET", "POST", "POST", "POST", "POST", "PATCH", "DELETE", "PUT"
  };
  private static final String[] FIELDS = {
    "identifier",
    "password",
    "strategy",
    "code",
    "email_address",
    "phone_number",
    "username",
    "first_name",
    "unsafe_metadata",
    "redirect_url",
    "organization_id",
    "active_organization_id",
    "_method",
    "level",
    "rotating_token_nonce",
    "code_verifier",
    "code_challenge",
    "state",
    "email_address_id",
    "phone_number_id",
    "transfer",
    "new_password",
    "current_password",
    "mode",
    "legal_accepted",
    "reserved_for_second_factor",
    "_clerk_session_id"
  };
  private static final String[] VALUES = {
    "",
    " ",
    "oauth_google",
    "password",
    "email_code",
    "phone_code",
    "totp",
    "backup_code",
    "424242",
    "{}",
    "{\"a\":",
    "[1,2]",
    "null",
    "true",
    "x://cb",
    "https://evil",
    "GET",
    "DELETE",
    "TRACE",
    ClerkEmulator.DEMO_EMAIL,
    ClerkEmulator.DEMO_PASSWORD,
    "+15555550100",
    "\u0000\u202e\uD83D\uDE00",
    "a".repeat(5000),
    "multi_factor",
    "sess_x",
    "org_x",
    "idn_x"
  };

  @Test
  void neverA500ForBadInput() {
    Random random = new Random(20261127L);
    try (ClerkEmulator emulator =
        ClerkEmulator.builder().clock(EmulatorClock.startingNow()).multiSession(true).start()) {
      NativeClient app = new NativeClient(emulator);
      String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
      String validToken = app.token;
      String[] tokens = {null, validToken, "garbage", "a.b.c", "Bearer " + validToken, ""};
      for (int i = 0; i < 600; i++) {
        String path =
            ROUTES[random.nextInt(ROUTES.length)]
                .replace("{sid}", random.nextBoolean() ? sid : "sess_" + random.nextInt(9))
                .replace("{id}", random.nextBoolean() ? "x" : "sia_" + random.nextInt(99));
        List<String> form = new ArrayList<>();
        for (int f = random.nextInt(5); f > 0; f--) {
          form.add(FIELDS[random.nextInt(FIELDS.length)]);
          form.add(VALUES[random.nextInt(VALUES.length)]);
        }
        app.token = tokens[random.nextInt(tokens.length)];
        String method = METHODS[random.nextInt(METHODS.length)];
        NativeClient.Reply r =
            app.send(
                method,
                path,
                random.nextBoolean() ? form : List.of(),
                "GET".equals(method) || "DELETE".equals(method) ? List.of() : form);
        assertThat(r.status()).as("%s %s %s -> %s", method, path, form, r.raw()).isLessThan(500);
        if (r.status() >= 400 && r.body() != null) {
          assertThat(r.body().path("errors").path(0).path("code").asText())
              .as(r.raw())
              .isNotBlank();
          assertThat(r.body().path("clerk_trace_id").asText()).isNotBlank();
        }
      }
      assertThat(emulator.journal().requests()).noneMatch(x -> x.status() >= 500);
      assertThat(emulator.journal().requests())
          .extracting(RecordedRequest::status)
          .as("the input reached the flows")
          .contains(200, 401, 404, 405, 422);
    }
  }
}
