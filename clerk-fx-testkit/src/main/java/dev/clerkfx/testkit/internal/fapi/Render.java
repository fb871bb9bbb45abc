package dev.clerkfx.testkit.internal.fapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clerkfx.testkit.internal.server.Json;
import dev.clerkfx.testkit.internal.state.Records;
import dev.clerkfx.testkit.internal.state.Store;
import java.util.List;
import java.util.Map;

/**
 * Renders state records as FAPI JSON, shaped per Clerk's FAPI spec (2026-05-12): snake_case keys,
 * millisecond timestamps, every required field present (null where the spec allows it).
 */
public final class Render {
  private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};
  private final Store store;
  private final String fapiUrl;

  /**
   * Makes a renderer.
   *
   * @param store the state
   * @param fapiUrl the emulator's base URL (for avatar URLs)
   */
  public Render(Store store, String fapiUrl) {
    this.store = store;
    this.fapiUrl = fapiUrl;
  }

  /**
   * Wraps a resource: {@code {"response": X, "client": C}}.
   *
   * @param response the resource (may be null)
   * @param client the client to piggyback (may be null)
   * @return the envelope
   */
  public ObjectNode wrap(JsonNode response, Records.Client client) {
    ObjectNode o = Json.object();
    o.set("response", response == null ? Json.object().nullNode() : response);
    o.set("client", client == null ? Json.object().nullNode() : client(client));
    return o;
  }

  /**
   * Renders a client.
   *
   * @param c the client
   * @return the JSON
   */
  public ObjectNode client(Records.Client c) {
    ObjectNode o = Json.object();
    o.put("object", "client");
    o.put("id", c.id);
    ArrayNode sessions = o.putArray("sessions");
    for (Records.Session s : store.sessionsOf(c)) {
      sessions.add(session(s));
    }
    Records.SignIn si = c.signInId == null ? null : store.signIns.get(c.signInId);
    o.set("sign_in", si == null ? null : signIn(si));
    Records.SignUp su = c.signUpId == null ? null : store.signUps.get(c.signUpId);
    o.set("sign_up", su == null ? null : signUp(su));
    o.put("last_active_session_id", c.lastActiveSessionId);
    o.put("last_authentication_strategy", c.lastAuthenticationStrategy);
    o.putNull("cookie_expires_at");
    o.put("captcha_bypass", false);
    o.put("created_at", c.createdAt);
    o.put("updated_at", c.updatedAt);
    return o;
  }

  /**
   * Renders a session with its user.
   *
   * @param s the session
   * @return the JSON
   */
  public ObjectNode session(Records.Session s) {
    ObjectNode o = Json.object();
    o.put("object", "session");
    o.put("id", s.id);
    putLifecycle(o, s);
    o.put("last_active_organization_id", s.activeOrganizationId);
    o.putNull("actor");
    if (!s.tasks.isEmpty()) {
      ArrayNode tasks = o.putArray("tasks");
      s.tasks.forEach(t -> tasks.addObject().put("key", t));
    }
    Records.User u = store.users.get(s.userId);
    if (u != null) {
      o.set("user", user(u));
      o.set("public_user_data", publicUserData(u));
    } else {
      o.putNull("public_user_data");
    }
    ArrayNode fva = o.putArray("factor_verification_age");
    fva.add(ageMinutes(s.firstFactorAt));
    fva.add(ageMinutes(s.secondFactorAt));
    o.put("created_at", s.createdAt);
    o.put("updated_at", s.updatedAt);
    return o;
  }

  /**
   * Renders only a session's base fields (the spec's {@code SessionBase}), as reverification
   * responses carry.
   *
   * @param s the session
   * @return the JSON
   */
  public ObjectNode sessionBase(Records.Session s) {
    ObjectNode o = Json.object();
    o.put("id", s.id);
    o.put("object", "session");
    putLifecycle(o, s);
    o.putNull("actor");
    return o;
  }

  /**
   * Puts the fields every session rendering carries: status, expiry, abandonment and last activity.
   */
  private void putLifecycle(ObjectNode o, Records.Session s) {
    o.put("status", store.shownStatus(s));
    o.put("expire_at", s.expireAt);
    o.put("abandon_at", s.abandonAt);
    o.put("last_active_at", s.lastActiveAt);
    if (s.lastActiveToken == null) {
      o.putNull("last_active_token");
    } else {
      o.set("last_active_token", token(s.lastActiveToken));
    }
  }

  /**
   * Returns minutes since an instant, or -1 for never.
   *
   * @param at epoch millis, or negative for never
   * @return the age
   */
  public int ageMinutes(long at) {
    return at < 0 ? -1 : (int) Math.max(0, (store.now() - at) / 60_000L);
  }

  /**
   * Renders a token object.
   *
   * @param jwt the JWT
   * @return {@code {"object":"token","jwt":…}}
   */
  public static ObjectNode token(String jwt) {
    ObjectNode o = Json.object();
    o.put("object", "token");
    o.put("jwt", jwt);
    return o;
  }

  /**
   * Returns a user's avatar URL (the one set, else the emulator's generated avatar).
   *
   * @param u the user
   * @return the URL
   */
  public String imageUrl(Records.User u) {
    return u.imageUrl != null ? u.imageUrl : fapiUrl + "/v1/avatars/" + u.id + ".png";
  }

  /**
   * Renders a user.
   *
   * @param u the user
   * @return the JSON
   */
  public ObjectNode user(Records.User u) {
    ObjectNode o = Json.object();
    o.put("id", u.id);
    o.put("object", "user");
    o.put("username", u.username);
    o.put("first_name", u.firstName);
    o.put("last_name", u.lastName);
    o.put("image_url", imageUrl(u));
    o.put("has_image", u.hasImage);
    o.put("primary_email_address_id", u.primaryEmailId);
    o.put("primary_phone_number_id", u.primaryPhoneId);
    o.putNull("primary_web3_wallet_id");
    o.put("password_enabled", u.password != null);
    o.put("two_factor_enabled", u.twoFactorEnabled());
    o.put("totp_enabled", u.totpSecret != null);
    o.put("backup_code_enabled", !u.backupCodes.isEmpty());
    ArrayNode emails = o.putArray("email_addresses");
    u.emails.forEach(e -> emails.add(email(u, e)));
    ArrayNode phones = o.putArray("phone_numbers");
    u.phones.forEach(p -> phones.add(phone(u, p)));
    o.putArray("web3_wallets");
    o.putArray("passkeys");
    ArrayNode memberships = o.putArray("organization_memberships");
    u.memberships.forEach(
        m -> {
          ObjectNode mj = membership(m);
          if (mj != null) {
            memberships.add(mj);
          }
        });
    ArrayNode external = o.putArray("external_accounts");
    u.externalAccounts.forEach(x -> external.add(externalAccount(u, x)));
    o.putArray("saml_accounts");
    o.putArray("enterprise_accounts");
    putMillis(o, "password_last_updated_at", u.passwordUpdatedAt);
    o.set("public_metadata", u.publicMetadata.deepCopy());
    o.set("unsafe_metadata", u.unsafeMetadata.deepCopy());
    o.putNull("external_id");
    putMillis(o, "last_sign_in_at", u.lastSignInAt);
    o.put("banned", u.banned);
    boolean locked = u.lockedUntil > store.now();
    o.put("locked", locked);
    if (locked) {
      o.put("lockout_expires_in_seconds", (u.lockedUntil - store.now() + 999) / 1000);
    } else {
      o.putNull("lockout_expires_in_seconds");
    }
    o.put("verification_attempts_remaining", 100);
    o.put("created_at", u.createdAt);
    o.put("updated_at", u.updatedAt);
    o.put("delete_self_enabled", true);
    o.put("create_organization_enabled", true);
    o.put("create_organizations_limit", 0);
    putMillis(o, "last_active_at", u.lastActiveAt);
    putMillis(o, "mfa_enabled_at", u.twoFactorEnabled() ? u.mfaEnabledAt : null);
    o.putNull("mfa_disabled_at");
    putMillis(o, "legal_accepted_at", u.legalAcceptedAt);
    o.put("profile_image_url", imageUrl(u));
    return o;
  }

  private static void putMillis(ObjectNode o, String key, Long value) {
    if (value == null) {
      o.putNull(key);
    } else {
      o.put(key, value.longValue());
    }
  }

  /**
   * Renders an email address of a user.
   *
   * @param u the user
   * @param e the address
   * @return the JSON
   */
  public ObjectNode email(Records.User u, Records.Email e) {
    ObjectNode o = Json.object();
    o.put("id", e.id);
    o.put("object", "email_address");
    o.put("email_address", e.address);
    o.put("reserved", false);
    o.set(
        "verification",
        e.verification != null
            ? verification(e.verification)
            : e.verified ? adminVerification() : null);
    ArrayNode links = o.putArray("linked_to");
    u.externalAccounts.stream()
        .filter(x -> e.address.equalsIgnoreCase(x.email))
        .forEach(
            x -> {
              ObjectNode l = links.addObject();
              l.put("type", "oauth_" + x.provider);
              l.put("id", x.id);
            });
    o.put("matches_sso_connection", false);
    o.put("created_at", e.createdAt);
    o.put("updated_at", e.updatedAt);
    return o;
  }

  /**
   * Renders a phone number of a user.
   *
   * @param u the user
   * @param p the number
   * @return the JSON
   */
  public ObjectNode phone(Records.User u, Records.Phone p) {
    ObjectNode o = Json.object();
    o.put("id", p.id);
    o.put("object", "phone_number");
    o.put("phone_number", p.number);
    o.put("reserved_for_second_factor", p.secondFactor);
    o.put("default_second_factor", p.secondFactor);
    o.put("reserved", false);
    o.set(
        "verification",
        p.verification != null
            ? verification(p.verification)
            : p.verified ? adminVerification() : null);
    o.putArray("linked_to");
    o.putNull("backup_codes");
    o.put("created_at", p.createdAt);
    o.put("updated_at", p.updatedAt);
    return o;
  }

  private static ObjectNode adminVerification() {
    ObjectNode v = Json.object();
    v.put("object", "verification_admin");
    v.put("status", "verified");
    v.put("strategy", "admin");
    v.putNull("attempts");
    v.putNull("expire_at");
    return v;
  }

  /**
   * Renders a connected account.
   *
   * @param u its user
   * @param x the account
   * @return the JSON
   */
  public ObjectNode externalAccount(Records.User u, Records.ExternalAccount x) {
    ObjectNode o = Json.object();
    o.put("object", "external_account");
    o.put("id", x.id);
    o.put("provider", "oauth_" + x.provider);
    String idn =
        u.emails.stream()
            .filter(e -> e.address.equalsIgnoreCase(x.email))
            .map(e -> e.id)
            .findFirst()
            .orElse("");
    o.put("identification_id", idn);
    o.put("provider_user_id", x.providerUserId);
    o.put("approved_scopes", "email profile");
    o.put("email_address", x.email);
    o.put("email_address_verified", true);
    o.put("first_name", u.firstName == null ? "" : u.firstName);
    o.put("last_name", u.lastName == null ? "" : u.lastName);
    o.put("avatar_url", imageUrl(u));
    o.put("image_url", imageUrl(u));
    o.putNull("username");
    o.putNull("phone_number");
    o.set("public_metadata", Json.object());
    o.putNull("label");
    o.put("created_at", x.createdAt);
    o.put("updated_at", x.createdAt);
    ObjectNode v = o.putObject("verification");
    v.put("object", "verification_oauth");
    v.put("status", x.verified ? "verified" : "unverified");
    v.put("strategy", "oauth_" + x.provider);
    if (!x.verified) {
      v.put("external_verification_redirect_url", fapiUrl + "/emulator/connect/" + x.id);
    }
    v.putNull("error");
    v.put("expire_at", x.createdAt + 600_000L);
    v.putNull("attempts");
    return o;
  }

  /**
   * Renders an organization membership, or null if the organization is gone.
   *
   * @param m the membership
   * @return the JSON
   */
  public ObjectNode membership(Records.Membership m) {
    Records.Organization org = store.organizations.get(m.organizationId);
    if (org == null) {
      return null;
    }
    ObjectNode o = Json.object();
    o.put("object", "organization_membership");
    o.put("id", m.id);
    o.set("public_metadata", Json.object());
    o.put("role", m.role);
    o.put("role_name", roleName(m.role));
    ArrayNode perms = o.putArray("permissions");
    org.roles.getOrDefault(m.role, List.of()).forEach(perms::add);
    o.put("created_at", m.createdAt);
    o.put("updated_at", m.createdAt);
    o.set("organization", organization(org));
    return o;
  }

  /**
   * Renders an organization.
   *
   * @param org the organization
   * @return the JSON
   */
  public ObjectNode organization(Records.Organization org) {
    ObjectNode oj = Json.object();
    oj.put("object", "organization");
    oj.put("id", org.id);
    oj.put("name", org.name);
    oj.put("slug", org.slug);
    oj.put("image_url", fapiUrl + "/v1/avatars/" + org.id + ".png");
    oj.put("has_image", false);
    oj.put(
        "members_count",
        (int)
            store.users.values().stream()
                .filter(
                    u ->
                        !u.deleted
                            && u.memberships.stream()
                                .anyMatch(x -> x.organizationId.equals(org.id)))
                .count());
    oj.put(
        "pending_invitations_count",
        (int)
            store.invitations.values().stream()
                .filter(i -> i.organizationId.equals(org.id) && "pending".equals(i.status))
                .count());
    oj.put("max_allowed_memberships", 5);
    oj.put("admin_delete_enabled", true);
    oj.set("public_metadata", Json.object());
    oj.put("created_at", org.createdAt);
    oj.put("updated_at", org.createdAt);
    return oj;
  }

  /**
   * Renders what a non-member sees of an organization ({@code public_organization_data}).
   *
   * @param org the organization
   * @return the JSON
   */
  public ObjectNode publicOrganizationData(Records.Organization org) {
    ObjectNode o = Json.object();
    o.put("id", org.id);
    o.put("name", org.name);
    o.put("slug", org.slug);
    o.put("image_url", fapiUrl + "/v1/avatars/" + org.id + ".png");
    o.put("has_image", false);
    return o;
  }

  /**
   * Renders the role's display name as Clerk derives it for default roles ({@code org:admin} →
   * {@code Admin}).
   *
   * @param role the role key
   * @return the name
   */
  static String roleName(String role) {
    String key = role.startsWith("org:") ? role.substring(4) : role;
    return key.isEmpty()
        ? role
        : Character.toUpperCase(key.charAt(0)) + key.substring(1).replace('_', ' ');
  }

  /**
   * Renders the public user data block of a session.
   *
   * @param u the user
   * @return the JSON
   */
  public ObjectNode publicUserData(Records.User u) {
    ObjectNode o = Json.object();
    o.put("first_name", u.firstName);
    o.put("last_name", u.lastName);
    o.put("image_url", imageUrl(u));
    o.put("has_image", u.hasImage);
    o.put("identifier", identifierOf(u));
    o.put("profile_image_url", imageUrl(u));
    o.put("user_id", u.id);
    o.put("username", u.username);
    return o;
  }

  /**
   * Returns a user's primary identifier: email, else phone, else username.
   *
   * @param u the user
   * @return the identifier
   */
  public static String identifierOf(Records.User u) {
    Records.Email e = u.primaryEmail();
    if (e != null) {
      return e.address;
    }
    Records.Phone p = u.primaryPhone();
    if (p != null) {
      return p.number;
    }
    return u.username == null ? "" : u.username;
  }

  // ---------------------------------------------------------------- sign-in

  /**
   * Renders a sign-in attempt.
   *
   * @param si the sign-in
   * @return the JSON
   */
  public ObjectNode signIn(Records.SignIn si) {
    Records.User u = si.userId == null ? null : store.users.get(si.userId);
    ObjectNode o = Json.object();
    o.put("object", "sign_in_attempt");
    o.put("id", si.id);
    o.put("status", si.status);
    ArrayNode ids = o.putArray("supported_identifiers");
    ids.add("email_address").add("phone_number").add("username");
    boolean done = "complete".equals(si.status);
    if (u == null || done) {
      o.putNull("supported_first_factors");
    } else {
      o.set("supported_first_factors", firstFactors(u, si));
    }
    if (u != null
        && !done
        && ("needs_second_factor".equals(si.status) || "needs_client_trust".equals(si.status))) {
      o.set("supported_second_factors", secondFactors(u, si));
    } else {
      o.putNull("supported_second_factors");
    }
    o.set("first_factor_verification", verification(si.firstFactor));
    o.set("second_factor_verification", verification(si.secondFactor));
    o.put("identifier", si.identifier);
    if (u == null) {
      o.putNull("user_data");
    } else {
      ObjectNode ud = o.putObject("user_data");
      ud.put("first_name", u.firstName);
      ud.put("last_name", u.lastName);
      ud.put("image_url", imageUrl(u));
      ud.put("has_image", u.hasImage);
      ud.put("profile_image_url", imageUrl(u));
    }
    o.put("created_session_id", si.createdSessionId);
    o.put("abandon_at", si.abandonAt);
    if (si.clientTrust) {
      o.put("client_trust_state", done ? "known" : "new");
    } else {
      o.putNull("client_trust_state");
    }
    return o;
  }

  private ArrayNode firstFactors(Records.User u, Records.SignIn si) {
    ArrayNode a = Json.array();
    if (store.config().isEnterpriseSso(si.identifier)) {
      a.addObject().put("strategy", ExternalAuth.ENTERPRISE_SSO);
      return a;
    }
    if (u.password != null) {
      a.addObject().put("strategy", "password");
    }
    for (Records.Phone p : u.phones) {
      phoneFactor(a, "phone_code", safe(p.number, si), p, u);
    }
    for (Records.Email e : u.emails) {
      emailFactor(a, "email_code", safe(e.address, si), e, u);
    }
    if (store.config().emailLinkSignIn()) {
      for (Records.Email e : u.emails) {
        emailFactor(a, "email_link", safe(e.address, si), e, u);
      }
    }
    Records.Email pe = u.primaryEmail();
    if (pe != null && u.password != null) {
      emailFactor(a, "reset_password_email_code", safe(pe.address, si), pe, u);
    }
    Records.Phone pp = u.primaryPhone();
    if (pp != null && u.password != null) {
      phoneFactor(a, "reset_password_phone_code", safe(pp.number, si), pp, u);
    }
    return a;
  }

  private ArrayNode secondFactors(Records.User u, Records.SignIn si) {
    ArrayNode a = Json.array();
    if ("needs_client_trust".equals(si.status)) {
      Records.Email pe = u.primaryEmail();
      if (pe != null) {
        emailFactor(a, "email_code", safe(pe.address, si), pe, u);
      }
      Records.Phone pp = u.primaryPhone();
      if (pp != null) {
        phoneFactor(a, "phone_code", maskPhone(pp.number), pp, u).put("default", true);
      }
      return a;
    }
    addSecondFactors(a, u);
    return a;
  }

  /**
   * Adds a user's second factors (TOTP, the phone numbers reserved for second factor, backup codes)
   * to a {@code supported_second_factors} array.
   *
   * @param a the array
   * @param u the user
   */
  static void addSecondFactors(ArrayNode a, Records.User u) {
    if (u.totpSecret != null) {
      a.addObject().put("strategy", "totp");
    }
    for (Records.Phone p : u.phones) {
      if (p.secondFactor) {
        phoneFactor(a, "phone_code", maskPhone(p.number), p, u).put("default", true);
      }
    }
    if (!u.backupCodes.isEmpty()) {
      a.addObject().put("strategy", "backup_code");
    }
  }

  /**
   * Adds a factor that sends a code to an email address; {@code primary} when it is the user's
   * primary one.
   *
   * @return the factor, for callers to add more fields
   */
  static ObjectNode emailFactor(
      ArrayNode a, String strategy, String safeIdentifier, Records.Email e, Records.User u) {
    return factor(
        a, strategy, safeIdentifier, "email_address_id", e.id, e.id.equals(u.primaryEmailId));
  }

  /**
   * Adds a factor that sends a code to a phone number; {@code primary} when it is the user's
   * primary one.
   *
   * @return the factor, for callers to add more fields
   */
  static ObjectNode phoneFactor(
      ArrayNode a, String strategy, String safeIdentifier, Records.Phone p, Records.User u) {
    return factor(
        a, strategy, safeIdentifier, "phone_number_id", p.id, p.id.equals(u.primaryPhoneId));
  }

  private static ObjectNode factor(
      ArrayNode a,
      String strategy,
      String safeIdentifier,
      String idKey,
      String id,
      boolean primary) {
    ObjectNode f = a.addObject();
    f.put("strategy", strategy);
    f.put("safe_identifier", safeIdentifier);
    f.put(idKey, id);
    f.put("primary", primary);
    return f;
  }

  /** Shows the identifier the user typed in full and masks the others, as Clerk does. */
  private static String safe(String value, Records.SignIn si) {
    if (si.identifier != null && si.identifier.equalsIgnoreCase(value)) {
      return value;
    }
    return value.contains("@") ? maskEmail(value) : maskPhone(value);
  }

  static String maskEmail(String email) {
    int at = email.indexOf('@');
    if (at <= 1) {
      return email;
    }
    return email.charAt(0)
        + "*".repeat(Math.max(1, at - 2))
        + email.charAt(at - 1)
        + email.substring(at);
  }

  static String maskPhone(String phone) {
    if (phone.length() <= 4) {
      return phone;
    }
    return (phone.startsWith("+") ? "+" : "")
        + "*".repeat(phone.length() - 4 - (phone.startsWith("+") ? 1 : 0))
        + phone.substring(phone.length() - 4);
  }

  /**
   * Renders a verification, or JSON null.
   *
   * @param v the verification (may be null)
   * @return the JSON
   */
  public JsonNode verification(Records.Verification v) {
    if (v == null) {
      return Json.object().nullNode();
    }
    ObjectNode o = Json.object();
    o.put("object", v.object);
    o.put("status", v.status);
    o.put("strategy", v.strategy);
    if (v.channel != null) {
      o.put("channel", v.channel);
    }
    o.put("attempts", v.attempts);
    if (v.expireAt == null) {
      o.putNull("expire_at");
    } else {
      o.put("expire_at", v.expireAt.longValue());
    }
    if ("verification_oauth".equals(v.object) || "verification_saml".equals(v.object)) {
      o.put(
          "external_verification_redirect_url",
          "unverified".equals(v.status) ? v.externalUrl : null);
      if (v.errorCode == null) {
        o.putNull("error");
      } else {
        ObjectNode e = o.putObject("error");
        e.put("message", v.errorMessage);
        e.put("long_message", v.errorMessage);
        e.put("code", v.errorCode);
        e.putObject("meta");
      }
      if (v.attempts == 0) {
        o.putNull("attempts");
      }
    }
    if ("verification_email_link".equals(v.object) && v.verifiedAtClient != null) {
      o.put("verified_at_client", v.verifiedAtClient);
    }
    return o;
  }

  // ---------------------------------------------------------------- sign-up

  /** The fields a sign-up must provide. */
  public static final List<String> SIGN_UP_REQUIRED = List.of("email_address", "password");

  /** The fields a sign-up may provide. */
  public static final List<String> SIGN_UP_OPTIONAL =
      List.of(
          "first_name", "last_name", "oauth_github", "oauth_google", "phone_number", "username");

  /**
   * Renders a sign-up attempt.
   *
   * @param su the sign-up
   * @return the JSON
   */
  public ObjectNode signUp(Records.SignUp su) {
    ObjectNode o = Json.object();
    o.put("object", "sign_up_attempt");
    o.put("id", su.id);
    o.put("status", su.status);
    ArrayNode req = o.putArray("required_fields");
    SIGN_UP_REQUIRED.forEach(req::add);
    if (store.config().legalConsent()) {
      req.add("legal_accepted");
    }
    ArrayNode opt = o.putArray("optional_fields");
    SIGN_UP_OPTIONAL.forEach(opt::add);
    ArrayNode missing = o.putArray("missing_fields");
    missingFields(su, store.config().legalConsent()).forEach(missing::add);
    ArrayNode unverified = o.putArray("unverified_fields");
    unverifiedFields(su).forEach(unverified::add);
    ObjectNode vs = o.putObject("verifications");
    vs.set(
        "email_address",
        signUpVerification(su.emailVerification, su.emailAddress != null, "email_code"));
    vs.set(
        "phone_number",
        signUpVerification(su.phoneVerification, su.phoneNumber != null, "phone_code"));
    vs.putNull("web3_wallet");
    vs.set("external_account", verification(su.externalVerification));
    o.put("username", su.username);
    o.put("email_address", su.emailAddress);
    o.put("phone_number", su.phoneNumber);
    o.putNull("web3_wallet");
    o.put("password_enabled", su.password != null);
    o.put("first_name", su.firstName);
    o.put("last_name", su.lastName);
    o.set(
        "unsafe_metadata",
        su.unsafeMetadata == null ? Json.object() : su.unsafeMetadata.deepCopy());
    o.set("public_metadata", Json.object());
    o.put("custom_action", false);
    o.putNull("external_id");
    o.put("created_session_id", su.createdSessionId);
    o.put("created_user_id", su.createdUserId);
    o.put("abandon_at", su.abandonAt);
    putMillis(o, "legal_accepted_at", su.legalAcceptedAt);
    return o;
  }

  private JsonNode signUpVerification(
      Records.Verification v, boolean fieldPresent, String strategy) {
    if (!fieldPresent) {
      return Json.object().nullNode();
    }
    ObjectNode o;
    if (v == null) {
      o = Json.object();
      o.put("object", "verification_otp");
      o.put("status", "unverified");
      o.put("strategy", strategy);
      o.put("attempts", 0);
      o.put("expire_at", 0L);
      o.put("next_action", "needs_prepare");
    } else {
      o = (ObjectNode) verification(v);
      o.put("next_action", "verified".equals(v.status) ? "" : "needs_attempt");
    }
    o.putArray("supported_strategies").add(strategy);
    return o;
  }

  /**
   * Lists the required fields a sign-up still lacks.
   *
   * @param su the sign-up
   * @param legalConsent whether the instance requires legal consent
   * @return the field names
   */
  public static List<String> missingFields(Records.SignUp su, boolean legalConsent) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    if (su.emailAddress == null) {
      out.add("email_address");
    }
    boolean external =
        su.externalVerification != null && "verified".equals(su.externalVerification.status);
    if (su.password == null && !external) {
      out.add("password");
    }
    if (legalConsent && su.legalAcceptedAt == null) {
      out.add("legal_accepted");
    }
    return out;
  }

  /**
   * Lists the given fields a sign-up has not verified yet.
   *
   * @param su the sign-up
   * @return the field names
   */
  public static List<String> unverifiedFields(Records.SignUp su) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    if (su.emailAddress != null
        && (su.emailVerification == null || !"verified".equals(su.emailVerification.status))) {
      out.add("email_address");
    }
    if (su.phoneNumber != null
        && (su.phoneVerification == null || !"verified".equals(su.phoneVerification.status))) {
      out.add("phone_number");
    }
    return out;
  }

  /**
   * Converts a user to the attribute map JWT-template shortcodes read.
   *
   * @param u the user
   * @return {@code id}, {@code first_name}, {@code primary_email_address}, …
   */
  public Map<String, Object> userAttributes(Records.User u) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("id", u.id);
    m.put("external_id", null);
    m.put("first_name", u.firstName);
    m.put("last_name", u.lastName);
    m.put(
        "full_name",
        (u.firstName == null ? "" : u.firstName)
            + (u.firstName != null && u.lastName != null ? " " : "")
            + (u.lastName == null ? "" : u.lastName));
    m.put("username", u.username);
    Records.Email e = u.primaryEmail();
    m.put("primary_email_address", e == null ? null : e.address);
    m.put("email_verified", e != null && e.verified);
    Records.Phone p = u.primaryPhone();
    m.put("primary_phone_number", p == null ? null : p.number);
    m.put("phone_number_verified", p != null && p.verified);
    m.put("image_url", imageUrl(u));
    m.put("has_image", u.hasImage);
    m.put("two_factor_enabled", u.twoFactorEnabled());
    m.put("created_at", u.createdAt / 1000);
    m.put("updated_at", u.updatedAt / 1000);
    m.put("public_metadata", Json.MAPPER.convertValue(u.publicMetadata, MAP));
    m.put("unsafe_metadata", Json.MAPPER.convertValue(u.unsafeMetadata, MAP));
    return m;
  }
}
