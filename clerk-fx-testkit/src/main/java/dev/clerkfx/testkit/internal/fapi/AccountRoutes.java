package dev.clerkfx.testkit.internal.fapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clerkfx.testkit.internal.server.Errors;
import dev.clerkfx.testkit.internal.server.FapiException;
import dev.clerkfx.testkit.internal.server.Json;
import dev.clerkfx.testkit.internal.server.Request;
import dev.clerkfx.testkit.internal.server.Response;
import dev.clerkfx.testkit.internal.server.Router;
import dev.clerkfx.testkit.internal.state.Ids;
import dev.clerkfx.testkit.internal.state.Records;
import dev.clerkfx.testkit.internal.state.Store;
import dev.clerkfx.testkit.internal.totp.BackupCodes;
import dev.clerkfx.testkit.internal.totp.Totp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The signed-in user's account under {@code /v1/me}: metadata, password, email addresses, phone
 * numbers, TOTP enrolment and backup codes. Every route acts for {@code _clerk_session_id} (else
 * the last active session).
 */
final class AccountRoutes {
  private final Fapi fapi;

  AccountRoutes(Fapi fapi) {
    this.fapi = fapi;
  }

  void register(Router router) {
    router.add("PATCH", "/v1/me/metadata", r -> user(r, this::patchMetadata));
    router.add("POST", "/v1/me/change_password", r -> user(r, sensitive(this::changePassword)));
    router.add("POST", "/v1/me/remove_password", r -> user(r, sensitive(this::removePassword)));
    router.add("POST", "/v1/me/email_addresses", r -> account(r, sensitive(this::addEmail)));
    router.add(
        "GET",
        "/v1/me/email_addresses/{id}",
        r -> account(r, (u, x) -> fapi.render.email(u, email(u, x))));
    router.add(
        "POST",
        "/v1/me/email_addresses/{id}/prepare_verification",
        r -> account(r, this::prepareEmail));
    router.add(
        "POST",
        "/v1/me/email_addresses/{id}/attempt_verification",
        r -> account(r, this::attemptEmail));
    router.add(
        "DELETE", "/v1/me/email_addresses/{id}", r -> account(r, sensitive(this::deleteEmail)));
    router.add("POST", "/v1/me/phone_numbers", r -> account(r, sensitive(this::addPhone)));
    router.add("PATCH", "/v1/me/phone_numbers/{id}", r -> account(r, this::updatePhone));
    router.add(
        "POST",
        "/v1/me/phone_numbers/{id}/prepare_verification",
        r -> account(r, this::preparePhone));
    router.add(
        "POST",
        "/v1/me/phone_numbers/{id}/attempt_verification",
        r -> account(r, this::attemptPhone));
    router.add(
        "DELETE", "/v1/me/phone_numbers/{id}", r -> account(r, sensitive(this::deletePhone)));
    router.add("POST", "/v1/me/totp", r -> account(r, sensitive(this::startTotp)));
    router.add("POST", "/v1/me/totp/attempt_verification", r -> account(r, this::verifyTotp));
    router.add("DELETE", "/v1/me/totp", r -> account(r, sensitive(this::deleteTotp)));
    router.add("POST", "/v1/me/backup_codes", r -> account(r, sensitive(this::backupCodes)));
    router.add("POST", "/v1/me/profile_image", r -> account(r, this::uploadImage));
    router.add("DELETE", "/v1/me/profile_image", r -> account(r, this::deleteImage));
    router.add(
        "POST", "/v1/me/external_accounts", r -> account(r, sensitive(this::connectExternal)));
    router.add(
        "DELETE",
        "/v1/me/external_accounts/{id}",
        r -> account(r, sensitive(this::disconnectExternal)));
    router.add("GET", "/emulator/connect/{id}", this::approveConnection);
    router.add("GET", "/v1/images/{id}", this::image);
  }

  /** A step on the signed-in user that returns the response resource. */
  private interface Step extends BiFunction<Records.User, Request, JsonNode> {}

  /** A step that first checks the session verified a factor recently (Clerk's reverification). */
  private Step sensitive(Step step) {
    return (u, r) -> {
      ReverificationRoutes.requireRecent(fapi, r);
      return step.apply(u, r);
    };
  }

  /** Fails when removing an identification would leave the user with no way to sign in. */
  private static void requireAnotherIdentifier(Records.User u) {
    int identifiers =
        u.emails.size()
            + u.phones.size()
            + u.externalAccounts.size()
            + (u.username != null ? 1 : 0);
    if (identifiers <= 1) {
      throw new FapiException(
          400,
          "identification_deletion_failed",
          "You cannot delete your last identification.",
          "You cannot delete your last identification.");
    }
  }

  /** Runs a step whose response is the user. */
  private Response user(Request r, Step step) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.User u = fapi.user(fapi.meSession(r, c).userId);
          var unused =
              step.apply(u, r); // the response is the user; the step's own result is not needed
          u.updatedAt = fapi.store.now();
          return Fapi.ok(fapi.render.wrap(fapi.render.user(u), c), null);
        });
  }

  /** Runs a step whose response is another resource. */
  private Response account(Request r, Step step) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.User u = fapi.user(fapi.meSession(r, c).userId);
          JsonNode result = step.apply(u, r);
          u.updatedAt = fapi.store.now();
          return Fapi.ok(fapi.render.wrap(result, c), null);
        });
  }

  // ---------------------------------------------------------------- metadata and password

  private JsonNode patchMetadata(Records.User u, Request r) {
    merge(
        u.unsafeMetadata, FormChecks.jsonObject(r.required("unsafe_metadata"), "unsafe_metadata"));
    return null;
  }

  /** Deep merge: objects merge, {@code null} deletes a key, anything else replaces. */
  static void merge(ObjectNode target, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull()) {
        target.remove(e.getKey());
      } else if (v.isObject() && target.get(e.getKey()) instanceof ObjectNode existing) {
        merge(existing, (ObjectNode) v);
      } else {
        target.set(e.getKey(), v.deepCopy());
      }
    }
  }

  private JsonNode changePassword(Records.User u, Request r) {
    if (u.password != null && !u.password.equals(r.param("current_password").orElse(null))) {
      throw new FapiException(
              422,
              "form_password_validation_failed",
              "Incorrect password.",
              "Incorrect password. Please try again.")
          .param("current_password");
    }
    String next = r.required("new_password");
    FormChecks.requirePasswordLength(next, "new_password");
    u.password = next;
    u.passwordUpdatedAt = fapi.store.now();
    if (r.flag("sign_out_of_other_sessions")) {
      String keep = fapi.meSession(r, fapi.requireClient(r)).id;
      for (Records.Session s : List.copyOf(fapi.store.sessions.values())) {
        if (s.userId.equals(u.id) && !s.id.equals(keep) && "active".equals(fapi.store.status(s))) {
          fapi.store.endSession(s, "revoked");
        }
      }
    }
    return null;
  }

  private JsonNode removePassword(Records.User u, Request r) {
    if (u.password == null || !u.password.equals(r.param("current_password").orElse(null))) {
      throw new FapiException(
              422,
              "form_password_validation_failed",
              "Incorrect password.",
              "Incorrect password. Please try again.")
          .param("current_password");
    }
    u.password = null;
    u.passwordUpdatedAt = null;
    return null;
  }

  // ---------------------------------------------------------------- email addresses

  private Records.Email email(Records.User u, Request r) {
    String id = r.pathParam("id");
    return u.emails.stream()
        .filter(e -> e.id.equals(id))
        .findFirst()
        .orElseThrow(() -> Errors.notFound("Email address"));
  }

  private JsonNode addEmail(Records.User u, Request r) {
    String address = r.required("email_address");
    FormChecks.requireEmailFormat(address);
    FormChecks.requireFree(fapi.store, address, "email_address");
    Records.Email e = new Records.Email();
    e.id = Ids.next("idn");
    e.address = address;
    e.verified = false;
    e.createdAt = fapi.store.now();
    e.updatedAt = e.createdAt;
    u.emails.add(e);
    if (u.primaryEmailId == null) {
      u.primaryEmailId = e.id;
    }
    return fapi.render.email(u, e);
  }

  /**
   * Issues a code for an identification after checking the request names the one strategy it
   * supports.
   */
  private Records.Verification prepare(Request r, String strategy, String target, String targetId) {
    String requested = r.required("strategy");
    if (!requested.equals(strategy)) {
      throw SignInFlow.unsupportedStrategy(requested);
    }
    return Verifications.otp(fapi.store, strategy, target, targetId);
  }

  /** Checks the request's code against an identification's prepared verification. */
  private void attempt(Records.Verification v, Request r) {
    if (v == null || v.code == null) {
      throw Verifications.notSent("code");
    }
    Verifications.checkCode(fapi.store, v, r.required("code"));
  }

  private JsonNode prepareEmail(Records.User u, Request r) {
    Records.Email e = email(u, r);
    e.verification = prepare(r, "email_code", e.address, e.id);
    return fapi.render.email(u, e);
  }

  private JsonNode attemptEmail(Records.User u, Request r) {
    Records.Email e = email(u, r);
    attempt(e.verification, r);
    e.verified = true;
    e.updatedAt = fapi.store.now();
    return fapi.render.email(u, e);
  }

  private JsonNode deleteEmail(Records.User u, Request r) {
    Records.Email e = email(u, r);
    requireAnotherIdentifier(u);
    if (e.id.equals(u.primaryEmailId) && u.emails.size() > 1) {
      throw Errors.paramValue(
          "email_id", "Make another email address primary before deleting this one.");
    }
    u.emails.remove(e);
    if (e.id.equals(u.primaryEmailId)) {
      u.primaryEmailId = null;
    }
    return deleted("email_address", e.id);
  }

  private static ObjectNode deleted(String object, String id) {
    ObjectNode o = Json.object();
    o.put("object", object);
    o.put("id", id);
    o.put("deleted", true);
    return o;
  }

  // ---------------------------------------------------------------- phone numbers

  private Records.Phone phone(Records.User u, Request r) {
    String id = r.pathParam("id");
    return u.phones.stream()
        .filter(p -> p.id.equals(id))
        .findFirst()
        .orElseThrow(() -> Errors.notFound("Phone number"));
  }

  private JsonNode addPhone(Records.User u, Request r) {
    String number = Store.normalizePhone(r.required("phone_number"));
    FormChecks.requirePhoneFormat(number);
    FormChecks.requireFree(fapi.store, number, "phone_number");
    Records.Phone p = new Records.Phone();
    p.id = Ids.next("idn");
    p.number = number;
    p.verified = false;
    p.secondFactor = r.flag("reserved_for_second_factor");
    p.createdAt = fapi.store.now();
    p.updatedAt = p.createdAt;
    u.phones.add(p);
    if (u.primaryPhoneId == null) {
      u.primaryPhoneId = p.id;
    }
    return fapi.render.phone(u, p);
  }

  private JsonNode updatePhone(Records.User u, Request r) {
    Records.Phone p = phone(u, r);
    if (r.param("reserved_for_second_factor").isPresent()
        || r.param("default_second_factor").isPresent()) {
      boolean on = r.flag("reserved_for_second_factor") || r.flag("default_second_factor");
      if (on && !p.verified) {
        throw Errors.paramValue("reserved_for_second_factor", "Verify the phone number first.");
      }
      boolean hadMfa = u.twoFactorEnabled();
      p.secondFactor = on;
      dropBackupCodesWithoutAnotherFactor(u);
      if (on) {
        mfaSetUp(u);
      }
      if (!hadMfa && u.twoFactorEnabled()) {
        u.mfaEnabledAt = fapi.store.now();
      }
    }
    p.updatedAt = fapi.store.now();
    return fapi.render.phone(u, p);
  }

  private JsonNode preparePhone(Records.User u, Request r) {
    Records.Phone p = phone(u, r);
    p.verification = prepare(r, "phone_code", p.number, p.id);
    p.verification.channel = "sms";
    return fapi.render.phone(u, p);
  }

  private JsonNode attemptPhone(Records.User u, Request r) {
    Records.Phone p = phone(u, r);
    attempt(p.verification, r);
    p.verified = true;
    p.updatedAt = fapi.store.now();
    return fapi.render.phone(u, p);
  }

  private JsonNode deletePhone(Records.User u, Request r) {
    Records.Phone p = phone(u, r);
    requireAnotherIdentifier(u);
    u.phones.remove(p);
    if (p.id.equals(u.primaryPhoneId)) {
      u.primaryPhoneId = u.phones.isEmpty() ? null : u.phones.get(0).id;
    }
    return deleted("phone_number", p.id);
  }

  // ---------------------------------------------------------------- profile image

  private static final int MAX_IMAGE = 10 * 1024 * 1024;

  private JsonNode uploadImage(Records.User u, Request r) {
    String type = r.header("content-type").orElse("application/octet-stream");
    byte[] bytes;
    String contentType;
    if (type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      Multipart.Part part =
          Multipart.find(r.body(), type, "file").orElseThrow(() -> Errors.paramMissing("file"));
      bytes = part.bytes();
      contentType = part.contentType();
    } else {
      bytes = r.body();
      contentType = type;
    }
    if (bytes.length == 0) {
      throw Errors.paramMissing("file");
    }
    if (bytes.length > MAX_IMAGE) {
      throw Errors.paramValue("file", "The image must be 10 MB or smaller.");
    }
    contentType = imageType(bytes);
    String id = Ids.next("img");
    fapi.store.images.put(id, new Store.Image(contentType, bytes));
    u.imageUrl = fapi.fapiUrl + "/v1/images/" + id;
    u.hasImage = true;
    ObjectNode o = Json.object();
    o.put("object", "image");
    o.put("id", id);
    o.put("name", "profile_image");
    o.put("public_url", u.imageUrl);
    return o;
  }

  /**
   * Recognises PNG, JPEG, GIF and WebP from their first bytes (Clerk's accepted types); anything
   * else is refused.
   */
  private static String imageType(byte[] b) {
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    String head =
        new String(b, 0, Math.min(b.length, 12), java.nio.charset.StandardCharsets.ISO_8859_1);
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) {
      return "image/gif";
    }
    if (head.startsWith("RIFF") && head.length() >= 12 && head.substring(8, 12).equals("WEBP")) {
      return "image/webp";
    }
    throw Errors.paramValue("file", "The image must be a PNG, JPEG, GIF or WebP file.");
  }

  private JsonNode deleteImage(Records.User u, Request r) {
    if (!u.hasImage) {
      throw Errors.notFound("Profile image");
    }
    u.imageUrl = null;
    u.hasImage = false;
    return deleted("image", Ids.next("img"));
  }

  private Response image(Request r) {
    Store.Image img = fapi.store.images.get(r.pathParam("id"));
    if (img == null) {
      throw Errors.notFound("Image");
    }
    return Response.bytes(img.contentType(), img.bytes().clone());
  }

  // ---------------------------------------------------------------- connected accounts

  /**
   * Starts connecting a provider: the account is unverified until the provider flow at {@code
   * external_verification_redirect_url} comes back through the OAuth callback.
   */
  private JsonNode connectExternal(Records.User u, Request r) {
    String strategy = r.required("strategy");
    String redirectUrl = r.required("redirect_url");
    if (!strategy.matches("oauth_[a-z0-9_]+")) {
      throw SignInFlow.unsupportedStrategy(strategy);
    }
    String provider = strategy.substring("oauth_".length());
    if (u.externalAccounts.stream().anyMatch(x -> x.provider.equals(provider) && x.verified)) {
      throw new FapiException(
          400,
          "external_account_exists",
          "Account already connected",
          "This account is already connected to " + provider + ".");
    }
    u.externalAccounts.removeIf(x -> x.provider.equals(provider) && !x.verified);
    Records.ExternalAccount a = new Records.ExternalAccount();
    a.id = Ids.next("eac");
    a.provider = provider;
    Records.Email primary = u.primaryEmail();
    a.email = primary != null ? primary.address : u.id + "@" + provider + ".example";
    a.providerUserId = Ids.next(provider);
    a.createdAt = fapi.store.now();
    a.verified = false;
    a.redirectUrl = redirectUrl;
    u.externalAccounts.add(a);
    return fapi.render.externalAccount(u, a);
  }

  /**
   * The provider's consent page for a connection, approved at once: verifies the pending account
   * and redirects (303) to the app's {@code redirect_url}.
   */
  private Response approveConnection(Request r) {
    return fapi.store.locked(
        () -> {
          String id = r.pathParam("id");
          for (Records.User u : fapi.store.users.values()) {
            for (Records.ExternalAccount a : u.externalAccounts) {
              if (a.id.equals(id) && !a.verified && r.nonBlank("error").isPresent()) {
                // the user refused at the provider: nothing is connected
                return Response.redirect(
                    303,
                    ExternalAuth.withQuery(
                        a.redirectUrl,
                        "__clerk_status=failed&__clerk_error_code="
                            + ExternalAuth.enc("oauth_access_denied")));
              }
              if (a.id.equals(id) && !a.verified) {
                a.verified = true;
                u.updatedAt = fapi.store.now();
                return Response.redirect(303, a.redirectUrl);
              }
            }
          }
          throw Errors.notFound("External account connection");
        });
  }

  private JsonNode disconnectExternal(Records.User u, Request r) {
    String id = r.pathParam("id");
    Records.ExternalAccount a =
        u.externalAccounts.stream()
            .filter(x -> x.id.equals(id))
            .findFirst()
            .orElseThrow(() -> Errors.notFound("External account"));
    requireAnotherIdentifier(u);
    u.externalAccounts.remove(a);
    return deleted("external_account", a.id);
  }

  // ---------------------------------------------------------------- TOTP and backup codes

  private ObjectNode totp(
      Records.User u, String secret, boolean verified, List<String> backupCodes) {
    ObjectNode o = Json.object();
    o.put("object", "totp");
    o.put("id", u.totpId);
    o.put("secret", secret);
    o.put(
        "uri",
        secret == null
            ? null
            : Totp.uri(secret, fapi.store.config().applicationName(), Render.identifierOf(u)));
    o.put("verified", verified);
    if (backupCodes == null) {
      o.putNull("backup_codes");
    } else {
      backupCodes.forEach(o.putArray("backup_codes")::add);
    }
    long now = fapi.store.now();
    o.put("created_at", now);
    o.put("updated_at", now);
    return o;
  }

  private JsonNode startTotp(Records.User u, Request r) {
    if (u.totpSecret != null) {
      throw new FapiException(
          400,
          "totp_already_enabled",
          "TOTP already enabled",
          "An authenticator app is already set up for this account. Remove it first.");
    }
    u.pendingTotpSecret = Totp.generateSecret();
    u.totpId = Ids.next("totp");
    return totp(u, u.pendingTotpSecret, false, null);
  }

  private JsonNode verifyTotp(Records.User u, Request r) {
    if (u.pendingTotpSecret == null) {
      throw new FapiException(
          404,
          "resource_not_found",
          "not found",
          "No authenticator app is waiting for verification: call POST /v1/me/totp first.");
    }
    if (!fapi.tokens.verifyTotp(u.pendingTotpSecret, r.required("code"))) {
      throw Verifications.incorrectCode();
    }
    boolean hadMfa = u.twoFactorEnabled();
    fapi.meSession(r, fapi.requireClient(r)).secondFactorAt = fapi.store.now();
    u.totpSecret = u.pendingTotpSecret;
    u.pendingTotpSecret = null;
    List<String> codes = null;
    if (u.backupCodes.isEmpty()) {
      codes = new ArrayList<>(BackupCodes.generate().remaining());
      u.backupCodes.addAll(codes);
    }
    if (!hadMfa) {
      u.mfaEnabledAt = fapi.store.now();
    }
    mfaSetUp(u);
    return totp(u, null, true, codes);
  }

  private JsonNode deleteTotp(Records.User u, Request r) {
    if (u.totpSecret == null) {
      throw Errors.notFound("TOTP");
    }
    u.totpSecret = null;
    dropBackupCodesWithoutAnotherFactor(u);
    String id = u.totpId == null ? Ids.next("totp") : u.totpId;
    u.totpId = null;
    return deleted("totp", id);
  }

  /** A second factor is enrolled: the user's sessions have their {@code setup-mfa} task done. */
  private void mfaSetUp(Records.User u) {
    for (Records.Session s : fapi.store.sessions.values()) {
      if (s.userId.equals(u.id)) {
        fapi.store.completeTask(s, "setup-mfa");
      }
    }
  }

  /** Backup codes only back up another second factor: with none left (as in Clerk) they go too. */
  private static void dropBackupCodesWithoutAnotherFactor(Records.User u) {
    if (u.totpSecret == null && !u.phoneSecondFactor()) {
      u.backupCodes.clear();
    }
  }

  private JsonNode backupCodes(Records.User u, Request r) {
    if (!u.twoFactorEnabled()) {
      throw new FapiException(
          400,
          "backup_codes_not_available",
          "Backup codes not available",
          "Set up another second factor before generating backup codes.");
    }
    List<String> codes = new ArrayList<>(BackupCodes.generate().remaining());
    u.backupCodes.clear();
    u.backupCodes.addAll(codes);
    ObjectNode o = Json.object();
    o.put("object", "backup_code");
    o.put("id", Ids.next("bcode"));
    codes.forEach(o.putArray("codes")::add);
    o.put("created_at", fapi.store.now());
    o.put("updated_at", fapi.store.now());
    return o;
  }
}
