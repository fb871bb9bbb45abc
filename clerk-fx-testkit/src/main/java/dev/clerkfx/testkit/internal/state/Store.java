package dev.clerkfx.testkit.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clerkfx.testkit.EmulatorOrganization;
import dev.clerkfx.testkit.EmulatorUser;
import dev.clerkfx.testkit.internal.server.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * All emulator state, guarded by one lock: {@link #locked(Supplier)} runs a step atomically. The
 * client-token and verification-code maps are concurrent so the hot token path can look a client up
 * cheaply.
 */
public final class Store {
  /** The fixed code Clerk's test mode accepts for test emails and phones. */
  public static final String TEST_CODE = "424242";

  private static final Pattern TEST_PHONE = Pattern.compile("^\\+1\\d{3}55501\\d{2}$");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final String TOKEN_HEADER =
      B64.encodeToString(
          "{\"alg\":\"RS256\",\"kid\":\"client_token\",\"typ\":\"JWT\"}"
              .getBytes(StandardCharsets.UTF_8));

  private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};
  private final ReentrantLock lock = new ReentrantLock();
  private final Clock clock;
  private final EmulatorConfig config;

  /** Users by id, in creation order. */
  public final Map<String, Records.User> users = new LinkedHashMap<>();

  /** Organizations by id. */
  public final Map<String, Records.Organization> organizations = new LinkedHashMap<>();

  /** Organization invitations by id. */
  public final Map<String, Records.Invitation> invitations = new LinkedHashMap<>();

  /** Organization suggestions by id. */
  public final Map<String, Records.Suggestion> suggestions = new LinkedHashMap<>();

  /** Clients by id. */
  public final Map<String, Records.Client> clients = new LinkedHashMap<>();

  /** Sessions by id. */
  public final Map<String, Records.Session> sessions = new ConcurrentHashMap<>();

  /** Sign-ins by id. */
  public final Map<String, Records.SignIn> signIns = new LinkedHashMap<>();

  /** Sign-ups by id. */
  public final Map<String, Records.SignUp> signUps = new LinkedHashMap<>();

  /** Hosted-auth requests by id. */
  public final Map<String, Records.HostedAuth> hostedAuths = new LinkedHashMap<>();

  /**
   * Rotating-token nonces to what they complete ({@code sia_…}, {@code sua_…} or {@code hauth_…}).
   */
  public final Map<String, String> nonces = new LinkedHashMap<>();

  /** Uploaded profile images by id: content type and bytes. */
  public final Map<String, Image> images = new ConcurrentHashMap<>();

  private final Map<String, String> clientTokens = new ConcurrentHashMap<>();
  private final Map<String, String> lastCodes = new ConcurrentHashMap<>();
  private final Map<String, String> lastEmailLinks = new ConcurrentHashMap<>();

  /**
   * Makes an empty store.
   *
   * @param clock the emulator clock
   * @param config the instance settings
   */
  public Store(Clock clock, EmulatorConfig config) {
    this.clock = clock;
    this.config = config;
  }

  /**
   * Returns the instance settings.
   *
   * @return the instance settings
   */
  public EmulatorConfig config() {
    return config;
  }

  /**
   * Returns the emulator clock.
   *
   * @return the emulator clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the current time in epoch milliseconds.
   *
   * @return the current time in epoch milliseconds
   */
  public long now() {
    return clock.millis();
  }

  /**
   * Runs a step under the store lock.
   *
   * @param step the step
   * @param <T> its result type
   * @return its result
   */
  public <T> T locked(Supplier<T> step) {
    lock.lock();
    try {
      return step.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs a step under the store lock.
   *
   * @param step the step
   */
  public void locked(Runnable step) {
    lock.lock();
    try {
      step.run();
    } finally {
      lock.unlock();
    }
  }

  /**
   * An uploaded image.
   *
   * @param contentType its media type
   * @param bytes its content
   */
  @SuppressWarnings("ArrayRecordComponent") // a carrier of raw bytes; never compared or hashed
  public record Image(String contentType, byte[] bytes) {}

  // ---------------------------------------------------------------- organizations and users

  /**
   * Adds an organization.
   *
   * @param org the organization
   * @return its record
   */
  public Records.Organization addOrganization(EmulatorOrganization org) {
    Records.Organization o = new Records.Organization();
    o.id = org.id() != null ? org.id() : Ids.next("org");
    o.name = org.name();
    o.slug = org.slug();
    o.roles.putAll(org.roles());
    o.createdAt = now();
    organizations.put(o.id, o);
    return o;
  }

  /**
   * Finds an organization by id or slug.
   *
   * @param idOrSlug the id or slug
   * @return the organization
   */
  public Optional<Records.Organization> organization(String idOrSlug) {
    Records.Organization byId = organizations.get(idOrSlug);
    if (byId != null) {
      return Optional.of(byId);
    }
    return organizations.values().stream().filter(o -> o.slug.equals(idOrSlug)).findFirst();
  }

  /**
   * Adds a user.
   *
   * @param spec the user as the test described it
   * @return its record
   * @throws IllegalArgumentException when an identifier is taken or an organization is unknown
   */
  public Records.User addUser(EmulatorUser spec) {
    for (String e : spec.emails()) {
      if (userByIdentifier(e).isPresent()) {
        throw new IllegalArgumentException("Email address already taken: " + e);
      }
    }
    for (String p : spec.phones()) {
      if (userByIdentifier(p).isPresent()) {
        throw new IllegalArgumentException("Phone number already taken: " + p);
      }
    }
    if (spec.username().isPresent() && userByIdentifier(spec.username().get()).isPresent()) {
      throw new IllegalArgumentException("Username already taken: " + spec.username().get());
    }
    long now = now();
    Records.User u = new Records.User();
    u.id = spec.id().orElseGet(() -> Ids.next("user"));
    if (users.containsKey(u.id)) {
      throw new IllegalArgumentException("User id already taken: " + u.id);
    }
    u.createdAt = now;
    u.updatedAt = now;
    apply(u, spec);
    users.put(u.id, u);
    return u;
  }

  /**
   * Replaces a user's profile with a spec's values, keeping ids of unchanged emails and phones.
   *
   * @param u the record
   * @param spec the new values
   */
  public void apply(Records.User u, EmulatorUser spec) {
    long now = now();
    List<Records.Email> emails = new ArrayList<>();
    for (String address : spec.emails()) {
      Records.Email e =
          u.emails.stream()
              .filter(x -> x.address.equalsIgnoreCase(address))
              .findFirst()
              .orElseGet(
                  () -> {
                    Records.Email n = new Records.Email();
                    n.id = Ids.next("idn");
                    n.address = address;
                    n.createdAt = now;
                    return n;
                  });
      e.updatedAt = now;
      emails.add(e);
    }
    u.emails.clear();
    u.emails.addAll(emails);
    u.primaryEmailId = emails.isEmpty() ? null : emails.get(0).id;
    List<Records.Phone> phones = new ArrayList<>();
    for (String number : spec.phones()) {
      Records.Phone p =
          u.phones.stream()
              .filter(x -> x.number.equals(number))
              .findFirst()
              .orElseGet(
                  () -> {
                    Records.Phone n = new Records.Phone();
                    n.id = Ids.next("idn");
                    n.number = number;
                    n.createdAt = now;
                    return n;
                  });
      p.updatedAt = now;
      p.secondFactor = false;
      phones.add(p);
    }
    if (spec.phoneSecondFactor() && !phones.isEmpty()) {
      phones.get(0).secondFactor = true;
    }
    u.phones.clear();
    u.phones.addAll(phones);
    u.primaryPhoneId = phones.isEmpty() ? null : phones.get(0).id;
    u.username = spec.username().orElse(null);
    if (!java.util.Objects.equals(u.password, spec.password().orElse(null))) {
      u.passwordUpdatedAt = spec.password().isPresent() ? now : null;
    }
    u.password = spec.password().orElse(null);
    u.firstName = spec.firstName().orElse(null);
    u.lastName = spec.lastName().orElse(null);
    u.imageUrl = spec.imageUrl().orElse(null);
    u.hasImage = spec.imageUrl().isPresent();
    boolean hadMfa = u.twoFactorEnabled();
    u.totpSecret = spec.totpSecret().orElse(null);
    u.backupCodes.clear();
    u.backupCodes.addAll(spec.backupCodes());
    if (!hadMfa && u.twoFactorEnabled()) {
      u.mfaEnabledAt = now;
    }
    u.memberships.clear();
    for (EmulatorUser.Membership m : spec.memberships()) {
      Records.Organization org =
          organization(m.organizationSlug())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Unknown organization '"
                              + m.organizationSlug()
                              + "': add it with ClerkEmulator.Builder.organization(...) first"));
      if (!org.roles.containsKey(m.role())) {
        throw new IllegalArgumentException(
            "Organization '"
                + org.slug
                + "' has no role '"
                + m.role()
                + "'; roles: "
                + org.roles.keySet());
      }
      Records.Membership ms = new Records.Membership();
      ms.id = Ids.next("orgmem");
      ms.organizationId = org.id;
      ms.role = m.role();
      ms.createdAt = now;
      u.memberships.add(ms);
    }
    u.banned = spec.banned();
    if (spec.locked()) {
      u.lockedUntil = Math.max(u.lockedUntil, now + 3_600_000L);
    } else {
      u.lockedUntil = 0;
    }
    u.publicMetadata = (ObjectNode) Json.valueToTree(spec.publicMetadata());
    u.unsafeMetadata = (ObjectNode) Json.valueToTree(spec.unsafeMetadata());
    if (u.privateMetadata == null) {
      u.privateMetadata = Json.object();
    }
    u.updatedAt = now;
  }

  /**
   * Describes a user record as an {@link EmulatorUser} (with its id).
   *
   * @param u the record
   * @return the description
   */
  public EmulatorUser describe(Records.User u) {
    EmulatorUser.Builder b = EmulatorUser.builder().id(u.id);
    Records.Email primaryEmail = u.primaryEmail();
    if (primaryEmail != null) {
      b.email(primaryEmail.address);
    }
    u.emails.stream().filter(e -> e != primaryEmail).forEach(e -> b.email(e.address));
    Records.Phone primaryPhone = u.primaryPhone();
    if (primaryPhone != null) {
      b.phone(primaryPhone.number);
    }
    u.phones.stream().filter(p -> p != primaryPhone).forEach(p -> b.phone(p.number));
    b.username(u.username)
        .password(u.password)
        .firstName(u.firstName)
        .lastName(u.lastName)
        .imageUrl(u.imageUrl)
        .totpSecret(u.totpSecret)
        .backupCodes(new ArrayList<>(u.backupCodes))
        .phoneSecondFactor(u.phoneSecondFactor())
        .banned(u.banned)
        .locked(u.lockedUntil > now());
    for (Records.Membership m : u.memberships) {
      Records.Organization o = organizations.get(m.organizationId);
      if (o != null) {
        b.organization(o.slug, m.role);
      }
    }
    Map<String, Object> pub = Json.MAPPER.convertValue(u.publicMetadata, MAP);
    if (pub != null) {
      pub.forEach(b::publicMetadata);
    }
    Map<String, Object> unsafe = Json.MAPPER.convertValue(u.unsafeMetadata, MAP);
    if (unsafe != null) {
      unsafe.forEach(b::unsafeMetadata);
    }
    return b.build();
  }

  /**
   * Finds a live user by email (any case), phone or username.
   *
   * @param identifier the identifier
   * @return the user
   */
  public Optional<Records.User> userByIdentifier(String identifier) {
    if (identifier == null) {
      return Optional.empty();
    }
    String id = identifier.trim();
    for (Records.User u : users.values()) {
      if (u.deleted) {
        continue;
      }
      if (u.emails.stream().anyMatch(e -> e.address.equalsIgnoreCase(id))
          || u.phones.stream().anyMatch(p -> p.number.equals(normalizePhone(id)))
          || (u.username != null && u.username.equalsIgnoreCase(id))) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  /**
   * Normalizes a phone number to E.164-ish form (keeps the leading +, drops spaces, dashes and
   * brackets).
   *
   * @param phone the number
   * @return the normalized number
   */
  public static String normalizePhone(String phone) {
    String digits = phone.replaceAll("[\\s()\\-.]", "");
    return digits;
  }

  // ---------------------------------------------------------------- clients and client tokens

  /**
   * Creates a client.
   *
   * @return the record
   */
  public Records.Client newClient() {
    Records.Client c = new Records.Client();
    c.id = Ids.next("client");
    c.createdAt = now();
    c.updatedAt = c.createdAt;
    clients.put(c.id, c);
    return c;
  }

  /**
   * Issues a new client token for a client (rotation); earlier tokens stay valid until the client
   * ends.
   *
   * @param client the client
   * @return the token, for the {@code Authorization} response header
   */
  public String issueClientToken(Records.Client client) {
    String payload =
        "{\"id\":\""
            + client.id
            + "\",\"rotating_token\":\""
            + Ids.base62(20)
            + "\",\"iat\":"
            + (now() / 1000)
            + "}";
    String token =
        TOKEN_HEADER
            + "."
            + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(Ids.bytes(32));
    clientTokens.put(token, client.id);
    return token;
  }

  /**
   * Resolves a client token.
   *
   * @param token the {@code Authorization} header value (a {@code Bearer } prefix is tolerated)
   * @return the live client; empty when the token is unknown or its client ended
   */
  public Optional<Records.Client> clientForToken(String token) {
    String id = clientTokens.get(stripBearer(token));
    if (id == null) {
      return Optional.empty();
    }
    Records.Client c = clients.get(id);
    return c == null || c.ended ? Optional.empty() : Optional.of(c);
  }

  /**
   * Returns the client id of a token without taking the lock (for the token fast path).
   *
   * @param token the token
   * @return the client id, or null
   */
  public String clientIdForToken(String token) {
    return clientTokens.get(stripBearer(token));
  }

  /**
   * Tells whether a token has the shape of one the emulator issues (three dot-separated base64url
   * parts).
   *
   * @param token the token
   * @return whether it is well formed
   */
  public static boolean wellFormedToken(String token) {
    String t = stripBearer(token);
    String[] parts = t.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || !p.matches("[A-Za-z0-9_-]+")) {
        return false;
      }
    }
    return true;
  }

  private static String stripBearer(String token) {
    String t = token.trim();
    return t.regionMatches(true, 0, "Bearer ", 0, 7) ? t.substring(7).trim() : t;
  }

  // ---------------------------------------------------------------- sessions

  /**
   * Creates an active session for a user on a client and makes it the client's last active session.
   *
   * @param client the client
   * @param user the user
   * @param secondFactor whether a second factor was verified
   * @return the session
   */
  public Records.Session newSession(
      Records.Client client, Records.User user, boolean secondFactor) {
    Records.Session s = newDetachedSession(client, user, secondFactor);
    attach(client, s);
    return s;
  }

  /**
   * Creates an active session for a client without showing it in the client yet (hosted auth shows
   * it only after the PKCE redemption).
   *
   * @param client the client
   * @param user the user
   * @param secondFactor whether a second factor was verified
   * @return the session
   */
  public Records.Session newDetachedSession(
      Records.Client client, Records.User user, boolean secondFactor) {
    long now = now();
    Records.Session s = new Records.Session();
    s.id = Ids.next("sess");
    s.clientId = client.id;
    s.userId = user.id;
    s.createdAt = now;
    s.updatedAt = now;
    s.lastActiveAt = now;
    s.expireAt = now + config.sessionLifetime().toMillis();
    s.abandonAt = now + Math.max(config.sessionLifetime().toMillis(), 30L * 86_400_000L);
    s.firstFactorAt = now;
    s.secondFactorAt = secondFactor ? now : -1;
    for (String task : config.sessionTasks()) {
      if (!"setup-mfa".equals(task) || !user.twoFactorEnabled()) {
        s.tasks.add(task);
      }
    }
    sessions.put(s.id, s);
    user.lastSignInAt = now;
    user.lastActiveAt = now;
    return s;
  }

  /**
   * Shows a session in its client and makes it the last active one.
   *
   * @param client the client
   * @param s the session
   */
  public void attach(Records.Client client, Records.Session s) {
    if (!client.sessionIds.contains(s.id)) {
      client.sessionIds.add(s.id);
    }
    client.lastActiveSessionId = s.id;
    client.knownUserIds.add(s.userId);
    client.updatedAt = now();
  }

  /**
   * Returns a session's status as of now, turning an overdue active session into {@code expired}.
   *
   * @param s the session
   * @return the status
   */
  public String status(Records.Session s) {
    if ("active".equals(s.status)) {
      long now = now();
      if (now >= s.expireAt) {
        s.status = "expired";
        s.updatedAt = now;
      }
    }
    return s.status;
  }

  /**
   * Marks a session task done; the session is no longer {@code pending} once none is left.
   *
   * @param s the session
   * @param task the task key
   */
  public void completeTask(Records.Session s, String task) {
    if (s.tasks.remove(task)) {
      s.updatedAt = now();
    }
  }

  /**
   * Returns the status to show for a session: {@code pending} for a live session with tasks left.
   *
   * @param s the session
   * @return the status
   */
  public String shownStatus(Records.Session s) {
    String st = status(s);
    return "active".equals(st) && !s.tasks.isEmpty() ? "pending" : st;
  }

  /**
   * Ends a session with a status ({@code ended}, {@code removed}, {@code revoked}, {@code
   * expired}).
   *
   * @param s the session
   * @param status the new status
   */
  public void endSession(Records.Session s, String status) {
    long now = now();
    if ("active".equals(status(s)) || "removed".equals(status)) {
      s.status = status;
    }
    s.updatedAt = now;
    Records.Client c = clients.get(s.clientId);
    if (c == null) {
      return;
    }
    if (!"ended".equals(status)) {
      c.sessionIds.remove(s.id);
    }
    if (s.id.equals(c.lastActiveSessionId)) {
      c.lastActiveSessionId =
          c.sessionIds.stream()
              .map(sessions::get)
              .filter(x -> x != null && "active".equals(status(x)))
              .reduce((a, b) -> b)
              .map(x -> x.id)
              .orElse(null);
    }
    c.updatedAt = now;
  }

  /**
   * Returns the sessions a client shows: every session it holds (ended ones stay until removed).
   *
   * @param c the client
   * @return the sessions
   */
  public List<Records.Session> sessionsOf(Records.Client c) {
    List<Records.Session> out = new ArrayList<>();
    for (String id : c.sessionIds) {
      Records.Session s = sessions.get(id);
      if (s != null) {
        status(s);
        out.add(s);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- verification codes

  /**
   * Tells whether an email or phone is a Clerk test identity ({@code +clerk_test} email, fictional
   * 555 phone).
   *
   * @param target the email or phone
   * @return whether it is one
   */
  public static boolean isTestIdentity(String target) {
    if (target == null) {
      return false;
    }
    String t = target.toLowerCase(Locale.ROOT);
    return t.contains("+clerk_test@") || TEST_PHONE.matcher(normalizePhone(t)).matches();
  }

  /**
   * Sends (records) a new verification code to an email or phone.
   *
   * @param target the email or phone
   * @return the code
   */
  public String issueCode(String target) {
    String code = config.testMode() && isTestIdentity(target) ? TEST_CODE : Ids.sixDigits();
    lastCodes.put(key(target), code);
    return code;
  }

  /**
   * Returns the last code sent to an email or phone.
   *
   * @param target the email or phone
   * @return the code, if one was sent
   */
  public Optional<String> lastCode(String target) {
    return Optional.ofNullable(lastCodes.get(key(target)));
  }

  /**
   * Records the email link sent to an address.
   *
   * @param email the address
   * @param link the link
   */
  public void sentEmailLink(String email, String link) {
    lastEmailLinks.put(key(email), link);
  }

  /**
   * Returns the last email link sent to an address.
   *
   * @param email the address
   * @return the link
   */
  public Optional<String> lastEmailLink(String email) {
    return Optional.ofNullable(lastEmailLinks.get(key(email)));
  }

  /**
   * Checks a code against a verification (the code sent, or {@code 424242} for a test identity in
   * test mode).
   *
   * @param v the verification
   * @param code the code given
   * @return whether it matches
   */
  public boolean codeMatches(Records.Verification v, String code) {
    if (code == null) {
      return false;
    }
    String c = code.trim();
    if (config.testMode() && isTestIdentity(v.target) && TEST_CODE.equals(c)) {
      return true;
    }
    return v.code != null && v.code.equals(c);
  }

  private static String key(String target) {
    String t = target.trim();
    return t.contains("@") ? t.toLowerCase(Locale.ROOT) : normalizePhone(t);
  }
}
