package dev.clerkfx.testkit.internal.fapi;

import dev.clerkfx.testkit.internal.server.Errors;
import dev.clerkfx.testkit.internal.server.FapiException;
import dev.clerkfx.testkit.internal.server.Request;
import dev.clerkfx.testkit.internal.server.Response;
import dev.clerkfx.testkit.internal.server.Router;
import dev.clerkfx.testkit.internal.state.Ids;
import dev.clerkfx.testkit.internal.state.Records;
import java.util.Optional;

/**
 * The sign-in API: create (identifier and password in one call, identifier first, OTP, email link,
 * OAuth, enterprise SSO), prepare and attempt first factor (password, email_code, phone_code,
 * email_link, reset_password_*), second factor (totp, phone_code, email_code, backup_code), client
 * trust, and reset password.
 */
final class SignInFlow {
  static final long SIGN_IN_LIFETIME_MS = 24 * 3_600_000L;
  private final Fapi fapi;

  SignInFlow(Fapi fapi) {
    this.fapi = fapi;
  }

  void register(Router router) {
    router.add("POST", "/v1/client/sign_ins", this::create);
    router.add("GET", "/v1/client/sign_ins/{id}", this::get);
    router.add("POST", "/v1/client/sign_ins/{id}/prepare_first_factor", this::prepareFirst);
    router.add("POST", "/v1/client/sign_ins/{id}/attempt_first_factor", this::attemptFirst);
    router.add("POST", "/v1/client/sign_ins/{id}/prepare_second_factor", this::prepareSecond);
    router.add("POST", "/v1/client/sign_ins/{id}/attempt_second_factor", this::attemptSecond);
    router.add("POST", "/v1/client/sign_ins/{id}/reset_password", this::resetPassword);
  }

  private Response respond(Records.SignIn si, Records.Client c, String token) {
    return Fapi.ok(fapi.render.wrap(fapi.render.signIn(si), c), token);
  }

  // ---------------------------------------------------------------- create / get

  private Response create(Request r) {
    fapi.limiter.check(r.remoteHost(), RateLimiter.Bucket.CREATE_SIGN_IN);
    return fapi.store.locked(
        () -> {
          Fapi.ClientAndToken ct = fapi.clientOrCreate(r);
          try {
            return createFor(r, ct);
          } catch (FapiException e) {
            throw fapi.withClient(e, ct.client(), ct.newToken());
          }
        });
  }

  private Response createFor(Request r, Fapi.ClientAndToken ct) {
    {
      Records.Client c = ct.client();
      String strategy = r.nonBlank("strategy").orElse(null);
      long now = fapi.store.now();
      Records.SignIn si = new Records.SignIn();
      si.id = Ids.next("sia");
      si.clientId = c.id;
      si.createdAt = now;
      si.abandonAt = now + SIGN_IN_LIFETIME_MS;
      if (strategy != null
          && (strategy.startsWith("oauth_") || strategy.equals(ExternalAuth.ENTERPRISE_SSO))) {
        fapi.store.signIns.put(si.id, si);
        c.signInId = si.id;
        si.identifier = r.nonBlank("identifier").or(() -> r.nonBlank("email_address")).orElse(null);
        new ExternalAuth(fapi).startOAuth(si, strategy, r.nonBlank("redirect_url").orElse(null));
        return respond(si, c, ct.newToken());
      }
      if ("transfer".equals(strategy) || r.flag("transfer")) {
        Records.User user = new ExternalAuth(fapi).transferToSignIn(c);
        checkCanSignIn(user);
        checkNotSignedIn(c, user);
        si.identifier = Render.identifierOf(user);
        si.userId = user.id;
        Records.Verification v = new Records.Verification();
        v.object = "verification_oauth";
        v.strategy =
            "oauth_" + user.externalAccounts.get(user.externalAccounts.size() - 1).provider;
        v.status = "verified";
        v.expireAt = now + SIGN_IN_LIFETIME_MS;
        si.firstFactor = v;
        fapi.store.signIns.put(si.id, si);
        c.signInId = si.id;
        String rotated = user.twoFactorEnabled() ? null : complete(si, c, user, false);
        if (rotated == null) {
          si.status = "needs_second_factor";
        }
        return respond(si, c, rotated != null ? rotated : ct.newToken());
      }
      if (strategy != null && !isKnownCreateStrategy(strategy)) {
        throw unsupportedStrategy(strategy);
      }
      Optional<String> identifier = r.nonBlank("identifier");
      if (identifier.isEmpty()) {
        if (r.param("password").isPresent()) {
          throw Errors.paramMissing("identifier");
        }
        fapi.store.signIns.put(si.id, si);
        c.signInId = si.id;
        return respond(si, c, ct.newToken());
      }
      Records.User user =
          fapi.store
              .userByIdentifier(identifier.get())
              .orElseThrow(
                  () ->
                      new FapiException(
                              422,
                              "form_identifier_not_found",
                              "Couldn't find your account.",
                              "Couldn't find your account.")
                          .param("identifier"));
      checkCanSignIn(user);
      checkNotSignedIn(c, user);
      si.identifier = identifier.get();
      si.userId = user.id;
      si.status = "needs_first_factor";
      fapi.store.signIns.put(si.id, si);
      c.signInId = si.id;
      c.updatedAt = now;
      String token = ct.newToken();
      Optional<String> password = r.param("password");
      if ("password".equals(strategy) || (strategy == null && password.isPresent())) {
        if (password.isEmpty() || password.get().isEmpty()) {
          throw Errors.paramMissing("password");
        }
        checkPassword(si, user, password.get());
        String rotated = advanceAfterFirstFactor(si, c, user, "password");
        token = rotated != null ? rotated : token;
      } else if (strategy != null && !"password".equals(strategy)) {
        prepareFirstFactor(si, user, strategy, r);
      }
      return respond(si, c, token);
    }
  }

  private static boolean isKnownCreateStrategy(String s) {
    return switch (s) {
      case "password",
          "email_code",
          "phone_code",
          "email_link",
          "reset_password_email_code",
          "reset_password_phone_code" ->
          true;
      default -> false;
    };
  }

  static FapiException unsupportedStrategy(String strategy) {
    return Errors.paramValue(
        "strategy", "The strategy '" + strategy + "' is not supported by this instance.");
  }

  private Response get(Request r) {
    if (r.param("rotating_token_nonce").isPresent()) {
      return new ExternalAuth(fapi).redeemSignInNonce(r);
    }
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.SignIn si = signIn(r, c);
          return respond(si, c, null);
        });
  }

  Records.SignIn signIn(Request r, Records.Client c) {
    Records.SignIn si = fapi.store.signIns.get(r.pathParam("id"));
    if (si == null || !si.clientId.equals(c.id)) {
      throw Errors.notFound("Sign in");
    }
    if (!"complete".equals(si.status) && fapi.store.now() >= si.abandonAt) {
      si.status = "abandoned";
    }
    if ("abandoned".equals(si.status)) {
      throw new FapiException(
          400,
          "sign_in_expired",
          "Sign in expired",
          "This sign in attempt has expired. Please start a new sign in.");
    }
    return si;
  }

  // ---------------------------------------------------------------- checks

  void checkCanSignIn(Records.User user) {
    if (user.banned) {
      throw new FapiException(
          403,
          "user_banned",
          "Account banned",
          "Your account is banned. For more information, contact support.");
    }
    long now = fapi.store.now();
    if (user.lockedUntil > now) {
      long secs = (user.lockedUntil - now + 999) / 1000;
      FapiException e =
          new FapiException(
              403,
              "user_locked",
              "Account locked",
              "Your account is locked. You will be able to try again in "
                  + ((secs + 59) / 60)
                  + " minutes. For more information, contact support.");
      e.meta().put("lockout_expires_in_seconds", secs);
      throw e;
    }
  }

  private void checkNotSignedIn(Records.Client c, Records.User user) {
    for (Records.Session s : fapi.store.sessionsOf(c)) {
      if (!"active".equals(fapi.store.status(s))) {
        continue;
      }
      if (!fapi.store.config().multiSession()) {
        throw sessionExists();
      }
      if (s.userId.equals(user.id)) {
        FapiException e =
            new FapiException(
                400,
                "identifier_already_signed_in",
                "You're already signed in",
                "You're already signed in with this account.");
        e.meta().put("session_id", s.id);
        throw e;
      }
    }
  }

  /**
   * 400 {@code session_exists}: single-session mode and this client already has an active session.
   */
  static FapiException sessionExists() {
    return new FapiException(
        400,
        "session_exists",
        "You're already signed in.",
        "You're currently in single session mode. You can only be signed into one account at a time.");
  }

  private void checkPassword(Records.SignIn si, Records.User user, String password) {
    Records.Verification v = new Records.Verification();
    v.object = "verification_password";
    v.strategy = "password";
    v.attempts =
        si.firstFactor != null && "password".equals(si.firstFactor.strategy)
            ? si.firstFactor.attempts
            : 0;
    v.attempts++;
    si.firstFactor = v;
    if (user.password == null || !user.password.equals(password)) {
      v.status = "unverified";
      throw Verifications.passwordIncorrect();
    }
    v.status = "verified";
  }

  // ---------------------------------------------------------------- progress

  /**
   * Moves past a verified first factor; returns a rotated client token when the sign-in completed.
   */
  String advanceAfterFirstFactor(
      Records.SignIn si, Records.Client c, Records.User user, String strategy) {
    if (user.twoFactorEnabled()) {
      si.status = "needs_second_factor";
      return null;
    }
    if (fapi.store.config().clientTrust()
        && "password".equals(strategy)
        && !c.knownUserIds.contains(user.id)) {
      si.status = "needs_client_trust";
      si.clientTrust = true;
      return null;
    }
    return complete(si, c, user, false);
  }

  /**
   * Completes a sign-in: creates the session, clears {@code client.sign_in}, rotates the client
   * token.
   */
  String complete(Records.SignIn si, Records.Client c, Records.User user, boolean secondFactor) {
    Records.Session s = fapi.store.newSession(c, user, secondFactor);
    new SessionRoutes(fapi).seedLastActiveToken(s);
    si.status = "complete";
    si.createdSessionId = s.id;
    c.signInId = null;
    c.lastAuthenticationStrategy = si.firstFactor == null ? null : si.firstFactor.strategy;
    return fapi.store.issueClientToken(c);
  }

  private Records.User signInUser(Records.SignIn si) {
    if (si.userId == null) {
      throw new FapiException(
              422,
              "form_param_missing",
              "is missing",
              "Identify the user first: create the sign in with an identifier.")
          .param("identifier");
    }
    return fapi.user(si.userId);
  }

  /**
   * A step on a sign-in that has passed its status check; returns the rotated client token, if any.
   */
  private interface Step {
    String apply(Records.Client c, Records.SignIn si, Records.User user);
  }

  /**
   * Runs a step on the request's sign-in once its status is one of {@code allowed}, and answers the
   * sign-in.
   */
  private Response step(Request r, Step step, String... allowed) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.SignIn si = signIn(r, c);
          requireStatus(si, allowed);
          String token = step.apply(c, si, signInUser(si));
          return respond(si, c, token);
        });
  }

  private static void requireStatus(Records.SignIn si, String... allowed) {
    for (String a : allowed) {
      if (a.equals(si.status)) {
        return;
      }
    }
    throw new FapiException(
        400,
        "sign_in_status_invalid",
        "Invalid sign in status",
        "This sign in attempt is in status '"
            + si.status
            + "'; this step needs "
            + String.join(" or ", allowed)
            + ".");
  }

  // ---------------------------------------------------------------- first factor

  private Response prepareFirst(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.SignIn si = signIn(r, c);
          String strategy = r.required("strategy");
          if (strategy.startsWith("oauth_") || strategy.equals(ExternalAuth.ENTERPRISE_SSO)) {
            new ExternalAuth(fapi)
                .startOAuth(si, strategy, r.nonBlank("redirect_url").orElse(si.redirectUrl));
            return respond(si, c, null);
          }
          requireStatus(si, "needs_first_factor");
          prepareFirstFactor(si, signInUser(si), strategy, r);
          return respond(si, c, null);
        });
  }

  private void prepareFirstFactor(
      Records.SignIn si, Records.User user, String strategy, Request r) {
    switch (strategy) {
      case "email_code", "reset_password_email_code" -> {
        Records.Email e = pickEmail(user, r, si);
        si.firstFactor = otp(strategy, e.address, e.id);
      }
      case "phone_code", "reset_password_phone_code" -> {
        Records.Phone p = pickPhone(user, r, si, false);
        si.firstFactor = otp(strategy, p.number, p.id);
        si.firstFactor.channel = "sms";
      }
      case "email_link" -> {
        Records.Email e = pickEmail(user, r, si);
        si.firstFactor =
            new EmailLinks(fapi)
                .send(si.id, e.address, e.id, r.nonBlank("redirect_url").orElse(null));
      }
      case "password" ->
          throw Errors.paramValue("strategy", "The password strategy needs no preparation.");
      default -> throw unsupportedStrategy(strategy);
    }
  }

  private Records.Verification otp(String strategy, String target, String targetId) {
    return Verifications.otp(fapi.store, strategy, target, targetId);
  }

  private static Records.Email pickEmail(Records.User user, Request r, Records.SignIn si) {
    Optional<String> id = r.nonBlank("email_address_id");
    if (id.isPresent()) {
      return user.emails.stream()
          .filter(e -> e.id.equals(id.get()))
          .findFirst()
          .orElseThrow(() -> Errors.paramValue("email_address_id", "is invalid"));
    }
    return user.emails.stream()
        .filter(e -> e.address.equalsIgnoreCase(si.identifier))
        .findFirst()
        .or(() -> Optional.ofNullable(user.primaryEmail()))
        .orElseThrow(() -> Errors.paramMissing("email_address_id"));
  }

  private static Records.Phone pickPhone(
      Records.User user, Request r, Records.SignIn si, boolean secondFactor) {
    Optional<String> id = r.nonBlank("phone_number_id");
    if (id.isPresent()) {
      return user.phones.stream()
          .filter(p -> p.id.equals(id.get()))
          .findFirst()
          .orElseThrow(() -> Errors.paramValue("phone_number_id", "is invalid"));
    }
    if (secondFactor) {
      Optional<Records.Phone> mfa = user.phones.stream().filter(p -> p.secondFactor).findFirst();
      if (mfa.isPresent()) {
        return mfa.get();
      }
    }
    return user.phones.stream()
        .filter(p -> p.number.equals(si.identifier))
        .findFirst()
        .or(() -> Optional.ofNullable(user.primaryPhone()))
        .orElseThrow(() -> Errors.paramMissing("phone_number_id"));
  }

  private Response attemptFirst(Request r) {
    fapi.limiter.check(r.remoteHost(), RateLimiter.Bucket.ATTEMPT);
    return step(
        r,
        (c, si, user) -> {
          checkCanSignIn(user);
          String strategy = r.required("strategy");
          String token = null;
          switch (strategy) {
            case "password" -> {
              checkPassword(
                  si, user, r.param("password").orElseThrow(() -> Errors.paramMissing("password")));
              token = advanceAfterFirstFactor(si, c, user, "password");
            }
            case "email_code",
                "phone_code",
                "reset_password_email_code",
                "reset_password_phone_code" -> {
              Verifications.checkCode(
                  fapi.store,
                  Verifications.requireSent(si.firstFactor, strategy),
                  r.param("code").orElseThrow(() -> Errors.paramMissing("code")));
              if (strategy.startsWith("reset_password")) {
                si.status = "needs_new_password";
                si.resetVerified = true;
              } else {
                token = advanceAfterFirstFactor(si, c, user, strategy);
              }
            }
            default -> throw unsupportedStrategy(strategy);
          }
          return token;
        },
        "needs_first_factor");
  }

  // ---------------------------------------------------------------- second factor / client trust

  private Response prepareSecond(Request r) {
    return step(
        r,
        (c, si, user) -> {
          String strategy = r.required("strategy");
          switch (strategy) {
            case "phone_code" -> {
              Records.Phone p = pickPhone(user, r, si, true);
              si.secondFactor = otp(strategy, p.number, p.id);
              si.secondFactor.channel = "sms";
            }
            case "email_code" -> {
              Records.Email e = pickEmail(user, r, si);
              si.secondFactor = otp(strategy, e.address, e.id);
            }
            case "totp", "backup_code" ->
                throw Errors.paramValue(
                    "strategy", "The " + strategy + " strategy needs no preparation.");
            default -> throw unsupportedStrategy(strategy);
          }
          return null;
        },
        "needs_second_factor",
        "needs_client_trust");
  }

  private Response attemptSecond(Request r) {
    fapi.limiter.check(r.remoteHost(), RateLimiter.Bucket.ATTEMPT);
    return step(
        r,
        (c, si, user) -> {
          String strategy = r.required("strategy");
          String code = r.param("code").orElseThrow(() -> Errors.paramMissing("code")).trim();
          boolean trust = "needs_client_trust".equals(si.status);
          switch (strategy) {
            case "totp" -> {
              if (trust || user.totpSecret == null) {
                throw unsupportedStrategy(strategy);
              }
              Records.Verification v = simple("verification_totp", "totp", si.secondFactor);
              si.secondFactor = v;
              v.attempts++;
              if (!fapi.tokens.verifyTotp(user.totpSecret, code)) {
                throw Verifications.incorrectCode();
              }
              v.status = "verified";
            }
            case "backup_code" -> {
              if (trust || user.backupCodes.isEmpty()) {
                throw unsupportedStrategy(strategy);
              }
              Records.Verification v =
                  simple("verification_backup_code", "backup_code", si.secondFactor);
              si.secondFactor = v;
              v.attempts++;
              if (!user.backupCodes.remove(code)) {
                throw Verifications.incorrectCode();
              }
              v.status = "verified";
            }
            case "phone_code", "email_code" ->
                Verifications.checkCode(
                    fapi.store, Verifications.requireSent(si.secondFactor, strategy), code);
            default -> throw unsupportedStrategy(strategy);
          }
          return complete(si, c, user, !trust);
        },
        "needs_second_factor",
        "needs_client_trust");
  }

  private static Records.Verification simple(
      String object, String strategy, Records.Verification previous) {
    Records.Verification v = new Records.Verification();
    v.object = object;
    v.strategy = strategy;
    v.attempts = previous != null && strategy.equals(previous.strategy) ? previous.attempts : 0;
    return v;
  }

  // ---------------------------------------------------------------- reset password

  private Response resetPassword(Request r) {
    return step(
        r,
        (c, si, user) -> {
          String password = r.required("password");
          FormChecks.requirePasswordLength(password, "password");
          user.password = password;
          user.passwordUpdatedAt = fapi.store.now();
          user.updatedAt = user.passwordUpdatedAt;
          if (r.flag("sign_out_of_other_sessions")) {
            for (Records.Session s : fapi.store.sessions.values()) {
              if (s.userId.equals(user.id) && "active".equals(fapi.store.status(s))) {
                fapi.store.endSession(s, "revoked");
              }
            }
          }
          if (user.twoFactorEnabled()) {
            si.status = "needs_second_factor";
            return null;
          }
          return complete(si, c, user, false);
        },
        "needs_new_password");
  }
}
