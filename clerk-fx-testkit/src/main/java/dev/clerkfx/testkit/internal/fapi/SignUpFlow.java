package dev.clerkfx.testkit.internal.fapi;

import dev.clerkfx.testkit.internal.server.Errors;
import dev.clerkfx.testkit.internal.server.FapiException;
import dev.clerkfx.testkit.internal.server.Json;
import dev.clerkfx.testkit.internal.server.Request;
import dev.clerkfx.testkit.internal.server.Response;
import dev.clerkfx.testkit.internal.server.Router;
import dev.clerkfx.testkit.internal.state.Ids;
import dev.clerkfx.testkit.internal.state.Records;
import dev.clerkfx.testkit.internal.state.Store;
import java.util.Optional;

/**
 * The sign-up API: create, update, prepare and attempt verification (email_code, phone_code;
 * email_link is verified by opening the link), OAuth transfer; {@code missing_requirements} until
 * email and password are given and every given email/phone is verified.
 */
final class SignUpFlow {
  private final Fapi fapi;

  SignUpFlow(Fapi fapi) {
    this.fapi = fapi;
  }

  void register(Router router) {
    router.add("POST", "/v1/client/sign_ups", this::create);
    router.add("GET", "/v1/client/sign_ups/{id}", this::get);
    router.add("PATCH", "/v1/client/sign_ups/{id}", this::update);
    router.add("POST", "/v1/client/sign_ups/{id}/prepare_verification", this::prepare);
    router.add("POST", "/v1/client/sign_ups/{id}/attempt_verification", this::attempt);
  }

  private Response respond(Records.SignUp su, Records.Client c, String token) {
    return Fapi.ok(fapi.render.wrap(fapi.render.signUp(su), c), token);
  }

  private Response create(Request r) {
    fapi.limiter.check(r.remoteHost(), RateLimiter.Bucket.CREATE_SIGN_UP);
    return fapi.store.locked(
        () -> {
          Fapi.ClientAndToken ct = fapi.clientOrCreate(r);
          try {
            Records.Client c = ct.client();
            if (!fapi.store.config().multiSession()
                && fapi.store.sessionsOf(c).stream()
                    .anyMatch(s -> "active".equals(fapi.store.status(s)))) {
              throw SignInFlow.sessionExists();
            }
            long now = fapi.store.now();
            Records.SignUp su = new Records.SignUp();
            su.id = Ids.next("sua");
            su.clientId = c.id;
            su.createdAt = now;
            su.abandonAt = now + SignInFlow.SIGN_IN_LIFETIME_MS;
            if (r.flag("transfer")) {
              new ExternalAuth(fapi).transferToSignUp(c, su);
            }
            apply(su, r);
            fapi.store.signUps.put(su.id, su);
            c.signUpId = su.id;
            c.updatedAt = now;
            Optional<String> strategy = r.nonBlank("strategy");
            if (strategy.isPresent() && strategy.get().startsWith("oauth_")) {
              new ExternalAuth(fapi)
                  .startOAuthSignUp(su, strategy.get(), r.nonBlank("redirect_url").orElse(null));
            } else {
              strategy.ifPresent(s -> prepareStrategy(su, s, r));
            }
            String token = maybeComplete(su, c);
            return respond(su, c, token != null ? token : ct.newToken());
          } catch (FapiException e) {
            throw fapi.withClient(e, ct.client(), ct.newToken());
          }
        });
  }

  private Records.SignUp signUp(Request r, Records.Client c) {
    Records.SignUp su = fapi.store.signUps.get(r.pathParam("id"));
    if (su == null || !su.clientId.equals(c.id)) {
      throw Errors.notFound("Sign up");
    }
    if (!"complete".equals(su.status) && fapi.store.now() >= su.abandonAt) {
      su.status = "abandoned";
    }
    return su;
  }

  private static void requireOpen(Records.SignUp su) {
    if (!"missing_requirements".equals(su.status)) {
      throw new FapiException(
          400,
          "sign_up_status_invalid",
          "Invalid sign up status",
          "This sign up attempt is " + su.status + ".");
    }
  }

  private Response get(Request r) {
    if (r.param("rotating_token_nonce").isPresent()) {
      return new ExternalAuth(fapi).redeemSignUpNonce(r);
    }
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          return respond(signUp(r, c), c, null);
        });
  }

  private Response update(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.SignUp su = signUp(r, c);
          requireOpen(su);
          apply(su, r);
          r.nonBlank("strategy").ifPresent(s -> prepareStrategy(su, s, r));
          String token = maybeComplete(su, c);
          return respond(su, c, token);
        });
  }

  private void apply(Records.SignUp su, Request r) {
    Store store = fapi.store;
    Optional<String> email = r.nonBlank("email_address");
    if (email.isPresent()) {
      FormChecks.requireEmailFormat(email.get());
      FormChecks.requireFree(store, email.get(), "email_address");
      if (!email.get().equalsIgnoreCase(su.emailAddress)) {
        su.emailAddress = email.get();
        su.emailVerification = null;
      }
    }
    Optional<String> phone = r.nonBlank("phone_number").map(Store::normalizePhone);
    if (phone.isPresent()) {
      FormChecks.requirePhoneFormat(phone.get());
      FormChecks.requireFree(store, phone.get(), "phone_number");
      if (!phone.get().equals(su.phoneNumber)) {
        su.phoneNumber = phone.get();
        su.phoneVerification = null;
      }
    }
    Optional<String> username = r.nonBlank("username");
    if (username.isPresent()) {
      if (username.get().length() < 4 || username.get().length() > 64) {
        throw new FapiException(
                422,
                "form_username_invalid_length",
                "Usernames must be between 4 and 64 characters long.",
                "Usernames must be between 4 and 64 characters long.")
            .param("username");
      }
      FormChecks.requireFree(store, username.get(), "username");
      su.username = username.get();
    }
    Optional<String> password = r.param("password").filter(p -> !p.isEmpty());
    if (password.isPresent()) {
      FormChecks.requirePasswordLength(password.get(), "password");
      su.password = password.get();
    }
    r.nonBlank("first_name").ifPresent(v -> su.firstName = v);
    r.nonBlank("last_name").ifPresent(v -> su.lastName = v);
    r.nonBlank("unsafe_metadata")
        .ifPresent(v -> su.unsafeMetadata = FormChecks.jsonObject(v, "unsafe_metadata"));
    if (r.flag("legal_accepted")) {
      su.legalAcceptedAt = store.now();
    }
  }

  private void prepareStrategy(Records.SignUp su, String strategy, Request r) {
    switch (strategy) {
      case "email_link" -> {
        if (su.emailAddress == null) {
          throw Errors.paramMissing("email_address");
        }
        su.emailVerification =
            new EmailLinks(fapi)
                .send(su.id, su.emailAddress, null, r.nonBlank("redirect_url").orElse(null));
      }
      case "email_code" -> {
        if (su.emailAddress == null) {
          throw Errors.paramMissing("email_address");
        }
        su.emailVerification = otp("email_code", su.emailAddress, null);
      }
      case "phone_code" -> {
        if (su.phoneNumber == null) {
          throw Errors.paramMissing("phone_number");
        }
        su.phoneVerification = otp("phone_code", su.phoneNumber, "sms");
      }
      default -> {
        if (!strategy.startsWith("oauth_") || su.externalVerification == null) {
          throw SignInFlow.unsupportedStrategy(strategy);
        }
      }
    }
  }

  private Records.Verification otp(String strategy, String target, String channel) {
    Records.Verification v = Verifications.otp(fapi.store, strategy, target, null);
    v.channel = channel;
    return v;
  }

  private Response prepare(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.SignUp su = signUp(r, c);
          requireOpen(su);
          prepareStrategy(su, r.required("strategy"), r);
          return respond(su, c, null);
        });
  }

  private Response attempt(Request r) {
    fapi.limiter.check(r.remoteHost(), RateLimiter.Bucket.ATTEMPT);
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.SignUp su = signUp(r, c);
          requireOpen(su);
          String strategy = r.required("strategy");
          Records.Verification v =
              switch (strategy) {
                case "email_code" -> su.emailVerification;
                case "phone_code" -> su.phoneVerification;
                default -> throw SignInFlow.unsupportedStrategy(strategy);
              };
          if (v == null) {
            throw Verifications.notSent("strategy");
          }
          Verifications.checkCode(
              fapi.store, v, r.param("code").orElseThrow(() -> Errors.paramMissing("code")));
          String token = maybeComplete(su, c);
          return respond(su, c, token);
        });
  }

  /**
   * Completes the sign-up when nothing is missing or unverified; returns the rotated client token.
   */
  String maybeComplete(Records.SignUp su, Records.Client c) {
    if (!"missing_requirements".equals(su.status)
        || !Render.missingFields(su, fapi.store.config().legalConsent()).isEmpty()
        || !Render.unverifiedFields(su).isEmpty()) {
      return null;
    }
    Store store = fapi.store;
    long now = store.now();
    Records.User u = new Records.User();
    u.id = Ids.next("user");
    u.createdAt = now;
    u.updatedAt = now;
    if (su.emailAddress != null) {
      Records.Email e = new Records.Email();
      e.id = Ids.next("idn");
      e.address = su.emailAddress;
      e.createdAt = now;
      e.updatedAt = now;
      u.emails.add(e);
      u.primaryEmailId = e.id;
    }
    if (su.phoneNumber != null) {
      Records.Phone p = new Records.Phone();
      p.id = Ids.next("idn");
      p.number = su.phoneNumber;
      p.createdAt = now;
      p.updatedAt = now;
      u.phones.add(p);
      u.primaryPhoneId = p.id;
    }
    u.username = su.username;
    u.password = su.password;
    u.passwordUpdatedAt = su.password == null ? null : now;
    u.firstName = su.firstName;
    u.lastName = su.lastName;
    u.publicMetadata = Json.object();
    u.privateMetadata = Json.object();
    u.unsafeMetadata = su.unsafeMetadata == null ? Json.object() : su.unsafeMetadata.deepCopy();
    u.legalAcceptedAt = su.legalAcceptedAt;
    if (su.externalProvider != null) {
      Records.ExternalAccount x = new Records.ExternalAccount();
      x.id = Ids.next("eac");
      x.provider = su.externalProvider;
      x.email = su.externalEmail;
      x.providerUserId = Ids.base62(21);
      x.createdAt = now;
      u.externalAccounts.add(x);
    }
    store.users.put(u.id, u);
    Records.Session s = store.newSession(c, u, false);
    new SessionRoutes(fapi).seedLastActiveToken(s);
    su.status = "complete";
    su.createdUserId = u.id;
    su.createdSessionId = s.id;
    c.signUpId = null;
    c.lastAuthenticationStrategy =
        su.externalProvider != null
            ? "oauth_" + su.externalProvider
            : su.emailVerification != null ? su.emailVerification.strategy : "phone_code";
    return store.issueClientToken(c);
  }
}
