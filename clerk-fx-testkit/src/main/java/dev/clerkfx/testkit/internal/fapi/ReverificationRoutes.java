package dev.clerkfx.testkit.internal.fapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clerkfx.testkit.internal.server.Errors;
import dev.clerkfx.testkit.internal.server.FapiException;
import dev.clerkfx.testkit.internal.server.Json;
import dev.clerkfx.testkit.internal.server.Request;
import dev.clerkfx.testkit.internal.server.Response;
import dev.clerkfx.testkit.internal.server.Router;
import dev.clerkfx.testkit.internal.state.Records;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Session reverification (step-up): {@code POST /v1/client/sessions/{id}/verify} with {@code level}
 * ({@code first_factor}, {@code second_factor}, {@code multi_factor}), then prepare/attempt first
 * and second factor. Completing a factor resets its age in the session's {@code fva} claim.
 *
 * <p>{@link #requireRecent} guards the sensitive {@code /v1/me} actions as Clerk does (adding or
 * removing an identifier, making one primary, password, TOTP, backup codes, connected accounts,
 * deleting the account): a session whose factors were verified more than {@link #WINDOW_MINUTES}
 * minutes ago gets 403 {@code session_reverification_required} with {@code meta.reverification} =
 * {@code {level: second_factor, after_minutes: 10}} (Clerk's "strict" preset; a user without a
 * second factor satisfies it with a first factor).
 */
final class ReverificationRoutes {
  /** How recent a factor verification must be for a sensitive action. */
  static final int WINDOW_MINUTES = 10;

  private static final String BASE = "/v1/client/sessions/{sid}/verify";
  private final Fapi fapi;

  ReverificationRoutes(Fapi fapi) {
    this.fapi = fapi;
  }

  void register(Router router) {
    router.add("POST", BASE, r -> step(r, this::start));
    router.add("POST", BASE + "/prepare_first_factor", r -> step(r, this::prepareFirst));
    router.add("POST", BASE + "/attempt_first_factor", r -> step(r, this::attemptFirst));
    router.add("POST", BASE + "/prepare_second_factor", r -> step(r, this::prepareSecond));
    router.add("POST", BASE + "/attempt_second_factor", r -> step(r, this::attemptSecond));
  }

  /**
   * Fails a sensitive action with {@code session_reverification_required} when the acting session's
   * factors are too old (and the emulator enforces reverification).
   *
   * @param fapi the FAPI
   * @param r the request (its {@code _clerk_session_id} names the session)
   */
  static void requireRecent(Fapi fapi, Request r) {
    if (!fapi.store.config().reverification()) {
      return;
    }
    Records.Session s = fapi.meSession(r, fapi.requireClient(r));
    Records.User u = fapi.user(s.userId);
    long window = WINDOW_MINUTES * 60_000L;
    long now = fapi.store.now();
    boolean recent =
        u.twoFactorEnabled()
            ? s.secondFactorAt >= 0 && now - s.secondFactorAt <= window
            : s.firstFactorAt > 0 && now - s.firstFactorAt <= window;
    if (!recent) {
      FapiException e =
          new FapiException(
              403,
              "session_reverification_required",
              "You need to provide additional verification to perform this operation",
              "You need to provide additional verification to perform this operation");
      ObjectNode rv = e.meta().putObject("reverification");
      rv.put("level", "second_factor");
      rv.put("after_minutes", WINDOW_MINUTES);
      throw e;
    }
  }

  private record Ctx(Request request, Records.Session session, Records.User user) {}

  private Response step(Request r, BiConsumer<Ctx, Records.Reverification> action) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.Session s = fapi.store.sessions.get(r.pathParam("sid"));
          if (s == null || !s.clientId.equals(c.id)) {
            throw Errors.notFound("Session");
          }
          String st = fapi.store.status(s);
          if (!"active".equals(st)) {
            throw SessionRoutes.sessionGone(st);
          }
          Records.User u = fapi.user(s.userId);
          Records.Reverification rv = s.reverification;
          action.accept(new Ctx(r, s, u), rv);
          return Fapi.ok(fapi.render.wrap(render(s, u, s.reverification), c), null);
        });
  }

  private static Records.Reverification require(Records.Reverification rv, String status) {
    if (rv == null) {
      throw new FapiException(
          400,
          "reverification_missing",
          "No reverification in progress",
          "Start a reverification with POST /v1/client/sessions/{id}/verify first.");
    }
    if (!status.equals(rv.status)) {
      throw new FapiException(
          400,
          "reverification_status_invalid",
          "Invalid reverification status",
          "This reverification is in status '" + rv.status + "'; this step needs " + status + ".");
    }
    return rv;
  }

  private void start(Ctx x, Records.Reverification ignored) {
    String level = x.request().required("level");
    if (!level.equals("first_factor")
        && !level.equals("second_factor")
        && !level.equals("multi_factor")) {
      throw Errors.paramValue(
          "level", "level must be first_factor, second_factor or multi_factor.");
    }
    Records.Reverification rv = new Records.Reverification();
    rv.level = level;
    rv.status =
        level.equals("second_factor") && x.user().twoFactorEnabled()
            ? "needs_second_factor"
            : "needs_first_factor";
    x.session().reverification = rv;
  }

  private void prepareFirst(Ctx x, Records.Reverification rv) {
    require(rv, "needs_first_factor");
    String strategy = x.request().required("strategy");
    rv.firstFactor =
        switch (strategy) {
          case "email_code" -> {
            Records.Email e =
                pick(
                    x.user().emails,
                    x.request().nonBlank("email_address_id"),
                    x.user().primaryEmail(),
                    "email_address_id",
                    (Records.Email m) -> m.id);
            yield otp("email_code", e.address, e.id);
          }
          case "phone_code" -> {
            Records.Phone p =
                pick(
                    x.user().phones,
                    x.request().nonBlank("phone_number_id"),
                    x.user().primaryPhone(),
                    "phone_number_id",
                    (Records.Phone m) -> m.id);
            yield otp("phone_code", p.number, p.id);
          }
          default -> throw SignInFlow.unsupportedStrategy(strategy);
        };
  }

  private static <T> T pick(
      java.util.List<T> all,
      Optional<String> id,
      T primary,
      String param,
      java.util.function.Function<T, String> idOf) {
    if (id.isPresent()) {
      return all.stream()
          .filter(t -> idOf.apply(t).equals(id.get()))
          .findFirst()
          .orElseThrow(() -> Errors.paramValue(param, "is invalid"));
    }
    if (primary == null) {
      throw Errors.paramMissing(param);
    }
    return primary;
  }

  private Records.Verification otp(String strategy, String target, String targetId) {
    return Verifications.otp(fapi.store, strategy, target, targetId);
  }

  private void attemptFirst(Ctx x, Records.Reverification rv) {
    require(rv, "needs_first_factor");
    String strategy = x.request().required("strategy");
    if (strategy.equals("password")) {
      Records.Verification v = new Records.Verification();
      v.object = "verification_password";
      v.strategy = "password";
      v.attempts = 1;
      rv.firstFactor = v;
      if (x.user().password == null
          || !x.user().password.equals(x.request().param("password").orElse(null))) {
        throw Verifications.passwordIncorrect();
      }
      v.status = "verified";
    } else if (strategy.equals("email_code") || strategy.equals("phone_code")) {
      Verifications.checkCode(
          fapi.store,
          Verifications.requireSent(rv.firstFactor, strategy),
          x.request().required("code"));
    } else {
      throw SignInFlow.unsupportedStrategy(strategy);
    }
    x.session().firstFactorAt = fapi.store.now();
    rv.status =
        rv.level.equals("multi_factor") && x.user().twoFactorEnabled()
            ? "needs_second_factor"
            : "complete";
  }

  private void prepareSecond(Ctx x, Records.Reverification rv) {
    require(rv, "needs_second_factor");
    String strategy = x.request().required("strategy");
    if (!strategy.equals("phone_code")) {
      throw SignInFlow.unsupportedStrategy(strategy);
    }
    Records.Phone p =
        pick(
            x.user().phones,
            x.request().nonBlank("phone_number_id"),
            x.user().phones.stream().filter(ph -> ph.secondFactor).findFirst().orElse(null),
            "phone_number_id",
            (Records.Phone m) -> m.id);
    rv.secondFactor = otp("phone_code", p.number, p.id);
  }

  private void attemptSecond(Ctx x, Records.Reverification rv) {
    require(rv, "needs_second_factor");
    String strategy = x.request().required("strategy");
    String code = x.request().required("code");
    Records.User u = x.user();
    switch (strategy) {
      case "totp" -> {
        rv.secondFactor = simple("verification_totp", "totp");
        if (u.totpSecret == null || !fapi.tokens.verifyTotp(u.totpSecret, code)) {
          throw Verifications.incorrectCode();
        }
      }
      case "backup_code" -> {
        rv.secondFactor = simple("verification_backup_code", "backup_code");
        if (!u.backupCodes.remove(code)) {
          throw Verifications.incorrectCode();
        }
      }
      case "phone_code" ->
          Verifications.checkCode(
              fapi.store, Verifications.requireSent(rv.secondFactor, strategy), code);
      default -> throw SignInFlow.unsupportedStrategy(strategy);
    }
    rv.secondFactor.status = "verified";
    x.session().secondFactorAt = fapi.store.now();
    rv.status = "complete";
  }

  private static Records.Verification simple(String object, String strategy) {
    Records.Verification v = new Records.Verification();
    v.object = object;
    v.strategy = strategy;
    v.attempts = 1;
    return v;
  }

  private ObjectNode render(Records.Session s, Records.User u, Records.Reverification rv) {
    ObjectNode o = Json.object();
    o.put("object", "session_reverification");
    o.put("level", rv.level);
    o.put("status", rv.status);
    if ("needs_first_factor".equals(rv.status)) {
      ArrayNode f = o.putArray("supported_first_factors");
      if (u.password != null) {
        f.addObject().put("strategy", "password");
      }
      for (Records.Email e : u.emails) {
        Render.emailFactor(f, "email_code", Render.maskEmail(e.address), e, u);
      }
      for (Records.Phone p : u.phones) {
        Render.phoneFactor(f, "phone_code", Render.maskPhone(p.number), p, u);
      }
    } else {
      o.putNull("supported_first_factors");
    }
    if ("needs_second_factor".equals(rv.status)) {
      Render.addSecondFactors(o.putArray("supported_second_factors"), u);
    } else {
      o.putNull("supported_second_factors");
    }
    o.set("first_factor_verification", fapi.render.verification(rv.firstFactor));
    o.set("second_factor_verification", fapi.render.verification(rv.secondFactor));
    o.set("session", fapi.render.sessionBase(s));
    return o;
  }
}
