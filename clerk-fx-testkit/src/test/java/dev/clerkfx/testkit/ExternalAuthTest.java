package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ExternalAuthTest {
  private static final String APP_REDIRECT = "dev.clerkfx.sample://callback";
  private final EmulatorClock clock =
      EmulatorClock.startingAt(Instant.parse("2026-07-01T09:00:00Z"));
  @AutoClose private final ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start();
  private final NativeClient app = new NativeClient(emulator);

  /**
   * A browser: GETs a URL (no cookies, no redirects followed) and returns the Location it redirects
   * to.
   */
  private String browse(String url) {
    NativeClient.Reply r = app.exchange(HttpRequest.newBuilder(URI.create(url)).GET().build());
    assertThat(r.status()).as("redirect from %s: %s", url, r.raw()).isIn(302, 303);
    return r.header("Location");
  }

  @Test
  void oauthRedirectAndNonceRedemptionSignIn() {
    NativeClient.Reply created =
        app.post("/v1/client/sign_ins", "strategy", "oauth_google", "redirect_url", APP_REDIRECT);
    assertThat(created.status()).isEqualTo(200);
    JsonNode v = created.response().get("first_factor_verification");
    assertThat(v.get("object").asText()).isEqualTo("verification_oauth");
    assertThat(v.get("status").asText()).isEqualTo("unverified");
    String providerUrl = v.get("external_verification_redirect_url").asText();
    assertThat(providerUrl)
        .startsWith(emulator.frontendApiUrl() + "/emulator/oauth/google/authorize?");
    NativeClient.Reply page =
        app.exchange(HttpRequest.newBuilder(URI.create(providerUrl)).GET().build());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw()).contains(ClerkEmulator.DEMO_EMAIL);

    String callback =
        browse(providerUrl + "&email=" + ClerkEmulator.DEMO_EMAIL.replace("+", "%2B"));
    assertThat(callback).startsWith(emulator.frontendApiUrl() + "/v1/oauth_callback?");
    String appRedirect = browse(callback);
    assertThat(appRedirect).startsWith(APP_REDIRECT + "?");
    String nonce = NativeClient.queryOf(appRedirect).get("rotating_token_nonce");
    assertThat(nonce).isNotBlank();

    String before = app.token;
    String sia = created.response().get("id").asText();
    NativeClient.Reply done = app.get("/v1/client/sign_ins/" + sia, "rotating_token_nonce", nonce);
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.response().get("status").asText()).isEqualTo("complete");
    assertThat(done.header("Authorization")).isNotNull().isNotEqualTo(before);
    assertThat(done.client().get("last_authentication_strategy").asText())
        .isEqualTo("oauth_google");
    JsonNode user = done.client().path("sessions").path(0).path("user");
    assertThat(user.get("external_accounts").get(0).get("provider").asText())
        .isEqualTo("oauth_google");

    NativeClient.Reply replay =
        app.get("/v1/client/sign_ins/" + sia, "rotating_token_nonce", nonce);
    assertThat(replay.status()).isEqualTo(422);
  }

  @Test
  void oauthWithAnUnknownAccountTransfersToSignUp() {
    NativeClient.Reply created =
        app.post("/v1/client/sign_ins", "strategy", "oauth_github", "redirect_url", APP_REDIRECT);
    String url =
        created
            .response()
            .get("first_factor_verification")
            .get("external_verification_redirect_url")
            .asText();
    String appRedirect = browse(browse(url + "&email=newcomer@example.com"));
    Map<String, String> q = NativeClient.queryOf(appRedirect);
    assertThat(q)
        .containsEntry("__clerk_status", "failed")
        .containsEntry("__clerk_error_code", "external_account_not_found");
    NativeClient.Reply si = app.get("/v1/client/sign_ins/" + created.response().get("id").asText());
    assertThat(si.response().path("first_factor_verification").get("status").asText())
        .isEqualTo("transferable");
    NativeClient.Reply su = app.post("/v1/client/sign_ups", "transfer", "true");
    assertThat(su.response().get("status").asText()).isEqualTo("complete");
    assertThat(emulator.userByIdentifier("newcomer@example.com")).isPresent();
  }

  @Test
  void oauthSignUpForANewAccountCompletesOnRedemption() {
    NativeClient.Reply created =
        app.post("/v1/client/sign_ups", "strategy", "oauth_github", "redirect_url", APP_REDIRECT);
    assertThat(created.status()).isEqualTo(200);
    JsonNode ext = created.response().path("verifications").get("external_account");
    assertThat(ext.get("status").asText()).isEqualTo("unverified");
    String url = ext.get("external_verification_redirect_url").asText();
    String appRedirect = browse(browse(url + "&email=fresh@example.com"));
    String nonce = NativeClient.queryOf(appRedirect).get("rotating_token_nonce");
    String before = app.token;
    NativeClient.Reply done =
        app.get(
            "/v1/client/sign_ups/" + created.response().get("id").asText(),
            "rotating_token_nonce",
            nonce);
    assertThat(done.response().get("status").asText()).isEqualTo("complete");
    assertThat(done.header("Authorization")).isNotNull().isNotEqualTo(before);
    EmulatorUser user = emulator.userByIdentifier("fresh@example.com").orElseThrow();
    assertThat(user.id()).contains(done.response().get("created_user_id").asText());
    assertThat(done.client().get("last_authentication_strategy").asText())
        .isEqualTo("oauth_github");
  }

  @Test
  void oauthSignUpForAnExistingAccountTransfersToSignIn() {
    NativeClient.Reply created =
        app.post("/v1/client/sign_ups", "strategy", "oauth_google", "redirect_url", APP_REDIRECT);
    String url =
        created
            .response()
            .path("verifications")
            .get("external_account")
            .get("external_verification_redirect_url")
            .asText();
    String appRedirect =
        browse(browse(url + "&email=" + ClerkEmulator.DEMO_EMAIL.replace("+", "%2B")));
    assertThat(NativeClient.queryOf(appRedirect))
        .containsEntry("__clerk_error_code", "external_account_exists");
    NativeClient.Reply si = app.post("/v1/client/sign_ins", "strategy", "transfer");
    assertThat(si.status()).isEqualTo(200);
    assertThat(si.response().get("status").asText()).isEqualTo("complete");
    assertThat(si.client().path("sessions").path(0).path("user").get("id").asText())
        .isEqualTo(emulator.demoUser().id().orElseThrow());
    assertThat(app.post("/v1/client/sign_ins", "strategy", "transfer").status())
        .as("nothing left to transfer")
        .isEqualTo(422);
  }

  @Test
  void oauthNeedsARedirectUrlAndAKnownProvider() {
    assertThat(app.post("/v1/client/sign_ins", "strategy", "oauth_google").errorCode())
        .isEqualTo("form_param_missing");
    assertThat(
            app.post(
                    "/v1/client/sign_ins",
                    "strategy",
                    "oauth_myspace",
                    "redirect_url",
                    APP_REDIRECT)
                .errorCode())
        .isEqualTo("form_param_value_invalid");
  }

  private static String challenge(String verifier) throws Exception {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Runs hosted auth up to the callback; returns the callback's query. */
  private Map<String, String> hostedSignIn(String verifier) throws Exception {
    NativeClient.Reply start =
        app.post(
            "/v1/client/hosted_auth",
            "redirect_url",
            APP_REDIRECT,
            "code_challenge",
            challenge(verifier),
            "code_challenge_method",
            "S256",
            "state",
            "st-123",
            "mode",
            "sign-in");
    assertThat(start.status()).isEqualTo(200);
    assertThat(start.response().get("object").asText()).isEqualTo("hosted_auth");
    String url = start.response().get("url").asText();
    NativeClient.Reply page = app.exchange(HttpRequest.newBuilder(URI.create(url)).GET().build());
    assertThat(page.raw()).contains("<form");
    NativeClient.Reply wrong =
        app.exchange(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        NativeClient.encode(
                            List.of("identifier", ClerkEmulator.DEMO_EMAIL, "password", "wrong"))))
                .build());
    assertThat(wrong.status()).isEqualTo(422);
    NativeClient.Reply ok =
        app.exchange(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        NativeClient.encode(
                            List.of(
                                "identifier",
                                ClerkEmulator.DEMO_EMAIL,
                                "password",
                                ClerkEmulator.DEMO_PASSWORD))))
                .build());
    assertThat(ok.status()).isEqualTo(302);
    String location = ok.header("Location");
    assertThat(location).startsWith(APP_REDIRECT + "?");
    return NativeClient.queryOf(location);
  }

  @Test
  void hostedAuthWithPkce() throws Exception {
    String verifier = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    Map<String, String> q = hostedSignIn(verifier);
    assertThat(q.get("state")).isEqualTo("st-123");
    String sid = q.get("created_session_id");
    assertThat(app.get("/v1/client").response().get("sessions"))
        .as("not visible before redemption")
        .isEmpty();
    String before = app.token;
    NativeClient.Reply redeemed =
        app.post(
            "/v1/client",
            "_method",
            "GET",
            "rotating_token_nonce",
            q.get("rotating_token_nonce"),
            "code_verifier",
            verifier);
    assertThat(redeemed.status()).isEqualTo(200);
    assertThat(redeemed.header("Authorization")).isNotNull().isNotEqualTo(before);
    assertThat(redeemed.response().get("object").asText()).isEqualTo("client");
    assertThat(redeemed.response().get("sessions"))
        .extracting(s -> s.get("id").asText())
        .containsExactly(sid);
    assertThat(redeemed.response().get("last_active_session_id").asText()).isEqualTo(sid);
    assertThat(app.sessionToken(sid)).isNotBlank();
    assertThat(emulator.journal().requests("GET", "/v1/client"))
        .filteredOn(x -> x.wireMethod().equals("POST"))
        .singleElement()
        .satisfies(x -> assertThat(x.formField("_method")).contains("GET"));
  }

  @Test
  void hostedAuthWithAWrongVerifierFailsAndBurnsTheNonce() throws Exception {
    String verifier = "right-verifier-right-verifier-right-verifier-0001";
    Map<String, String> q = hostedSignIn(verifier);
    NativeClient.Reply wrong =
        app.post(
            "/v1/client",
            "_method",
            "GET",
            "rotating_token_nonce",
            q.get("rotating_token_nonce"),
            "code_verifier",
            "wrong-verifier");
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.error().path("meta").get("param_name").asText()).isEqualTo("code_verifier");
    NativeClient.Reply retry =
        app.post(
            "/v1/client",
            "_method",
            "GET",
            "rotating_token_nonce",
            q.get("rotating_token_nonce"),
            "code_verifier",
            verifier);
    assertThat(retry.status()).isEqualTo(422);
    assertThat(retry.error().path("meta").get("param_name").asText())
        .isEqualTo("rotating_token_nonce");
    assertThat(app.get("/v1/client").response().get("sessions")).isEmpty();
  }

  @Test
  void hostedAuthRefusesHttpRedirects() {
    NativeClient.Reply r =
        app.post(
            "/v1/client/hosted_auth",
            "redirect_url",
            "https://evil.example/cb",
            "code_challenge",
            "abc",
            "state",
            "s");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.error().path("meta").get("param_name").asText()).isEqualTo("redirect_url");
  }
}
