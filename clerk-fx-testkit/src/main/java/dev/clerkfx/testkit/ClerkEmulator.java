package dev.clerkfx.testkit;

import dev.clerkfx.testkit.internal.bapi.BackendRoutes;
import dev.clerkfx.testkit.internal.fapi.Fapi;
import dev.clerkfx.testkit.internal.fapi.MinterTokens;
import dev.clerkfx.testkit.internal.fapi.TokenService;
import dev.clerkfx.testkit.internal.server.EmulatorServer;
import dev.clerkfx.testkit.internal.server.Router;
import dev.clerkfx.testkit.internal.state.EmulatorConfig;
import dev.clerkfx.testkit.internal.state.Ids;
import dev.clerkfx.testkit.internal.state.Records;
import dev.clerkfx.testkit.internal.state.Store;
import dev.clerkfx.testkit.internal.token.JwtTemplate;
import dev.clerkfx.testkit.internal.token.SigningKey;
import dev.clerkfx.testkit.internal.token.SigningKeyRing;
import dev.clerkfx.testkit.internal.token.TokenMinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A local emulator of Clerk's Frontend API (FAPI), faithful enough that an SDK written for real
 * Clerk works against it unchanged: native mode ({@code _is_native}, client token in {@code
 * Authorization}), sign-in and sign-up flows, sessions, RS256 session tokens and JWKS, {@code
 * /v1/me}, OAuth and hosted auth, plus a small Backend API subset.
 *
 * <pre>{@code
 * try (ClerkEmulator emulator = ClerkEmulator.start()) {
 *   String pk = emulator.publishableKey();            // pk_test_… naming http://127.0.0.1:<port>
 *   EmulatorUser demo = emulator.demoUser();          // sign in with demo.email() / demo.password()
 *   emulator.revokeSession(sessionId);                // as if revoked in the dashboard
 *   int tokenCalls = emulator.journal().count("POST", "/v1/client/sessions/{@literal *}/tokens");
 * }
 * }</pre>
 *
 * It binds 127.0.0.1 only. Every time it reports comes from its {@link EmulatorClock}. Thread-safe.
 */
public final class ClerkEmulator implements AutoCloseable {
  /** The demo user's email (a Clerk test address: code {@code 424242} works in test mode). */
  public static final String DEMO_EMAIL = "demo+clerk_test@example.com";

  /** The demo user's password. */
  public static final String DEMO_PASSWORD = "clerk-fx-demo";

  /** The demo user's phone (a fictional 555 number). */
  public static final String DEMO_PHONE = "+15555550100";

  private final EmulatorClock clock;
  private final Store store;
  private final EmulatorServer server;
  private final TokenService tokens;
  private final Faults faults = new Faults();
  private final RequestJournal journal = new RequestJournal();
  private final String fapiUrl;
  private final String publishableKey;
  private final String secretKey;
  private final String demoUserId;
  private volatile boolean closed;

  private ClerkEmulator(Builder b) {
    this.clock = b.clock != null ? b.clock : EmulatorClock.ticking();
    EmulatorConfig config =
        new EmulatorConfig(
            b.multiSession,
            b.clientTrust,
            b.testMode,
            b.tokenLifetime,
            b.sessionLifetime,
            b.rateLimits,
            b.templates,
            b.applicationName,
            b.production,
            b.allowedRedirectUrls,
            b.reverification,
            b.sessionTasks,
            b.emailLinkSignIn,
            b.legalConsent,
            b.enterpriseSsoDomains);
    this.store = new Store(clock, config);
    Router router = new Router();
    try {
      this.server =
          new EmulatorServer(
              b.port,
              router,
              new EmulatorServer.Hooks() {
                @Override
                public Clock clock() {
                  return clock;
                }

                @Override
                public Duration latency(String method, String path) {
                  return faults.latencyFor(method, path);
                }

                @Override
                public Optional<Fault> fault(String method, String path) {
                  return faults.effectFor(method, path);
                }

                @Override
                public void record(RecordedRequest request) {
                  journal.record(request);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("Could not bind the Clerk emulator to 127.0.0.1:" + b.port, e);
    }
    int port = server.port();
    this.fapiUrl = "http://127.0.0.1:" + port;
    this.publishableKey =
        (b.production ? "pk_live_" : "pk_test_")
            + Base64.getEncoder()
                .encodeToString(("127.0.0.1:" + port + "$").getBytes(StandardCharsets.UTF_8));
    this.secretKey = "sk_test_" + Ids.base62(40);
    SigningKeyRing keys = SigningKeyRing.of(b.freshKey ? SigningKey.generate() : SharedKey.get());
    TokenMinter.Builder minter =
        TokenMinter.builder(keys, clock, fapiUrl).sessionTokenLifetime(b.tokenLifetime);
    b.templates.forEach(
        (name, t) -> minter.template(JwtTemplate.of(name, t.claims(), t.lifetime())));
    this.tokens = new MinterTokens(minter.build(), clock);
    Fapi fapi = new Fapi(store, tokens, fapiUrl);
    fapi.register(router);
    new BackendRoutes(store, fapi.render(), tokens, secretKey).register(router);
    String demo = null;
    try {
      store.locked(
          () -> {
            b.organizations.forEach(store::addOrganization);
          });
      if (b.demoUser) {
        demo =
            store.locked(
                () -> {
                  if (store.organization("demo").isEmpty()) {
                    store.addOrganization(EmulatorOrganization.of("Clerk FX Demo", "demo"));
                  }
                  return store.addUser(
                          EmulatorUser.builder()
                              .email(DEMO_EMAIL)
                              .phone(DEMO_PHONE)
                              .username("demo")
                              .password(DEMO_PASSWORD)
                              .firstName("Ada")
                              .lastName("Lovelace")
                              .imageUrl(fapiUrl + "/v1/avatars/demo.png")
                              .organization("demo", "org:admin")
                              .build())
                      .id;
                });
      }
      for (EmulatorUser u : b.users) {
        store.locked(() -> store.addUser(u));
      }
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    this.demoUserId = demo;
    server.start();
  }

  /**
   * Holds one RSA key per JVM: generating 2048-bit keys is slow, and tests start many emulators.
   */
  private static final class SharedKey {
    private static final SigningKey KEY = SigningKey.generate();

    static SigningKey get() {
      return KEY;
    }
  }

  /**
   * Starts an emulator with the defaults: a random loopback port, the demo user, a clock at the
   * real now.
   *
   * @return the running emulator
   */
  public static ClerkEmulator start() {
    return builder().start();
  }

  /**
   * Returns a builder for an emulator with users, instance settings and a clock.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the publishable key: {@code pk_test_} + base64({@code 127.0.0.1:<port>$}).
   *
   * @return the publishable key: {@code pk_test_} + base64({@code 127.0.0.1:<port>$})
   */
  public String publishableKey() {
    return publishableKey;
  }

  /**
   * Returns the Frontend API base URL, {@code http://127.0.0.1:<port>}.
   *
   * @return the Frontend API base URL, {@code http://127.0.0.1:<port>}
   */
  public String frontendApiUrl() {
    return fapiUrl;
  }

  /**
   * Returns the port the emulator listens on.
   *
   * @return the port the emulator listens on
   */
  public int port() {
    return server.port();
  }

  /**
   * Returns the secret key the Backend API subset accepts ({@code Authorization: Bearer
   * sk_test_…}).
   *
   * @return the secret key the Backend API subset accepts ({@code Authorization: Bearer sk_test_…})
   */
  public String secretKey() {
    return secretKey;
  }

  /**
   * Returns the JWKS document ({@code {"keys":[…]}}), as served at {@code /.well-known/jwks.json}.
   *
   * @return the JWKS document ({@code {"keys":[…]}}), as served at {@code /.well-known/jwks.json}
   */
  public String jwks() {
    return tokens.jwksJson();
  }

  /**
   * Returns the current signing key's public key as PEM (the {@code jwtKey} Clerk's backend SDKs
   * accept).
   *
   * @return the current signing key's public key as PEM (the {@code jwtKey} Clerk's backend SDKs
   *     accept)
   */
  public String jwtPublicKeyPem() {
    return tokens.publicKeyPem();
  }

  /**
   * Returns the clock every emulator time comes from.
   *
   * @return the clock every emulator time comes from
   */
  public EmulatorClock clock() {
    return clock;
  }

  /**
   * Returns the demo user (with its password).
   *
   * @return the demo user
   * @throws IllegalStateException if the emulator was built {@link Builder#withoutDemoUser()
   *     without} it
   */
  public EmulatorUser demoUser() {
    if (demoUserId == null) {
      throw new IllegalStateException("This emulator was built without the demo user");
    }
    return user(demoUserId)
        .orElseThrow(() -> new IllegalStateException("The demo user was deleted"));
  }

  /**
   * Returns every (not deleted) user, in creation order.
   *
   * @return every (not deleted) user, in creation order
   */
  public List<EmulatorUser> users() {
    return store.locked(
        () -> store.users.values().stream().filter(u -> !u.deleted).map(store::describe).toList());
  }

  /**
   * Returns a user by id.
   *
   * @param userId the id
   * @return the user, if it exists
   */
  public Optional<EmulatorUser> user(String userId) {
    return store.locked(
        () ->
            Optional.ofNullable(store.users.get(userId))
                .filter(u -> !u.deleted)
                .map(store::describe));
  }

  /**
   * Returns a user by email, phone or username.
   *
   * @param identifier the identifier
   * @return the user, if one matches
   */
  public Optional<EmulatorUser> userByIdentifier(String identifier) {
    return store.locked(() -> store.userByIdentifier(identifier).map(store::describe));
  }

  /**
   * Adds a user, as if created in the dashboard.
   *
   * @param user the user
   * @return the user with its assigned id
   * @throws IllegalArgumentException if an identifier is taken or an organization is unknown
   */
  public EmulatorUser createUser(EmulatorUser user) {
    Objects.requireNonNull(user, "user");
    return store.locked(() -> store.describe(store.addUser(user)));
  }

  /**
   * Adds an organization.
   *
   * @param organization the organization
   * @return its id
   */
  public String createOrganization(EmulatorOrganization organization) {
    Objects.requireNonNull(organization, "organization");
    return store.locked(() -> store.addOrganization(organization).id);
  }

  /**
   * Returns the code an authenticator app shows now for a TOTP secret (on the emulator's clock), as
   * a user would type it: for a secret from {@code POST /v1/me/totp} or {@link
   * EmulatorUser.Builder#totpSecret}.
   *
   * @param base32Secret the secret
   * @return the 6-digit code
   */
  public String totpCode(String base32Secret) {
    return dev.clerkfx.testkit.internal.totp.Totp.currentCode(
        Objects.requireNonNull(base32Secret, "base32Secret"), clock);
  }

  /**
   * Invites an email address to an organization, as an admin would; the user owning the (verified)
   * address sees it in {@code GET /v1/me/organization_invitations} and may accept it.
   *
   * @param organizationId the organization's id
   * @param emailAddress the invited address
   * @param role the role given on accepting, such as {@code org:member}
   * @return the invitation id ({@code orginv_…})
   * @throws IllegalArgumentException if there is no such organization or it has no such role
   */
  public String inviteToOrganization(String organizationId, String emailAddress, String role) {
    Objects.requireNonNull(emailAddress, "emailAddress");
    Objects.requireNonNull(role, "role");
    return store.locked(
        () -> {
          var org =
              store
                  .organization(organizationId)
                  .orElseThrow(
                      () -> new IllegalArgumentException("No organization " + organizationId));
          if (!org.roles.containsKey(role)) {
            throw new IllegalArgumentException("Organization " + org.slug + " has no role " + role);
          }
          var i = new Records.Invitation();
          i.id = Ids.next("orginv");
          i.organizationId = org.id;
          i.emailAddress = emailAddress;
          i.role = role;
          i.createdAt = store.now();
          i.updatedAt = i.createdAt;
          store.invitations.put(i.id, i);
          return i.id;
        });
  }

  /**
   * Suggests an organization to a user, as Clerk does when the organization's verified domain
   * matches the user's email; accepting it makes the user an {@code org:member}.
   *
   * @param organizationId the organization's id
   * @param userId the user's id
   * @return the suggestion id ({@code orgsug_…})
   * @throws IllegalArgumentException if there is no such organization or user
   */
  public String suggestOrganization(String organizationId, String userId) {
    return store.locked(
        () -> {
          var org =
              store
                  .organization(organizationId)
                  .orElseThrow(
                      () -> new IllegalArgumentException("No organization " + organizationId));
          if (!store.users.containsKey(userId)) {
            throw new IllegalArgumentException("No user " + userId);
          }
          var sug = new Records.Suggestion();
          sug.id = Ids.next("orgsug");
          sug.organizationId = org.id;
          sug.userId = userId;
          sug.createdAt = store.now();
          sug.updatedAt = sug.createdAt;
          store.suggestions.put(sug.id, sug);
          return sug.id;
        });
  }

  /**
   * Changes a user's profile, as if edited in the dashboard; the next {@code /v1/client} or {@code
   * /v1/me} shows it.
   *
   * <pre>{@code emulator.updateUser(id, u -> u.firstName("Grace"));}</pre>
   *
   * @param userId the user id
   * @param changes edits applied to a builder holding the current values
   * @return the updated user
   * @throws IllegalArgumentException if there is no such user
   */
  public EmulatorUser updateUser(String userId, Consumer<EmulatorUser.Builder> changes) {
    Objects.requireNonNull(changes, "changes");
    return store.locked(
        () -> {
          Records.User u = liveUser(userId);
          EmulatorUser.Builder b = store.describe(u).toBuilder();
          changes.accept(b);
          store.apply(u, b.id(u.id).build());
          return store.describe(u);
        });
  }

  /**
   * Bans a user: their sessions are revoked and sign-in fails with {@code user_banned}.
   *
   * @param userId the user id
   */
  public void banUser(String userId) {
    store.locked(
        () -> {
          Records.User u = liveUser(userId);
          u.banned = true;
          u.updatedAt = store.now();
          for (Records.Session s : List.copyOf(store.sessions.values())) {
            if (s.userId.equals(userId) && "active".equals(store.status(s))) {
              store.endSession(s, "revoked");
            }
          }
        });
  }

  /**
   * Lifts a ban.
   *
   * @param userId the user id
   */
  public void unbanUser(String userId) {
    store.locked(
        () -> {
          liveUser(userId).banned = false;
        });
  }

  /**
   * Locks a user out for a while (emulator time): sign-in fails with {@code user_locked} and {@code
   * meta.lockout_expires_in_seconds}. Existing sessions keep working, as on Clerk.
   *
   * @param userId the user id
   * @param duration how long
   */
  public void lockUser(String userId, Duration duration) {
    Objects.requireNonNull(duration, "duration");
    store.locked(
        () -> {
          liveUser(userId).lockedUntil = store.now() + duration.toMillis();
        });
  }

  /**
   * Revokes a session, as the dashboard or Backend API would; its token requests then fail with
   * {@code session_revoked}.
   *
   * @param sessionId the session id
   * @throws IllegalArgumentException if there is no such session
   */
  public void revokeSession(String sessionId) {
    store.locked(() -> store.endSession(liveSession(sessionId), "revoked"));
  }

  /**
   * Expires a session now; its token requests then fail with {@code session_expired}.
   *
   * @param sessionId the session id
   * @throws IllegalArgumentException if there is no such session
   */
  public void expireSession(String sessionId) {
    store.locked(
        () -> {
          Records.Session s = liveSession(sessionId);
          if ("active".equals(store.status(s))) {
            s.expireAt = store.now();
            store.status(s);
          }
        });
  }

  /**
   * Marks a session as pending or active again, as Clerk does while a session task (such as
   * choosing an organization) is outstanding: its session tokens then carry {@code "sts":
   * "pending"}, which backends treat as signed out. Only the tokens show it; the session's other
   * behaviour is unchanged.
   *
   * @param sessionId the session id
   * @param pending whether a task is outstanding
   * @throws IllegalArgumentException if there is no such session
   */
  public void setSessionPending(String sessionId, boolean pending) {
    store.locked(
        () -> {
          liveSession(sessionId).pending = pending;
        });
  }

  /** Makes a new signing key current; the previous public key stays in the JWKS. */
  public void rotateSigningKey() {
    tokens.rotate();
  }

  /**
   * Returns every session the emulator knows, oldest first, with statuses as of the emulator clock.
   *
   * @return every session the emulator knows, oldest first, with statuses as of the emulator clock
   */
  public List<EmulatorSession> sessions() {
    return store.locked(
        () ->
            store.sessions.values().stream()
                .sorted((a, b) -> Long.compare(a.createdAt, b.createdAt))
                .map(this::describe)
                .toList());
  }

  /**
   * Returns a user's sessions, oldest first.
   *
   * @param userId the user id
   * @return the sessions
   */
  public List<EmulatorSession> sessionsOf(String userId) {
    return sessions().stream().filter(s -> s.userId().equals(userId)).toList();
  }

  /**
   * Returns a session.
   *
   * @param sessionId the id
   * @return the session, if known
   */
  public Optional<EmulatorSession> session(String sessionId) {
    return store.locked(
        () -> Optional.ofNullable(store.sessions.get(sessionId)).map(this::describe));
  }

  private EmulatorSession describe(Records.Session s) {
    return new EmulatorSession(
        s.id,
        s.clientId,
        s.userId,
        store.shownStatus(s),
        Instant.ofEpochMilli(s.createdAt),
        Instant.ofEpochMilli(s.expireAt),
        s.activeOrganizationId);
  }

  /**
   * Returns the last email link (magic link) sent to an email address: opening it (a plain GET, as
   * a browser or mail client would) marks it used and verifies the sign-in or sign-up it belongs
   * to, so tests need no mailbox.
   *
   * @param email the address
   * @return the link, if one was sent
   */
  public Optional<String> lastEmailLink(String email) {
    return store.lastEmailLink(Objects.requireNonNull(email, "email"));
  }

  /**
   * Returns the last verification code sent to an email or phone (in test mode, {@code 424242} for
   * test identities).
   *
   * @param emailOrPhone the address or number
   * @return the code, if one was sent
   */
  public Optional<String> lastVerificationCode(String emailOrPhone) {
    return store.lastCode(Objects.requireNonNull(emailOrPhone, "emailOrPhone"));
  }

  /**
   * Returns the fault injection control.
   *
   * @return the fault injection control
   */
  public Faults faults() {
    return faults;
  }

  /**
   * Returns the request journal.
   *
   * @return the request journal
   */
  public RequestJournal journal() {
    return journal;
  }

  /** Stops the server and frees the port; idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      server.close();
    }
  }

  private Records.User liveUser(String userId) {
    Records.User u = store.users.get(userId);
    if (u == null || u.deleted) {
      throw new IllegalArgumentException("No user with id " + userId);
    }
    return u;
  }

  private Records.Session liveSession(String sessionId) {
    Records.Session s = store.sessions.get(sessionId);
    if (s == null) {
      throw new IllegalArgumentException("No session with id " + sessionId);
    }
    return s;
  }

  @Override
  public String toString() {
    return "ClerkEmulator[" + fapiUrl + (closed ? ", closed" : "") + "]";
  }

  /** Configures and starts a {@link ClerkEmulator}. */
  public static final class Builder {
    private EmulatorClock clock;
    private final List<EmulatorUser> users = new ArrayList<>();
    private final List<EmulatorOrganization> organizations = new ArrayList<>();
    private final Map<String, EmulatorConfig.Template> templates = new LinkedHashMap<>();
    private boolean demoUser = true;
    private boolean multiSession;
    private boolean clientTrust;
    private boolean testMode = true;
    private boolean rateLimits;
    private boolean reverification = true;
    private final List<String> sessionTasks = new ArrayList<>();
    private boolean emailLinkSignIn;
    private boolean legalConsent;
    private final List<String> enterpriseSsoDomains = new ArrayList<>();
    private boolean freshKey;
    private Duration tokenLifetime = Duration.ofSeconds(60);
    private Duration sessionLifetime = Duration.ofDays(7);
    private int port;
    private String applicationName = "Clerk FX Emulator";
    private boolean production;
    private final List<String> allowedRedirectUrls = new ArrayList<>();

    private Builder() {}

    /**
     * Emulates a production instance (default false: a development one). Its publishable key is
     * {@code pk_live_…}, and, as on Clerk, browser flows pass the {@code rotating_token_nonce} only
     * to redirect URLs registered with {@link #allowedRedirectUrls(String...)}: an OAuth or SSO
     * callback to another URL arrives without it, and hosted auth refuses such a URL with 422
     * {@code form_param_value_invalid}. A development instance accepts any loopback ({@code
     * http://127.0.0.1}, {@code http://localhost}, {@code http://[::1]}) or custom-scheme URL.
     *
     * @param value whether the instance is a production one
     * @return this builder
     */
    public Builder production(boolean value) {
      this.production = value;
      return this;
    }

    /**
     * Registers redirect URLs with a production instance (Clerk's allow-list for native and desktop
     * redirects). A redirect URL matches when scheme, host, port and path are equal; its query is
     * ignored.
     *
     * @param urls the URLs, such as {@code http://127.0.0.1:45789/sso-callback} or {@code
     *     com.example.app://callback}
     * @return this builder
     */
    public Builder allowedRedirectUrls(String... urls) {
      for (String u : urls) {
        allowedRedirectUrls.add(Objects.requireNonNull(u, "url"));
      }
      return this;
    }

    /**
     * Sets the clock (default: {@link EmulatorClock#ticking()}, real time).
     *
     * @param value the clock; tests may share it with the SDK
     * @return this builder
     */
    public Builder clock(EmulatorClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Adds a user.
     *
     * @param user the user
     * @return this builder
     */
    public Builder user(EmulatorUser user) {
      users.add(Objects.requireNonNull(user, "user"));
      return this;
    }

    /**
     * Leaves out the demo user (and its demo organization).
     *
     * @return this builder
     */
    public Builder withoutDemoUser() {
      this.demoUser = false;
      return this;
    }

    /**
     * Makes new sessions start {@code pending} with tasks, as Clerk's "force organization
     * selection" and "require MFA" settings do: {@code choose-organization} ends when the session
     * activates an organization ({@code touch} with {@code active_organization_id}), {@code
     * setup-mfa} when the user enrols a second factor (TOTP or an SMS phone). A task already
     * satisfied is skipped (an MFA user gets no {@code setup-mfa}).
     *
     * @param keys {@code choose-organization} and/or {@code setup-mfa}
     * @return this builder
     * @throws IllegalArgumentException for another key
     */
    public Builder sessionTasks(String... keys) {
      for (String k : keys) {
        if (!List.of("choose-organization", "setup-mfa").contains(k)) {
          throw new IllegalArgumentException(
              "Unknown session task '" + k + "': use choose-organization or setup-mfa");
        }
        if (!sessionTasks.contains(k)) {
          sessionTasks.add(k);
        }
      }
      return this;
    }

    /**
     * Offers email links as a first factor (default false, as on a new Clerk instance): the
     * environment lists {@code email_link}, and each sign-in lists it in {@code
     * supported_first_factors} for every email address of the user. The link "sent" is {@link
     * ClerkEmulator#lastEmailLink(String)}.
     *
     * @param value whether sign-in by email link is on
     * @return this builder
     */
    public Builder emailLinkSignIn(boolean value) {
      this.emailLinkSignIn = value;
      return this;
    }

    /**
     * Requires legal consent on sign-up (default false): the environment says {@code
     * legal_consent_enabled}, and a sign-up lists {@code legal_accepted} in {@code required_fields}
     * and, until it is sent as {@code legal_accepted=true}, in {@code missing_fields}.
     *
     * @param value whether sign-ups must accept the legal terms
     * @return this builder
     */
    public Builder legalConsent(boolean value) {
      this.legalConsent = value;
      return this;
    }

    /**
     * Connects email domains to enterprise SSO, as an enterprise connection in the Clerk dashboard
     * does: a sign-in whose identifier is an email address in one of them (the user must exist)
     * offers only {@code enterprise_sso} as its first factor, which goes through the stand-in
     * identity provider page.
     *
     * @param domains email domains, such as {@code example.com}
     * @return this builder
     */
    public Builder enterpriseSsoDomains(String... domains) {
      for (String d : domains) {
        String domain = d.toLowerCase(java.util.Locale.ROOT);
        if (!enterpriseSsoDomains.contains(domain)) {
          enterpriseSsoDomains.add(domain);
        }
      }
      return this;
    }

    /**
     * Enforces reverification (default true, as Clerk does): sensitive account actions (adding or
     * removing an email address or phone number, making one primary, changing or removing the
     * password, TOTP, backup codes, connected accounts, deleting the account) fail with 403 {@code
     * session_reverification_required} when the session's factors were verified more than 10
     * minutes ago; {@code POST /v1/client/sessions/{id}/verify} resets them.
     *
     * @param value whether reverification is enforced
     * @return this builder
     */
    public Builder reverification(boolean value) {
      this.reverification = value;
      return this;
    }

    /**
     * Lets a client hold several signed-in sessions (default false: Clerk's default single-session
     * mode, where a second sign-in fails with {@code session_exists}).
     *
     * @param value whether multi-session mode is on
     * @return this builder
     */
    public Builder multiSession(boolean value) {
      this.multiSession = value;
      return this;
    }

    /**
     * Turns on client trust (default false): a password sign-in on a device new to the user ends in
     * {@code needs_client_trust} and needs an email or phone code.
     *
     * @param value whether client trust is on
     * @return this builder
     */
    public Builder clientTrust(boolean value) {
      this.clientTrust = value;
      return this;
    }

    /**
     * Turns test mode on or off (default on): {@code +clerk_test} emails and 555 phone numbers
     * accept {@code 424242}.
     *
     * @param value whether test mode is on
     * @return this builder
     */
    public Builder testMode(boolean value) {
      this.testMode = value;
      return this;
    }

    /**
     * Sets the session-token lifetime (default 60 s, as on Clerk).
     *
     * @param value at least one second
     * @return this builder
     */
    public Builder tokenLifetime(Duration value) {
      if (Objects.requireNonNull(value, "tokenLifetime").toSeconds() < 1) {
        throw new IllegalArgumentException("Token lifetime must be at least 1 s, was " + value);
      }
      this.tokenLifetime = value;
      return this;
    }

    /**
     * Sets the session lifetime ({@code expire_at}, default 7 days).
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder sessionLifetime(Duration value) {
      if (Objects.requireNonNull(value, "sessionLifetime").isNegative() || value.isZero()) {
        throw new IllegalArgumentException("Session lifetime must be positive, was " + value);
      }
      this.sessionLifetime = value;
      return this;
    }

    /**
     * Applies Clerk's documented per-IP limits (default off, so test suites don't trip them): 5
     * sign-in or sign-up creations and 3 factor attempts per 10 s, then 429 {@code
     * too_many_requests} with {@code Retry-After}.
     *
     * @param value whether limits apply
     * @return this builder
     */
    public Builder rateLimits(boolean value) {
      this.rateLimits = value;
      return this;
    }

    /**
     * Sets the port (default 0: a free one).
     *
     * @param value the port
     * @return this builder
     */
    public Builder port(int value) {
      if (value < 0 || value > 65_535) {
        throw new IllegalArgumentException("Port must be within 0-65535, was " + value);
      }
      this.port = value;
      return this;
    }

    /**
     * Adds an organization (users join it with {@link EmulatorUser.Builder#organization}).
     *
     * @param value the organization
     * @return this builder
     */
    public Builder organization(EmulatorOrganization value) {
      organizations.add(Objects.requireNonNull(value, "organization"));
      return this;
    }

    /**
     * Adds a JWT template, served at {@code POST /v1/client/sessions/{id}/tokens/{name}}.
     *
     * @param name the template name
     * @param claims custom claims; string values may use shortcodes such as {@code {{user.id}}}
     * @param lifetime the token lifetime
     * @return this builder
     */
    public Builder jwtTemplate(String name, Map<String, Object> claims, Duration lifetime) {
      Objects.requireNonNull(name, "name");
      templates.put(
          name, new EmulatorConfig.Template(Map.copyOf(claims), Objects.requireNonNull(lifetime)));
      return this;
    }

    /**
     * Sets the application name shown in the environment.
     *
     * @param value the name
     * @return this builder
     */
    public Builder applicationName(String value) {
      this.applicationName = Objects.requireNonNull(value, "applicationName");
      return this;
    }

    /**
     * Gives this emulator its own freshly generated signing key (default: one key shared by the
     * JVM's emulators, since RSA key generation is slow).
     *
     * @param value whether to generate a key
     * @return this builder
     */
    public Builder freshSigningKey(boolean value) {
      this.freshKey = value;
      return this;
    }

    /**
     * Starts the emulator.
     *
     * @return the running emulator
     * @throws UncheckedIOException if the port cannot be bound
     * @throws IllegalArgumentException if users or organizations conflict
     */
    public ClerkEmulator start() {
      return new ClerkEmulator(this);
    }
  }
}
