package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The emulator's browser-flow rules: development vs production redirect URLs, enterprise SSO, email
 * links, the reason on failed external verifications, and {@code 401 signed_out} with a replacement
 * token for an ended client.
 */
class BrowserFlowRulesTest {
  private static final String LOOPBACK = "http://127.0.0.1:45789/sso-callback";
  private static final String SCHEME = "com.example.app://callback";
  private final EmulatorClock clock =
      EmulatorClock.startingAt(Instant.parse("2026-07-01T09:00:00Z"));

  private static String browse(NativeClient app, String url) {
    NativeClient.Reply r = app.exchange(HttpRequest.newBuilder(URI.create(url)).GET().build());
    assertThat(r.status()).as("redirect from %s: %s", url, r.raw()).isIn(302, 303);
    return r.header("Location");
  }

  private static String demoEmail() {
    return ClerkEmulator.DEMO_EMAIL.replace("+", "%2B");
  }

  /**
   * Runs an OAuth sign-in as the demo user through the provider page; returns where the browser
   * lands.
   */
  private static String oauthSignIn(NativeClient app, String redirect) {
    NativeClient.Reply created =
        app.post("/v1/client/sign_ins", "strategy", "oauth_google", "redirect_url", redirect);
    assertThat(created.status()).isEqualTo(200);
    String url =
        created
            .response()
            .path("first_factor_verification")
            .path("external_verification_redirect_url")
            .asText();
    return browse(app, browse(app, url + "&email=" + demoEmail()));
  }

  @Test
  void developmentPassesTheNonceToLoopbackAndCustomSchemeUrls() {
    try (ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start()) {
      assertThat(emulator.publishableKey()).startsWith("pk_test_");
      for (String redirect : new String[] {LOOPBACK + "?state=abc", SCHEME}) {
        String landed = oauthSignIn(new NativeClient(emulator), redirect);
        assertThat(landed).startsWith(redirect);
        assertThat(NativeClient.queryOf(landed)).containsKey("rotating_token_nonce");
      }
    }
  }

  @Test
  void productionPassesTheNonceOnlyToRegisteredUrls() {
    try (ClerkEmulator emulator =
        ClerkEmulator.builder()
            .clock(clock)
            .production(true)
            .allowedRedirectUrls(LOOPBACK, SCHEME)
            .start()) {
      assertThat(emulator.publishableKey()).startsWith("pk_live_");
      NativeClient app = new NativeClient(emulator);
      assertThat(
              app.get("/v1/environment")
                  .body()
                  .path("display_config")
                  .path("instance_environment_type")
                  .asText())
          .isEqualTo("production");
      String listed = oauthSignIn(new NativeClient(emulator), LOOPBACK + "?state=abc");
      assertThat(NativeClient.queryOf(listed))
          .containsKey("rotating_token_nonce")
          .containsEntry("state", "abc");
      String unlisted =
          oauthSignIn(new NativeClient(emulator), "http://127.0.0.1:45790/sso-callback");
      assertThat(unlisted).isEqualTo("http://127.0.0.1:45790/sso-callback");

      NativeClient.Reply hosted =
          app.post(
              "/v1/client/hosted_auth",
              "redirect_url",
              "com.other.app://callback",
              "code_challenge",
              "abc",
              "state",
              "s");
      assertThat(hosted.status()).isEqualTo(422);
      assertThat(hosted.error().path("meta").path("param_name").asText()).isEqualTo("redirect_url");
      assertThat(
              app.post(
                      "/v1/client/hosted_auth",
                      "redirect_url",
                      SCHEME,
                      "code_challenge",
                      "abc",
                      "state",
                      "s")
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void developmentHostedAuthTakesLoopbackButNotWebUrls() {
    try (ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start()) {
      NativeClient app = new NativeClient(emulator);
      assertThat(
              app.post(
                      "/v1/client/hosted_auth",
                      "redirect_url",
                      LOOPBACK,
                      "code_challenge",
                      "abc",
                      "state",
                      "s")
                  .status())
          .isEqualTo(200);
      assertThat(
              app.post(
                      "/v1/client/hosted_auth",
                      "redirect_url",
                      "http://example.com/cb",
                      "code_challenge",
                      "abc",
                      "state",
                      "s")
                  .status())
          .isEqualTo(422);
    }
  }

  @Test
  void failedAndTransferableVerificationsSayWhy() {
    try (ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start()) {
      NativeClient app = new NativeClient(emulator);
      NativeClient.Reply up =
          app.post("/v1/client/sign_ups", "strategy", "oauth_google", "redirect_url", SCHEME);
      String url =
          up.response()
              .path("verifications")
              .path("external_account")
              .path("external_verification_redirect_url")
              .asText();
      browse(app, browse(app, url + "&email=" + demoEmail()));
      JsonNode ext =
          app.get("/v1/client/sign_ups/" + up.response().path("id").asText())
              .response()
              .path("verifications")
              .path("external_account");
      assertThat(ext.path("status").asText()).isEqualTo("transferable");
      assertThat(ext.path("error").path("code").asText()).isEqualTo("external_account_exists");

      NativeClient other = new NativeClient(emulator);
      NativeClient.Reply in =
          other.post("/v1/client/sign_ins", "strategy", "oauth_github", "redirect_url", SCHEME);
      String provider =
          in.response()
              .path("first_factor_verification")
              .path("external_verification_redirect_url")
              .asText();
      String landed = browse(other, browse(other, provider + "&error=access_denied"));
      assertThat(NativeClient.queryOf(landed))
          .containsEntry("__clerk_error_code", "oauth_access_denied");
      JsonNode v =
          other
              .get("/v1/client/sign_ins/" + in.response().path("id").asText())
              .response()
              .path("first_factor_verification");
      assertThat(v.path("status").asText()).isEqualTo("failed");
      assertThat(v.path("error").path("code").asText()).isEqualTo("oauth_access_denied");
    }
  }

  @Test
  void enterpriseSsoFromAnEmailAddress() {
    try (ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start()) {
      NativeClient app = new NativeClient(emulator);
      assertThat(
              app.post("/v1/client/sign_ins", "strategy", "enterprise_sso", "redirect_url", SCHEME)
                  .errorCode())
          .as("needs the email address")
          .isEqualTo("form_param_missing");
      NativeClient.Reply created =
          app.post(
              "/v1/client/sign_ins",
              "strategy",
              "enterprise_sso",
              "identifier",
              ClerkEmulator.DEMO_EMAIL,
              "redirect_url",
              SCHEME);
      JsonNode v = created.response().path("first_factor_verification");
      assertThat(v.path("object").asText()).isEqualTo("verification_saml");
      assertThat(v.path("strategy").asText()).isEqualTo("enterprise_sso");
      String landed =
          browse(
              app,
              browse(
                  app,
                  v.path("external_verification_redirect_url").asText() + "&email=" + demoEmail()));
      String nonce = NativeClient.queryOf(landed).get("rotating_token_nonce");
      NativeClient.Reply done =
          app.get(
              "/v1/client/sign_ins/" + created.response().path("id").asText(),
              "rotating_token_nonce",
              nonce);
      assertThat(done.response().path("status").asText()).isEqualTo("complete");
      assertThat(done.client().path("last_authentication_strategy").asText())
          .isEqualTo("enterprise_sso");
    }
  }

  @Test
  void emailLinkSignInCompletesWhenTheLinkIsOpenedAndWorksOnce() {
    try (ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start()) {
      NativeClient app = new NativeClient(emulator);
      NativeClient.Reply created =
          app.post("/v1/client/sign_ins", "identifier", ClerkEmulator.DEMO_EMAIL);
      String id = created.response().path("id").asText();
      NativeClient.Reply prepared =
          app.post(
              "/v1/client/sign_ins/" + id + "/prepare_first_factor",
              "strategy",
              "email_link",
              "redirect_url",
              LOOPBACK);
      assertThat(prepared.status()).isEqualTo(200);
      assertThat(prepared.response().path("first_factor_verification").path("object").asText())
          .isEqualTo("verification_email_link");
      String link = emulator.lastEmailLink(ClerkEmulator.DEMO_EMAIL).orElseThrow();

      NativeClient browser = new NativeClient(emulator); // another device: no client token
      String landed = browse(browser, link);
      assertThat(NativeClient.queryOf(landed)).containsEntry("__clerk_status", "verified");
      NativeClient.Reply again =
          browser.exchange(HttpRequest.newBuilder(URI.create(link)).GET().build());
      assertThat(again.status()).as("a link works once").isEqualTo(400);

      NativeClient.Reply polled = app.get("/v1/client/sign_ins/" + id);
      assertThat(polled.response().path("status").asText()).isEqualTo("complete");
      JsonNode v = polled.response().path("first_factor_verification");
      assertThat(v.path("status").asText()).isEqualTo("verified");
      assertThat(v.path("verified_at_client").asText())
          .isEqualTo(polled.client().path("id").asText());
      assertThat(polled.client().path("sessions")).hasSize(1);
    }
  }

  @Test
  void emailLinkVerifiesASignUp() {
    try (ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start()) {
      NativeClient app = new NativeClient(emulator);
      String email = "linked@example.com";
      NativeClient.Reply created =
          app.post(
              "/v1/client/sign_ups",
              "email_address",
              email,
              "password",
              "a-long-passphrase-1",
              "strategy",
              "email_link",
              "redirect_url",
              SCHEME);
      assertThat(created.response().path("status").asText()).isEqualTo("missing_requirements");
      browse(new NativeClient(emulator), emulator.lastEmailLink(email).orElseThrow());
      NativeClient.Reply polled =
          app.get("/v1/client/sign_ups/" + created.response().path("id").asText());
      assertThat(polled.response().path("status").asText()).isEqualTo("complete");
      assertThat(emulator.userByIdentifier(email)).isPresent();
    }
  }

  @Test
  void anEndedClientsTokenGetsSignedOutWithAReplacementToken() {
    try (ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start()) {
      NativeClient app = new NativeClient(emulator);
      app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
      String ended = app.token;
      assertThat(app.delete("/v1/client").status()).isEqualTo(200);
      app.token = ended;
      NativeClient.Reply refused =
          app.post(
              "/v1/client/hosted_auth",
              "redirect_url",
              SCHEME,
              "code_challenge",
              "abc",
              "state",
              "s");
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.errorCode()).isEqualTo("signed_out");
      String replacement = refused.header("Authorization");
      assertThat(replacement).isNotBlank().isNotEqualTo(ended);
      NativeClient.Reply retried =
          app.post(
              "/v1/client/hosted_auth",
              "redirect_url",
              SCHEME,
              "code_challenge",
              "abc",
              "state",
              "s");
      assertThat(retried.status()).isEqualTo(200);
      assertThat(retried.header("Authorization"))
          .as("the replacement client is used as is")
          .isNull();
    }
  }
}
