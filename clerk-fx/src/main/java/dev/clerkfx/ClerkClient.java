package dev.clerkfx;

import dev.clerkfx.account.Account;
import dev.clerkfx.account.Organizations;
import dev.clerkfx.auth.SignIns;
import dev.clerkfx.auth.SignUps;
import dev.clerkfx.browser.BrowserSignInOptions;
import dev.clerkfx.internal.account.AccountVerbs;
import dev.clerkfx.internal.browser.BrowserFlows;
import dev.clerkfx.internal.session.FapiAuthVerbs;
import dev.clerkfx.internal.session.FapiBackend;
import dev.clerkfx.internal.session.FxDispatch;
import dev.clerkfx.internal.session.LazyTokenStore;
import dev.clerkfx.internal.session.SessionManager;
import dev.clerkfx.internal.store.SnapshotCache;
import dev.clerkfx.internal.store.StoreLocations;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.Token;
import dev.clerkfx.model.User;
import dev.clerkfx.store.InMemoryTokenStore;
import dev.clerkfx.store.TokenStore;
import dev.clerkfx.store.TokenStores;
import io.reactivex.rxjava3.core.Observable;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import okhttp3.OkHttpClient;

/**
 * The Clerk session manager for one app: loads the signed-in state, keeps session tokens fresh, and
 * exposes the state as JavaFX properties ({@link #auth()}, {@link #user()}) and RxJava streams.
 * Build one per app, hand it to {@link ClerkFx#install(ClerkClient)}, and close it on exit. Every
 * method is safe from any thread and none blocks.
 *
 * <pre>{@code
 * ClerkClient clerk = ClerkClient.builder(System.getenv("CLERK_PUBLISHABLE_KEY")).build();
 * ClerkFx.install(clerk);
 *
 * nameLabel.textProperty().bind(ClerkFx.useUser().fullNameProperty());   // follows sign-in/out
 * clerk.signIn().withPassword("ada@example.com", password);              // state updates by itself
 * clerk.getToken().thenAccept(jwt -> jwt.ifPresent(backend::call));      // for your own backend
 *
 * // on exit
 * clerk.close();
 * }</pre>
 *
 * <p>Loading starts when the client is built: a persisted snapshot (client and environment) makes
 * it {@linkplain AuthSnapshot#loaded() loaded} at once; environment and client are then fetched in
 * parallel, and failures retry with backoff without ever signing the user out ({@link
 * #loadStates()} tells a UI where it stands).
 *
 * <p>Threading: one state thread applies every change to the state, in order; each change is then
 * persisted on an I/O thread and published, on the {@code clerk-fx-events} thread, to {@link
 * #snapshots()}, {@link #events()}, {@link #tokens()} and {@link #loadStates()}, and through {@code
 * Platform.runLater} to the JavaFX views. No SDK lock is held while app code runs, so subscribers
 * may call any method here, even {@code join()} a returned future. Returned futures complete on
 * OkHttp threads (network results, after the state has taken them in) or on {@code
 * clerk-fx-callback} threads; all SDK threads are daemon threads.
 */
public final class ClerkClient implements AutoCloseable {
  private final Builder builder;
  private final PublishableKey publishableKey;
  private final SessionManager manager;
  private final FxDispatch fx;
  private final ScheduledExecutorService ownedScheduler;
  private final SignIns signIns;
  private final SignUps signUps;
  private final Locale locale;
  private final BrowserFlows browser;
  private final AccountVerbs account;
  private volatile FxViews views;

  private ClerkClient(Builder b) {
    this.builder = b.copy();
    this.publishableKey = PublishableKey.parse(b.publishableKey);
    Clock clock = b.clock != null ? b.clock : Clock.systemUTC();
    ScheduledExecutorService scheduler = b.scheduler;
    if (scheduler == null) {
      ScheduledThreadPoolExecutor owned =
          new ScheduledThreadPoolExecutor(1, daemon("clerk-fx-timer"));
      owned.setRemoveOnCancelPolicy(true);
      scheduler = owned;
      this.ownedScheduler = owned;
    } else {
      this.ownedScheduler = null;
    }
    String appId = b.appId != null ? b.appId : TokenStores.appIdForFapiHost(publishableKey.host());
    StoreLocations.requireValidAppId(appId); // fail at build, not later on the I/O thread
    TokenStore store =
        b.tokenStore != null ? b.tokenStore : new LazyTokenStore(() -> TokenStores.system(appId));
    SnapshotCache cache =
        b.snapshotCache != null
            ? b.snapshotCache
            : store instanceof InMemoryTokenStore
                ? SnapshotCache.inMemory()
                : SnapshotCache.forApp(appId);
    this.fx = b.fxDispatch != null ? b.fxDispatch : FxDispatch.platform();
    this.manager =
        new SessionManager(
            new SessionManager.Config(
                clock,
                scheduler,
                b.refreshPolicy != null ? b.refreshPolicy : RefreshPolicy.defaults(),
                store,
                cache));
    FapiBackend transport =
        FapiBackend.create(
            publishableKey,
            b.proxyUrl,
            b.okHttpClient,
            clock,
            dev.clerkfx.internal.fapi.UserAgents.of(b.appProductName, b.appProductVersion),
            manager);
    this.locale = b.locale != null ? b.locale : Locale.getDefault();
    this.browser = new BrowserFlows(transport::fapi, b.browserSignIn, scheduler);
    this.signIns = FapiAuthVerbs.signIns(transport, browser, locale.toLanguageTag());
    this.signUps = FapiAuthVerbs.signUps(transport, browser, locale.toLanguageTag());
    this.account = new AccountVerbs(transport::fapi, manager, manager.blockingWork(), browser);
    manager.start(transport);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Starts building a client for an instance.
   *
   * @param publishableKey the instance's publishable key ({@code pk_test_…} or {@code pk_live_…})
   * @return a builder
   */
  public static Builder builder(String publishableKey) {
    return new Builder(publishableKey);
  }

  /** Returns a builder preset with this client's settings, to build a variant. */
  public Builder newBuilder() {
    return builder.copy();
  }

  /**
   * Returns the language of this client's prebuilt components and of Clerk's messages and emails:
   * the builder's {@link Builder#locale(Locale)}, else the JVM's default locale when the client was
   * built.
   */
  public Locale locale() {
    return locale;
  }

  /** Returns the publishable key this client talks to. */
  public PublishableKey publishableKey() {
    return publishableKey;
  }

  // ------------------------------------------------------------------ state

  /** Returns the current auth state (the newest the state thread has applied). */
  public AuthSnapshot snapshot() {
    return manager.snapshot();
  }

  /**
   * Completes with the first loaded state (from the persisted snapshot or the network), on a {@code
   * clerk-fx-callback} thread; fails with a {@link ClerkException} ({@code client_closed}) when the
   * client is closed before it loaded.
   */
  public CompletableFuture<AuthSnapshot> whenLoaded() {
    return manager.whenLoaded();
  }

  /**
   * Returns where loading stands: loading, loaded from the cache, loaded, or failed and retrying.
   */
  public LoadState loadState() {
    return manager.loadState();
  }

  /**
   * Load states as they change, replaying the current one to each subscriber; emitted on the {@code
   * clerk-fx-events} thread.
   */
  public Observable<LoadState> loadStates() {
    return manager.loadStates();
  }

  /** Returns the instance settings once loaded (sign-in strategies, display settings…). */
  public Optional<Environment> environment() {
    return manager.environment();
  }

  /**
   * Returns the JavaFX view of the auth state ({@code useAuth()}). The JavaFX toolkit must be
   * running; the view is created on first use and shared.
   */
  public AuthState auth() {
    return views().auth;
  }

  /** Returns the JavaFX view of the signed-in user ({@code useUser()}); see {@link #auth()}. */
  public UserState user() {
    return views().user;
  }

  private FxViews views() {
    FxViews v = views;
    if (v == null) {
      synchronized (this) {
        v = views;
        if (v == null) {
          v = new FxViews(this, fx, manager.views());
          views = v;
        }
      }
    }
    return v;
  }

  /**
   * Snapshots as they change, replaying the current one to each subscriber; emitted on the {@code
   * clerk-fx-events} thread, after the change was persisted.
   */
  public Observable<AuthSnapshot> snapshots() {
    return manager.snapshots();
  }

  /**
   * Events ({@code SignedIn}, {@code SignedOut}, {@code SessionChanged}, {@code UserUpdated},
   * {@code TokenRefreshed}) as they happen; emitted on the {@code clerk-fx-events} thread, in the
   * order of the changes. A subscriber may call any SDK method, blocking ones included.
   */
  public Observable<AuthEvent> events() {
    return manager.events();
  }

  /**
   * Session tokens of the current session as they renew (no replay: use {@link #getToken()} for the
   * current one); emitted on the {@code clerk-fx-events} thread.
   */
  public Observable<Token> tokens() {
    return manager.tokens();
  }

  /**
   * Tells whether the user has a role or permission in the active organization.
   *
   * @param roleOrPermission a role key such as {@code org:admin} or a permission key such as {@code
   *     org:invoices:read}
   * @return true when granted
   */
  public boolean has(String roleOrPermission) {
    return snapshot().has(roleOrPermission);
  }

  // ------------------------------------------------------------------ tokens

  /**
   * Returns the current session's token for the active organization: the cached one while more than
   * the buffer of its life remains (already completed, no allocation), otherwise one fetched from
   * Clerk. Empty when signed out.
   *
   * @return the JWT, or empty when signed out; fails with a {@link ClerkException} when Clerk
   *     cannot be reached
   */
  public CompletableFuture<Optional<String>> getToken() {
    return manager.getToken();
  }

  /**
   * Returns a token as the options say: a JWT template, another organization, or a forced fresh
   * token.
   *
   * @param options what to fetch
   * @return the JWT, or empty when signed out
   */
  public CompletableFuture<Optional<String>> getToken(GetTokenOptions options) {
    return manager.getToken(options);
  }

  /**
   * Returns an OkHttp interceptor that adds this client's session token ({@link #getToken()}) to
   * requests for the listed hosts of the app's backend, over https (or to loopback), and retries
   * once after a 401 from them.
   *
   * <pre>{@code
   * OkHttpClient api = new OkHttpClient.Builder().addInterceptor(clerk.tokenInterceptor("api.example.com")).build();
   * }</pre>
   *
   * @param host a host that may receive the token, such as {@code api.example.com} or {@code
   *     localhost:8080}
   * @param moreHosts further hosts
   * @return the interceptor
   * @throws ClerkConfigurationException (code {@code invalid_interceptor_host}) when an entry is
   *     unusable
   * @see TokenInterceptorOptions
   */
  public ClerkTokenInterceptor tokenInterceptor(String host, String... moreHosts) {
    String[] all = new String[1 + (moreHosts == null ? 0 : moreHosts.length)];
    all[0] = host;
    if (moreHosts != null) System.arraycopy(moreHosts, 0, all, 1, moreHosts.length);
    return tokenInterceptor(TokenInterceptorOptions.forHosts(all));
  }

  /**
   * Returns an interceptor like {@link #tokenInterceptor(String, String...)} with a chosen token (a
   * JWT template, another organization).
   *
   * @param options the hosts that may receive the token, and the token
   * @return the interceptor
   */
  public ClerkTokenInterceptor tokenInterceptor(TokenInterceptorOptions options) {
    return new ClerkTokenInterceptor(this, ClerkUsageException.requireArgument(options, "options"));
  }

  /**
   * Tells clerk-fx whether the app is in use (wire it to window focus). Inactive: no background
   * token refresh. Active again: a token inside its buffer is refreshed at once.
   *
   * @param active true when a window of the app has focus
   */
  public void setAppActive(boolean active) {
    manager.setAppActive(active);
  }

  // ------------------------------------------------------------------ sign-in, sign-up, sessions

  /** Returns the sign-in verbs (password, codes, second factors, password reset). */
  public SignIns signIn() {
    return signIns;
  }

  /** Returns the sign-up verbs. */
  public SignUps signUp() {
    return signUps;
  }

  /**
   * Returns the client's sessions still alive (status active or pending), for an account switcher.
   */
  public List<Session> sessions() {
    return snapshot().activeOrPendingSessions();
  }

  /**
   * Makes a session (and an organization in it) current.
   *
   * @param sessionId one of {@link #sessions()}
   * @param organizationId an organization id, or null / {@code ""} for the personal account
   * @return the state after the switch
   */
  public CompletableFuture<AuthSnapshot> setActive(String sessionId, String organizationId) {
    return manager.setActive(sessionId, organizationId);
  }

  /**
   * Signs out of every session on this client. Local state is cleared at once ({@code
   * SignedOut(USER_ACTION)}), the stored client token and cached snapshot are cleared durably next,
   * and only then is Clerk told; a {@link #close()} right after this call still leaves nothing on
   * disk.
   *
   * @return completes when Clerk answered or the request failed (local state and storage are
   *     cleared either way); fails with {@code client_closed} after {@link #close()}
   */
  public CompletableFuture<Void> signOut() {
    return manager.signOutAll();
  }

  /**
   * Signs out of one session; when it is the current one, local state clears at once and another
   * signed-in session (if any) becomes current.
   *
   * @param sessionId the session to end
   * @return completes when Clerk confirmed (or, for the current session, also when the request
   *     failed)
   */
  public CompletableFuture<Void> signOut(String sessionId) {
    return manager.signOut(sessionId);
  }

  /**
   * Fetches the client again now (for example after the network returns). While the load has not
   * succeeded ({@link #loadState()} is not {@code LOADED}) it retries the load at once: the "Retry
   * now" of a failed load.
   *
   * @return the state after the fetch; fails with a {@link ClerkException} when Clerk cannot be
   *     reached
   */
  public CompletableFuture<AuthSnapshot> refresh() {
    return manager.refresh();
  }

  /** Reloads the signed-in user ({@code GET /v1/me}). */
  public CompletableFuture<User> reloadUser() {
    return manager.reloadUser();
  }

  /**
   * Returns the signed-in user's account verbs: profile, email addresses, phone numbers, password,
   * MFA, connected accounts, devices, deletion and reverification.
   *
   * @return the verbs (one instance per client)
   */
  public Account account() {
    return account;
  }

  /**
   * Returns the signed-in user's organization verbs: memberships, switching, creating, leaving,
   * invitations and suggestions.
   *
   * @return the verbs (one instance per client)
   */
  public Organizations organizations() {
    return account.organizations();
  }

  /**
   * Completes once every change queued so far is applied, persisted and published (tests await it).
   */
  CompletableFuture<Void> whenIdle() {
    return manager.whenIdle();
  }

  /**
   * Stops timers and background work and waits (at most a few seconds) for queued storage work,
   * such as a sign-out's clearing, to finish. Stored credentials stay (this is not a sign-out). No
   * SDK thread keeps the JVM alive afterwards; an {@link Builder#okHttpClient(OkHttpClient) app's
   * own OkHttp client} stays usable.
   */
  @Override
  public void close() {
    browser.close();
    manager.close();
    FxViews v = views;
    if (v != null) v.dispose();
    if (ownedScheduler != null) ownedScheduler.shutdownNow();
  }

  /**
   * Configures a {@link ClerkClient}. Not thread-safe; {@code build()} may be called more than
   * once.
   */
  public static final class Builder {
    private String publishableKey;
    private String proxyUrl;
    private OkHttpClient okHttpClient;
    private TokenStore tokenStore;
    private RefreshPolicy refreshPolicy;
    private Clock clock;
    private ScheduledExecutorService scheduler;
    private String appId;
    private FxDispatch fxDispatch;
    private SnapshotCache snapshotCache;
    private Locale locale;
    private BrowserSignInOptions browserSignIn;
    private String appProductName;
    private String appProductVersion;

    private Builder(String publishableKey) {
      this.publishableKey = publishableKey;
    }

    private Builder copy() {
      Builder b = new Builder(publishableKey);
      b.proxyUrl = proxyUrl;
      b.okHttpClient = okHttpClient;
      b.tokenStore = tokenStore;
      b.refreshPolicy = refreshPolicy;
      b.clock = clock;
      b.scheduler = scheduler;
      b.appId = appId;
      b.fxDispatch = fxDispatch;
      b.snapshotCache = snapshotCache;
      b.locale = locale;
      b.browserSignIn = browserSignIn;
      b.appProductName = appProductName;
      b.appProductVersion = appProductVersion;
      return b;
    }

    /**
     * Sends Frontend API requests through a proxy (Clerk's "proxy URL" setting) instead of the
     * key's host.
     *
     * @param url the proxy base URL (https, or http on loopback)
     * @return this builder
     */
    public Builder proxyUrl(String url) {
      this.proxyUrl = url;
      return this;
    }

    /**
     * Uses the app's OkHttp client (its connection pool, proxy, certificates); clerk-fx adds its
     * interceptors to a derived client.
     *
     * @param client the client
     * @return this builder
     * @throws ClerkUsageException when {@code client} is null
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = ClerkUsageException.requireArgument(client, "okHttpClient");
      return this;
    }

    /**
     * Keeps the client token in this store (default: the OS keychain, else an owner-only file). An
     * {@code InMemoryTokenStore} also keeps the cached snapshot in memory only.
     *
     * @param store the store
     * @return this builder
     * @throws ClerkUsageException when {@code store} is null
     */
    public Builder tokenStore(TokenStore store) {
      this.tokenStore = ClerkUsageException.requireArgument(store, "tokenStore");
      return this;
    }

    /**
     * Sets the token buffer, refresh lead and retry settings.
     *
     * @param policy the policy
     * @return this builder
     * @throws ClerkUsageException when {@code policy} is null
     */
    public Builder refreshPolicy(RefreshPolicy policy) {
      this.refreshPolicy = ClerkUsageException.requireArgument(policy, "refreshPolicy");
      return this;
    }

    /**
     * Judges time by this clock (tests pass the emulator's).
     *
     * @param clock the clock
     * @return this builder
     * @throws ClerkUsageException when {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = ClerkUsageException.requireArgument(clock, "clock");
      return this;
    }

    /**
     * Runs refresh and retry timers on this scheduler; delays are measured on {@link
     * #clock(Clock)}. Default: one daemon thread owned by the client. Tests pass a virtual-time
     * scheduler.
     *
     * @param scheduler the scheduler (not shut down by {@link ClerkClient#close()})
     * @return this builder
     * @throws ClerkUsageException when {@code scheduler} is null
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = ClerkUsageException.requireArgument(scheduler, "scheduler");
      return this;
    }

    /**
     * Names this app's storage (keychain entry and config folder). Default: derived from the
     * Frontend API host, so two apps of one instance share a sign-in unless they set different ids.
     *
     * @param appId letters, digits, dots, dashes and underscores
     * @return this builder
     */
    public Builder appId(String appId) {
      this.appId = appId;
      return this;
    }

    /**
     * Sets the language of the prebuilt components ({@code dev.clerkfx.ui}), also sent to Clerk
     * with each new sign-in and sign-up so its messages and emails match (default: the JVM's
     * default locale). The components ship English, German, French and Spanish; other languages
     * show English.
     *
     * @param locale the locale, or null for the default
     * @return this builder
     */
    public Builder locale(Locale locale) {
      this.locale = locale;
      return this;
    }

    /**
     * Sets how browser sign-in (OAuth, enterprise SSO, hosted pages, email links) opens URLs and
     * receives the redirect. Default: {@link BrowserSignInOptions#defaults()} (system browser,
     * loopback listener on a random port, 3-minute timeout).
     *
     * @param options the settings
     * @return this builder
     */
    public Builder browserSignIn(BrowserSignInOptions options) {
      this.browserSignIn = options;
      return this;
    }

    /**
     * Names the app in the {@code User-Agent} of every Frontend API request ({@code Acme-Notes/2.1
     * clerk-fx/…}), so the user's device list ({@code Account.activeSessions()}) says which app a
     * session came from. Characters that are not allowed in a product token (such as spaces) become
     * {@code -}.
     *
     * @param name the app's name, for example {@code "Acme Notes"}
     * @param version the app's version, for example {@code "2.1"}, or null
     * @return this builder
     */
    public Builder appProduct(String name, String version) {
      this.appProductName = name;
      this.appProductVersion = version;
      return this;
    }

    Builder fxDispatch(FxDispatch dispatch) {
      this.fxDispatch = dispatch;
      return this;
    }

    Builder snapshotCache(SnapshotCache cache) {
      this.snapshotCache = cache;
      return this;
    }

    /**
     * Builds the client and starts loading.
     *
     * @return the client
     * @throws ClerkConfigurationException when the publishable key or proxy URL is malformed
     */
    public ClerkClient build() {
      return new ClerkClient(this);
    }
  }
}
