package dev.clerkfx.testkit.internal.fapi;

import dev.clerkfx.testkit.internal.server.Errors;
import dev.clerkfx.testkit.internal.server.FapiException;
import dev.clerkfx.testkit.internal.server.Request;
import dev.clerkfx.testkit.internal.server.Response;
import dev.clerkfx.testkit.internal.server.Router;
import dev.clerkfx.testkit.internal.state.Ids;
import dev.clerkfx.testkit.internal.state.Records;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * OAuth and hosted auth for native apps, with small pages standing in for the identity provider and
 * the Account Portal.
 *
 * <p>OAuth: a sign-in created (or prepared) with {@code strategy=oauth_<provider>} and {@code
 * redirect_url} gets {@code first_factor_verification.external_verification_redirect_url} = {@code
 * <fapi>/emulator/oauth/<provider>/authorize?state=…}. That page lists the instance's users;
 * choosing one (or adding {@code &email=<address>} to the URL) redirects to {@code
 * /v1/oauth_callback}, which redirects (303, as the spec lists) to the app's {@code redirect_url}
 * with {@code rotating_token_nonce}. {@code GET /v1/client/sign_ins/{id}?rotating_token_nonce=…}
 * then completes the sign-in and rotates the client token. An email no user has makes the
 * verification {@code transferable} and the callback carries {@code
 * __clerk_status=failed&__clerk_error_code=external_account_not_found}; {@code POST
 * /v1/client/sign_ups transfer=true} then creates the user. A sign-up started with {@code
 * strategy=oauth_<provider>} works alike through {@code verifications.external_account}: a new
 * account is completed by {@code GET /v1/client/sign_ups/{id}?rotating_token_nonce=…}; an existing
 * one comes back with {@code __clerk_error_code=external_account_exists} and {@code POST
 * /v1/client/sign_ins strategy=transfer} signs it in.
 *
 * <p>Hosted auth (PKCE): {@code POST /v1/client/hosted_auth} ({@code redirect_url} with a custom
 * scheme, {@code code_challenge}, {@code state}) answers {@code {"object":"hosted_auth","url":…}};
 * the page at that URL takes an identifier and password (POST), then redirects to {@code
 * redirect_url?state=…&rotating_token_nonce=…&created_session_id=…}; {@code POST /v1/client
 * _method=GET&rotating_token_nonce=…&code_verifier=…} checks {@code base64url(SHA-256(verifier)) ==
 * code_challenge} and adds the session to the client. A wrong verifier burns the nonce.
 *
 * <p>Redirect URLs follow {@link RedirectRules}. External verifications that end in {@code failed}
 * or {@code transferable} carry the reason in {@code error} ({@code oauth_access_denied}, {@code
 * external_account_not_found}, {@code external_account_exists}), as real FAPI does. {@code
 * enterprise_sso} (from an email address) uses the same stand-in identity provider page, with a
 * {@code verification_saml}.
 */
final class ExternalAuth {
  private static final long FLOW_LIFETIME_MS = 10 * 60_000L;
  private static final String STATE = "state:";
  private static final String CODE = "code:";

  /**
   * The enterprise SSO strategy; its stand-in identity provider is the same page as the OAuth
   * providers'.
   */
  static final String ENTERPRISE_SSO = "enterprise_sso";

  private final Fapi fapi;

  ExternalAuth(Fapi fapi) {
    this.fapi = fapi;
  }

  void register(Router router) {
    router.add("GET", "/emulator/oauth/{provider}/authorize", this::providerPage);
    router.add("GET", "/v1/oauth_callback", this::callback);
    router.add("POST", "/v1/client/hosted_auth", this::startHostedAuth);
    router.add("GET", "/emulator/hosted/{id}", this::hostedPage);
    router.add("POST", "/emulator/hosted/{id}", this::hostedSubmit);
  }

  // ---------------------------------------------------------------- OAuth

  /**
   * Starts (or restarts) an OAuth or enterprise SSO first factor on a sign-in (call under the store
   * lock). {@code enterprise_sso} needs the user's email address (the identifier) to find the
   * connection.
   */
  void startOAuth(Records.SignIn si, String strategy, String redirectUrl) {
    String provider = provider(strategy, redirectUrl);
    if (ENTERPRISE_SSO.equals(provider)
        && (si.identifier == null || !si.identifier.contains("@"))) {
      throw Errors.paramMissing("identifier");
    }
    si.oauthProvider = provider;
    si.redirectUrl = redirectUrl;
    si.status = "needs_first_factor";
    si.firstFactor = oauthVerification(si.id, strategy, provider);
  }

  /**
   * Returns the provider an {@code oauth_<provider>} strategy names, after checking it and the
   * redirect URL.
   */
  private static String provider(String strategy, String redirectUrl) {
    String provider =
        strategy.equals(ENTERPRISE_SSO)
            ? ENTERPRISE_SSO
            : strategy.substring("oauth_".length()).toLowerCase(Locale.ROOT);
    if (!provider.equals("google")
        && !provider.equals("github")
        && !provider.equals(ENTERPRISE_SSO)) {
      throw SignInFlow.unsupportedStrategy(strategy);
    }
    if (redirectUrl == null || redirectUrl.isBlank()) {
      throw Errors.paramMissing("redirect_url");
    }
    return provider;
  }

  /**
   * Starts an OAuth sign-up: {@code verifications.external_account} gets the provider URL (under
   * the lock).
   */
  void startOAuthSignUp(Records.SignUp su, String strategy, String redirectUrl) {
    String provider = provider(strategy, redirectUrl);
    su.oauthProvider = provider;
    su.redirectUrl = redirectUrl;
    su.externalVerification = oauthVerification(su.id, strategy, provider);
  }

  private Records.Verification oauthVerification(String flowId, String strategy, String provider) {
    String state = Ids.base62(32);
    fapi.store.nonces.put(STATE + state, flowId);
    Records.Verification v = new Records.Verification();
    v.object = ENTERPRISE_SSO.equals(provider) ? "verification_saml" : "verification_oauth";
    v.strategy = strategy;
    v.expireAt = fapi.store.now() + FLOW_LIFETIME_MS;
    v.externalUrl =
        fapi.fapiUrl
            + "/emulator/oauth/"
            + provider
            + "/authorize?state="
            + state
            + "&client_id=emulator&response_type=code&scope=openid+email+profile&redirect_uri="
            + enc(fapi.fapiUrl + "/v1/oauth_callback");
    return v;
  }

  /** An OAuth flow in progress: a sign-in or a sign-up. */
  private record Flow(
      String id,
      String provider,
      String redirectUrl,
      Records.Verification verification,
      Records.SignIn signIn,
      Records.SignUp signUp) {}

  private Flow byState(Request r) {
    String state = r.nonBlank("state").orElse("");
    String id = fapi.store.nonces.get(STATE + state);
    Records.SignIn si = id == null ? null : fapi.store.signIns.get(id);
    if (si != null && si.firstFactor != null && si.firstFactor.externalUrl != null) {
      return new Flow(si.id, si.oauthProvider, si.redirectUrl, si.firstFactor, si, null);
    }
    Records.SignUp su = id == null ? null : fapi.store.signUps.get(id);
    if (su != null && su.externalVerification != null && su.oauthProvider != null) {
      return new Flow(su.id, su.oauthProvider, su.redirectUrl, su.externalVerification, null, su);
    }
    throw Errors.paramValue("state", "The OAuth state is unknown or expired. Start again.");
  }

  private Response providerPage(Request r) {
    return fapi.store.locked(
        () -> {
          Flow flow = byState(r);
          String state = r.nonBlank("state").orElseThrow();
          Optional<String> email = r.nonBlank("email");
          if (r.nonBlank("error").isPresent()) {
            return Response.redirect(
                fapi.fapiUrl
                    + "/v1/oauth_callback?state="
                    + enc(state)
                    + "&error="
                    + enc(r.nonBlank("error").get()));
          }
          if (email.isEmpty()) {
            StringBuilder users = new StringBuilder();
            for (Records.User u : fapi.store.users.values()) {
              Records.Email e = u.primaryEmail();
              if (!u.deleted && e != null) {
                String href = "?state=" + enc(state) + "&email=" + enc(e.address);
                users
                    .append("<li><a href=\"")
                    .append(esc(href))
                    .append("\">Continue as ")
                    .append(esc(e.address))
                    .append("</a></li>");
              }
            }
            String provider = flow.provider();
            return Response.html(
                200,
                page(
                    (flow.signUp() != null ? "Sign up" : "Sign in") + " with " + provider,
                    "<p>The Clerk emulator stands in for <b>"
                        + esc(provider)
                        + "</b>. Choose an account:</p><ul>"
                        + users
                        + "</ul>"
                        + "<form method=\"get\"><input type=\"hidden\" name=\"state\" value=\""
                        + esc(state)
                        + "\">"
                        + "<label>Or another email <input name=\"email\" type=\"email\"></label> <button>Continue</button></form>"
                        + "<p><a href=\"?state="
                        + esc(enc(state))
                        + "&error=access_denied\">Cancel</a></p>"));
          }
          String code = Ids.base62(24);
          fapi.store.nonces.put(CODE + code, flow.id() + "|" + email.get().trim());
          return Response.redirect(
              fapi.fapiUrl + "/v1/oauth_callback?state=" + enc(state) + "&code=" + enc(code));
        });
  }

  private Response callback(Request r) {
    return fapi.store.locked(
        () -> {
          Flow flow = byState(r);
          fapi.store.nonces.remove(STATE + r.nonBlank("state").orElseThrow());
          Records.Verification v = flow.verification();
          if (r.nonBlank("error").isPresent()) {
            v.status = "failed";
            v.errorCode = "oauth_access_denied";
            v.errorMessage = "You did not grant access to your " + flow.provider() + " account.";
            return Response.redirect(
                303,
                withQuery(
                    flow.redirectUrl(),
                    "__clerk_status=failed&__clerk_error_code=" + enc("oauth_access_denied")));
          }
          String entry = fapi.store.nonces.remove(CODE + r.nonBlank("code").orElse(""));
          if (entry == null || !entry.startsWith(flow.id() + "|")) {
            throw Errors.paramValue("code", "The OAuth code is unknown or was already used.");
          }
          String email = entry.substring(flow.id().length() + 1);
          Optional<Records.User> user =
              fapi.store.users.values().stream()
                  .filter(
                      u ->
                          !u.deleted
                              && u.externalAccounts.stream()
                                  .anyMatch(
                                      x ->
                                          x.provider.equals(flow.provider())
                                              && x.email.equalsIgnoreCase(email)))
                  .findFirst()
                  .or(() -> fapi.store.userByIdentifier(email).filter(u -> email.contains("@")));
          v.target = email;
          if (flow.signUp() != null) {
            return signUpCallback(flow.signUp(), v, email, user.isPresent());
          }
          Records.SignIn si = flow.signIn();
          if (user.isEmpty()) {
            v.status = "transferable";
            v.errorCode = "external_account_not_found";
            v.errorMessage = "The External Account was not found.";
            return Response.redirect(
                303,
                withQuery(
                    si.redirectUrl,
                    "__clerk_status=failed&__clerk_error_code=external_account_not_found"));
          }
          Records.User u = user.get();
          if (!ENTERPRISE_SSO.equals(si.oauthProvider)
              && u.externalAccounts.stream().noneMatch(x -> x.provider.equals(si.oauthProvider))) {
            Records.ExternalAccount x = new Records.ExternalAccount();
            x.id = Ids.next("eac");
            x.provider = si.oauthProvider;
            x.email = email;
            x.providerUserId = Ids.base62(21);
            x.createdAt = fapi.store.now();
            u.externalAccounts.add(x);
          }
          v.status = "verified";
          si.userId = u.id;
          si.identifier = email;
          return redirectWithNonce(si.id, si.redirectUrl);
        });
  }

  /** {@code GET /v1/client/sign_ins/{id}?rotating_token_nonce=…}: completes an OAuth sign-in. */
  Response redeemSignInNonce(Request r) {
    return fapi.store.locked(
        () -> {
          Records.SignIn si = redeemNonce(r, fapi.store.signIns, x -> x.id);
          Records.Client c = liveClient(si.clientId);
          Records.User u = fapi.user(si.userId);
          SignInFlow flow = new SignInFlow(fapi);
          flow.checkCanSignIn(u);
          String token;
          if (u.twoFactorEnabled()) {
            si.status = "needs_second_factor";
            token = fapi.store.issueClientToken(c);
          } else {
            token = flow.complete(si, c, u, false);
          }
          return Fapi.ok(fapi.render.wrap(fapi.render.signIn(si), c), token);
        });
  }

  /**
   * The provider answered an OAuth sign-up: an existing account transfers to sign-in, a new one
   * redeems.
   */
  private Response signUpCallback(
      Records.SignUp su, Records.Verification v, String email, boolean exists) {
    if (exists) {
      v.status = "transferable";
      v.errorCode = "external_account_exists";
      v.errorMessage = "This account already exists. Sign in instead.";
      return Response.redirect(
          303,
          withQuery(
              su.redirectUrl, "__clerk_status=failed&__clerk_error_code=external_account_exists"));
    }
    v.status = "verified";
    su.externalProvider = su.oauthProvider;
    su.externalEmail = email;
    su.emailAddress = email;
    Records.Verification fromOauth = new Records.Verification();
    fromOauth.object = "verification_from_oauth";
    fromOauth.strategy = "from_oauth_" + su.oauthProvider;
    fromOauth.status = "verified";
    fromOauth.target = email;
    su.emailVerification = fromOauth;
    return redirectWithNonce(su.id, su.redirectUrl);
  }

  /**
   * Redirects (303) to the app with a fresh single-use {@code rotating_token_nonce} for the sign-in
   * or sign-up; a production instance sends the nonce only to a registered redirect URL (the app
   * then gets none).
   */
  private Response redirectWithNonce(String flowId, String redirectUrl) {
    if (!RedirectRules.mayReceiveNonce(fapi.store.config(), redirectUrl)) {
      return Response.redirect(303, redirectUrl);
    }
    String nonce = Ids.base62(32);
    fapi.store.nonces.put(nonce, flowId);
    return Response.redirect(303, withQuery(redirectUrl, "rotating_token_nonce=" + enc(nonce)));
  }

  /** {@code GET /v1/client/sign_ups/{id}?rotating_token_nonce=…}: completes an OAuth sign-up. */
  Response redeemSignUpNonce(Request r) {
    return fapi.store.locked(
        () -> {
          Records.SignUp su = redeemNonce(r, fapi.store.signUps, x -> x.id);
          Records.Client c = liveClient(su.clientId);
          String token = new SignUpFlow(fapi).maybeComplete(su, c);
          if (token == null) {
            token = fapi.store.issueClientToken(c);
          }
          return Fapi.ok(fapi.render.wrap(fapi.render.signUp(su), c), token);
        });
  }

  /**
   * Spends the request's {@code rotating_token_nonce} on the sign-in or sign-up its path names
   * (call under the lock); a nonce works once.
   */
  private <T> T redeemNonce(Request r, Map<String, T> flows, Function<T, String> idOf) {
    String nonce = r.nonBlank("rotating_token_nonce").orElse("");
    String id = fapi.store.nonces.get(nonce);
    T flow = id == null ? null : flows.get(id);
    if (flow == null || !idOf.apply(flow).equals(r.pathParam("id"))) {
      throw Errors.paramValue(
          "rotating_token_nonce", "The rotating token nonce is invalid or was already used.");
    }
    fapi.store.nonces.remove(nonce);
    return flow;
  }

  /**
   * Returns the client a redeemed flow belongs to, or fails with 401 {@code signed_out} once it has
   * ended.
   */
  private Records.Client liveClient(String clientId) {
    Records.Client c = fapi.store.clients.get(clientId);
    if (c == null || c.ended) {
      throw Errors.signedOut();
    }
    return c;
  }

  /**
   * {@code POST /v1/client/sign_ins strategy=transfer}: signs in the existing user an OAuth sign-up
   * found (call under the lock).
   *
   * @param c the client
   * @return the user to sign in
   */
  Records.User transferToSignIn(Records.Client c) {
    Records.SignUp su = c.signUpId == null ? null : fapi.store.signUps.get(c.signUpId);
    if (su == null
        || su.externalVerification == null
        || !"transferable".equals(su.externalVerification.status)) {
      throw Errors.paramValue(
          "strategy", "There is no transferable external account on this client.");
    }
    String email = su.externalVerification.target;
    Records.User u = fapi.store.userByIdentifier(email).orElseThrow(() -> Errors.notFound("User"));
    if (u.externalAccounts.stream().noneMatch(x -> x.provider.equals(su.oauthProvider))) {
      Records.ExternalAccount x = new Records.ExternalAccount();
      x.id = Ids.next("eac");
      x.provider = su.oauthProvider;
      x.email = email;
      x.providerUserId = Ids.base62(21);
      x.createdAt = fapi.store.now();
      u.externalAccounts.add(x);
    }
    c.signUpId = null;
    return u;
  }

  /** Fills a sign-up from the client's transferable OAuth sign-in (call under the store lock). */
  void transferToSignUp(Records.Client c, Records.SignUp su) {
    Records.SignIn si = c.signInId == null ? null : fapi.store.signIns.get(c.signInId);
    if (si == null || si.firstFactor == null || !"transferable".equals(si.firstFactor.status)) {
      throw Errors.paramValue(
          "transfer", "There is no transferable external account on this client.");
    }
    boolean sso = ENTERPRISE_SSO.equals(si.oauthProvider);
    su.externalProvider = sso ? null : si.oauthProvider;
    su.externalEmail = si.firstFactor.target;
    su.emailAddress = si.firstFactor.target;
    Records.Verification email = new Records.Verification();
    email.object = "verification_from_oauth";
    email.strategy = "from_oauth_" + si.oauthProvider;
    email.status = "verified";
    email.target = su.emailAddress;
    su.emailVerification = email;
    Records.Verification ext = new Records.Verification();
    ext.object = sso ? "verification_saml" : "verification_oauth";
    ext.strategy = sso ? ENTERPRISE_SSO : "oauth_" + si.oauthProvider;
    ext.status = "verified";
    ext.expireAt = fapi.store.now() + FLOW_LIFETIME_MS;
    su.externalVerification = ext;
    c.signInId = null;
  }

  // ---------------------------------------------------------------- hosted auth

  private Response startHostedAuth(Request r) {
    return fapi.store.locked(
        () -> {
          String redirect = r.required("redirect_url");
          RedirectRules.checkHostedAuth(fapi.store.config(), redirect);
          String challenge = r.required("code_challenge");
          String method = r.nonBlank("code_challenge_method").orElse("S256");
          if (!method.equals("S256")) {
            throw Errors.paramValue("code_challenge_method", "Only S256 is supported.");
          }
          String state = r.required("state");
          String mode = r.nonBlank("mode").orElse("sign-in");
          if (!mode.equals("sign-in") && !mode.equals("sign-up")) {
            throw Errors.paramValue("mode", "mode must be sign-in or sign-up.");
          }
          Fapi.ClientAndToken ct = fapi.liveClientOrCreate(r);
          Records.HostedAuth ha = new Records.HostedAuth();
          ha.id = Ids.next("hauth");
          ha.clientId = ct.client().id;
          ha.redirectUrl = redirect;
          ha.codeChallenge = challenge;
          ha.state = state;
          ha.mode = mode;
          ha.expireAt = fapi.store.now() + FLOW_LIFETIME_MS;
          fapi.store.hostedAuths.put(ha.id, ha);
          var body = dev.clerkfx.testkit.internal.server.Json.object();
          body.put("object", "hosted_auth");
          body.put("url", fapi.fapiUrl + "/emulator/hosted/" + ha.id);
          return Fapi.ok(fapi.render.wrap(body, ct.client()), ct.newToken());
        });
  }

  private Records.HostedAuth hosted(Request r) {
    Records.HostedAuth ha = fapi.store.hostedAuths.get(r.pathParam("id"));
    if (ha == null || ha.nonce != null || fapi.store.now() >= ha.expireAt) {
      throw Errors.notFound("Hosted auth request");
    }
    return ha;
  }

  private Response hostedPage(Request r) {
    return fapi.store.locked(() -> hostedForm(hosted(r), null));
  }

  private Response hostedForm(Records.HostedAuth ha, String error) {
    boolean signUp = "sign-up".equals(ha.mode);
    String fields =
        signUp
            ? "<label>Email <input name=\"email_address\" type=\"email\"></label><br>"
                + "<label>Password <input name=\"password\" type=\"password\"></label><br>"
                + "<label>First name <input name=\"first_name\"></label><br>"
                + "<label>Last name <input name=\"last_name\"></label><br>"
            : "<label>Email, phone or username <input name=\"identifier\"></label><br>"
                + "<label>Password <input name=\"password\" type=\"password\"></label><br>"
                + "<label>Authenticator code (if enabled) <input name=\"code\"></label><br>";
    return Response.html(
        error == null ? 200 : 422,
        page(
            signUp ? "Sign up" : "Sign in",
            (error == null ? "" : "<p style=\"color:#b00\">" + esc(error) + "</p>")
                + "<form method=\"post\">"
                + fields
                + "<button>Continue</button></form>"));
  }

  private Response hostedSubmit(Request r) {
    return fapi.store.locked(
        () -> {
          Records.HostedAuth ha = hosted(r);
          Records.Client c = fapi.store.clients.get(ha.clientId);
          if (c == null || c.ended) {
            throw Errors.signedOut();
          }
          Records.User u;
          if ("sign-up".equals(ha.mode)) {
            String email = r.nonBlank("email_address").orElse("");
            String password = r.param("password").orElse("");
            if (!email.contains("@") || password.length() < 8) {
              return hostedForm(
                  ha, "Enter an email address and a password of 8 characters or more.");
            }
            if (fapi.store.userByIdentifier(email).isPresent()) {
              return hostedForm(ha, "That email address is taken. Please try another.");
            }
            dev.clerkfx.testkit.EmulatorUser.Builder b =
                dev.clerkfx.testkit.EmulatorUser.builder().email(email).password(password);
            r.nonBlank("first_name").ifPresent(b::firstName);
            r.nonBlank("last_name").ifPresent(b::lastName);
            u = fapi.store.addUser(b.build());
          } else {
            Optional<Records.User> found =
                fapi.store.userByIdentifier(r.nonBlank("identifier").orElse(""));
            if (found.isEmpty()) {
              return hostedForm(ha, "Couldn't find your account.");
            }
            u = found.get();
            if (u.password == null || !u.password.equals(r.param("password").orElse(null))) {
              return hostedForm(ha, "Password is incorrect. Try again, or use another method.");
            }
            if (u.banned || u.lockedUntil > fapi.store.now()) {
              return hostedForm(ha, "This account cannot sign in (banned or locked).");
            }
            if (u.totpSecret != null
                && !fapi.tokens.verifyTotp(u.totpSecret, r.param("code").orElse(""))) {
              return hostedForm(ha, "Enter the current code from your authenticator app.");
            }
          }
          Records.Session s = fapi.store.newDetachedSession(c, u, u.totpSecret != null);
          ha.nonce = Ids.base62(32);
          ha.sessionId = s.id;
          ha.userId = u.id;
          fapi.store.nonces.put(ha.nonce, ha.id);
          return Response.redirect(
              withQuery(
                  ha.redirectUrl,
                  "state="
                      + enc(ha.state)
                      + "&rotating_token_nonce="
                      + enc(ha.nonce)
                      + "&created_session_id="
                      + enc(s.id)));
        });
  }

  /**
   * {@code GET /v1/client?rotating_token_nonce=…&code_verifier=…} (usually POST with {@code
   * _method=GET}).
   */
  Response redeemHostedAuth(Request r) {
    return fapi.store.locked(
        () -> {
          String nonce = r.nonBlank("rotating_token_nonce").orElse("");
          String id = fapi.store.nonces.get(nonce);
          Records.HostedAuth ha = id == null ? null : fapi.store.hostedAuths.get(id);
          if (ha == null || ha.redeemed) {
            throw Errors.paramValue(
                "rotating_token_nonce", "The rotating token nonce is invalid or was already used.");
          }
          String verifier = r.required("code_verifier");
          fapi.store.nonces.remove(nonce);
          if (!challengeOf(verifier).equals(ha.codeChallenge)) {
            ha.redeemed = true;
            Records.Session burnt = fapi.store.sessions.get(ha.sessionId);
            if (burnt != null) {
              burnt.status = "abandoned";
            }
            throw new FapiException(
                    422,
                    "form_param_value_invalid",
                    "is invalid",
                    "The code verifier does not match the code challenge.")
                .param("code_verifier");
          }
          ha.redeemed = true;
          Records.Client c = fapi.store.clients.get(ha.clientId);
          Records.Session s = fapi.store.sessions.get(ha.sessionId);
          if (c == null || c.ended || s == null) {
            throw Errors.signedOut();
          }
          fapi.store.attach(c, s);
          c.lastAuthenticationStrategy = "password";
          String token = fapi.store.issueClientToken(c);
          return Fapi.ok(fapi.render.wrap(fapi.render.client(c), null), token);
        });
  }

  static String challengeOf(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  // ---------------------------------------------------------------- helpers

  static String withQuery(String url, String query) {
    return url + (url.contains("?") ? "&" : "?") + query;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  static String page(String title, String body) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
        + esc(title)
        + " · Clerk emulator</title>"
        + "<style>body{font-family:sans-serif;max-width:28em;margin:3em auto}</style></head><body><h1>"
        + esc(title)
        + "</h1>"
        + body
        + "</body></html>";
  }
}
