package dev.clerkfx.internal.session;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.ClerkException;
import dev.clerkfx.ClerkUsageException;
import dev.clerkfx.GetTokenOptions;
import dev.clerkfx.RefreshPolicy;
import dev.clerkfx.SignOutReason;
import dev.clerkfx.internal.store.SnapshotCache;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.SessionClaims;
import dev.clerkfx.model.Token;
import dev.clerkfx.model.User;
import dev.clerkfx.store.TokenStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The session manager: loads the client (from the persisted snapshot, then the network), keeps the auth state
 * store and the token engine in step with the current client, ends dead sessions, signs out, and persists the
 * client token and the snapshot. {@code ClerkClient} is a thin public face over this class.
 */
public final class SessionManager implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SessionManager.class.getName());

  /**
   * Everything the manager is built from.
   *
   * @param clock the clock time is judged by
   * @param scheduler runs refresh and retry timers
   * @param io runs storage I/O (token store, snapshot cache), in order
   * @param policy token buffer and retry settings
   * @param tokenStore where the client token is kept
   * @param snapshotCache where the client/environment snapshot is kept
   */
  public record Config(
      Clock clock, ScheduledExecutorService scheduler, ExecutorService io, RefreshPolicy policy,
      TokenStore tokenStore, SnapshotCache snapshotCache) {}

  private final Config config;
  private final Backend backend;
  private final AuthStore store = new AuthStore();
  private final TokenEngine engine;
  private final Backoff backoff;
  private final Set<String> deadSessions = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<AuthSnapshot> loaded = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicInteger loadAttempts = new AtomicInteger();
  private final AtomicInteger clientFetches = new AtomicInteger();
  private final AtomicBoolean persistQueued = new AtomicBoolean();
  private volatile boolean networkLoaded;
  private volatile boolean restoredFromCache;
  private volatile boolean loadInFlight;
  private volatile boolean closed;
  private volatile Environment environment;
  private volatile SessionClaims latestClaims;
  /** The session whose user is being deleted ({@code DELETE /v1/me} in flight), else null. */
  private volatile String deletingAccount;

  SessionManager(Config config, Backend backend) {
    this.config = config;
    this.backend = backend;
    this.backoff = new Backoff(config.policy());
    this.engine = new TokenEngine(config.clock(), config.scheduler(), config.policy(), backend::token,
        new TokenEngine.Listener() {
          @Override
          public void tokenRefreshed(TokenKey key, MintedToken token, boolean defaultKey) {
            onTokenRefreshed(token, defaultKey);
          }

          @Override
          public void fetchFailed(TokenKey key, Throwable failure) {
            onTokenFailure(key, failure);
          }
        }, backoff);
    backend.onClientChanged(this::onClientChanged);
    backend.onClientTokenChanged(token -> {
      config.io().execute(() -> persistClientToken(token));
      if (token.isPresent()) schedulePersist(); // the snapshot is only kept alongside a client token
    });
  }

  /**
   * Builds a manager over the real transport.
   *
   * @param config the collaborators
   * @param transport the transport's wiring (see {@link FapiBackend})
   * @return the manager, not started
   */
  public static SessionManager create(Config config, FapiBackend transport) {
    SessionManager manager = new SessionManager(config, transport);
    transport.environmentSource(() -> manager.environment);
    return manager;
  }

  // ------------------------------------------------------------------ state access

  /** The state store (snapshots, events, tokens). */
  public AuthStore store() {
    return store;
  }

  /** The current environment, once loaded. */
  public Optional<Environment> environment() {
    return Optional.ofNullable(environment);
  }

  /** Completes with the first loaded snapshot (from the cache or the network). */
  public CompletableFuture<AuthSnapshot> whenLoaded() {
    return loaded.copy();
  }

  /** True when no token request or load is under way (tests wait for this before moving virtual time on). */
  public boolean isIdle() {
    return engine.requestsInFlight() == 0 && !loadInFlight && clientFetches.get() == 0;
  }

  /** True once the client came from the network at least once. */
  public boolean isNetworkLoaded() {
    return networkLoaded;
  }

  // ------------------------------------------------------------------ lifecycle

  /** Starts loading: the persisted snapshot at once (on the I/O thread), then environment and client in parallel. */
  public void start() {
    if (!started.compareAndSet(false, true)) return;
    config.io().execute(() -> {
      restoreFromStorage();
      loadFromNetwork();
    });
  }

  private void restoreFromStorage() {
    Optional<String> token;
    try {
      token = config.tokenStore().load();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The client token store could not be read ({0}); starting signed out",
          e.getClass().getSimpleName());
      token = Optional.empty();
    }
    if (token.isEmpty()) {
      clearSnapshotQuietly();
      return;
    }
    backend.setClientToken(token.get());
    Optional<String> json;
    try {
      json = config.snapshotCache().load();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The cached client snapshot could not be read ({0}); loading from the network",
          e.getClass().getSimpleName());
      json = Optional.empty();
    }
    if (json.isEmpty()) return;
    try {
      PersistedSnapshot snapshot = backend.readSnapshot(json.get());
      environment = snapshot.environment();
      restoredFromCache = true;
      backend.replaceClient(snapshot.client());
      LOG.log(Level.DEBUG, "Restored the cached client snapshot");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The cached client snapshot is unreadable ({0}); ignoring it",
          e.getClass().getSimpleName());
      clearSnapshotQuietly();
    }
  }

  private void loadFromNetwork() {
    if (closed || loadInFlight || networkLoaded) return;
    loadInFlight = true;
    CompletableFuture<Environment> env = backend.environment();
    CompletableFuture<Optional<Client>> cli = backend.fetchClient();
    CompletableFuture.allOf(env, cli).whenComplete((ignored, failure) -> {
      loadInFlight = false;
      if (closed) return;
      if (failure == null) {
        environment = env.join();
        networkLoaded = true;
        loadAttempts.set(0);
        Optional<Client> client = backend.client();
        publish(client, null);
        schedulePersist();
        return;
      }
      if (Failures.isTransient(failure)) {
        long delay = backoff.delay(loadAttempts.getAndIncrement(), Failures.retryAfter(failure)).toMillis();
        LOG.log(Level.INFO, "Could not load from Clerk ({0}); retrying in {1} ms",
            Failures.unwrap(failure).getMessage(), delay);
        schedule(this::loadFromNetwork, delay);
        return;
      }
      ClerkException error = Failures.asClerk(failure);
      LOG.log(Level.WARNING, "Clerk refused to load the client ({0}); starting signed out", error.code());
      if (Failures.isUnauthenticated(failure) || Failures.deadSessionReason(failure) != null) {
        backend.setClientToken(null);
        backend.replaceClient(null);
      }
      networkLoaded = true; // loaded, signed out: the app shows its sign-in screen instead of waiting forever
      Optional<Client> client = backend.client();
      publish(client, null);
    });
  }

  /** Refetches the client now (a no-op while signed out with no client token). */
  public CompletableFuture<AuthSnapshot> refreshClient() {
    clientFetches.incrementAndGet();
    return backend.fetchClient()
        .whenComplete((c, e) -> clientFetches.decrementAndGet())
        .thenApply(c -> store.current());
  }

  /** The app became active or inactive (window focus): inactive stops background refresh; active catches up. */
  public void setAppActive(boolean active) {
    engine.setAppActive(active);
    if (active && !networkLoaded && started.get()) {
      loadAttempts.set(0);
      loadFromNetwork();
    }
  }

  @Override
  public void close() {
    closed = true;
    engine.clear();
  }

  // ------------------------------------------------------------------ client changes → state

  private void onClientChanged(Optional<Client> client, long serverDateMillis) {
    if (closed) return;
    if (serverDateMillis > 0) engine.noteServerDate(serverDateMillis);
    publish(client, deletingAccount != null ? SignOutReason.ACCOUNT_DELETED : null);
    schedulePersist();
  }

  /** Derives the snapshot of a client, syncs the token engine to it, then publishes it. */
  private synchronized AuthSnapshot publish(Optional<Client> client, SignOutReason reason) {
    boolean isLoaded = networkLoaded || restoredFromCache;
    AuthSnapshot next = derive(client.orElse(null), isLoaded);
    if (next.signedIn()) {
      Session s = next.session().orElseThrow();
      engine.setSession(s.id(), s.lastActiveOrganizationId().orElse(""), seed(s));
      engine.cachedDefault().map(MintedToken::model)
          .filter(m -> m instanceof SessionClaims c && c.sessionId().map(s.id()::equals).orElse(false))
          .ifPresent(m -> latestClaims = (SessionClaims) m);
    } else {
      engine.clear();
    }
    // the engine may have refreshed the claims while seeding
    AuthSnapshot withClaims = derive(client.orElse(null), isLoaded);
    AuthSnapshot published = store.update(prev -> withClaims, reason);
    if (published.loaded() && !loaded.isDone()) loaded.complete(published);
    return published;
  }

  private AuthSnapshot derive(Client client, boolean isLoaded) {
    AuthSnapshot s = AuthSnapshot.of(client, latestClaims);
    if (s.session().map(x -> deadSessions.contains(x.id())).orElse(false)) {
      s = new AuthSnapshot(isLoaded, s.client(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty());
    }
    if (!isLoaded) {
      s = new AuthSnapshot(false, s.client(), s.session(), s.user(), s.organization(), s.sessionClaims());
    }
    return s;
  }

  private MintedToken seed(Session session) {
    return session.lastActiveToken().map(Tokens::tryDecode).orElse(null);
  }

  private void onTokenRefreshed(MintedToken token, boolean defaultKey) {
    if (!defaultKey) return;
    SessionClaims claims = token.model() instanceof SessionClaims c ? c : null;
    latestClaims = claims;
    Token t = new Token(token.jwt());
    store.tokenRefreshed(t, prev -> prev.signedIn() && claims != null
        && claims.sessionId().equals(prev.sessionId())
        ? new AuthSnapshot(prev.loaded(), prev.client(), prev.session(), prev.user(), prev.organization(),
            Optional.of(claims))
        : prev);
  }

  private void onTokenFailure(TokenKey key, Throwable failure) {
    SignOutReason reason = Failures.deadSessionReason(failure);
    String current = store.current().sessionId().orElse(null);
    if (reason != null && key.sessionId().equals(current)) {
      LOG.log(Level.INFO, "The session ended on the server ({0}); signing out locally", Failures.asClerk(failure).code());
      endSessionLocally(key.sessionId(), reason);
      if ("authentication_invalid".equals(Failures.asClerk(failure).code())) {
        // the client token itself is refused: forget it, the next sign-in starts a new client
        backend.setClientToken(null);
        backend.replaceClient(null);
        return;
      }
      refreshClient().exceptionally(e -> null);
    } else if (Failures.needsClientRefresh(failure)) {
      LOG.log(Level.DEBUG, "Refetching the client after {0}", Failures.asClerk(failure).code());
      refreshClient().exceptionally(e -> null);
    }
  }

  /** Marks a session dead and publishes the signed-out state at once. */
  private void endSessionLocally(String sessionId, SignOutReason reason) {
    deadSessions.add(sessionId);
    latestClaims = null;
    Optional<Client> client = backend.client(); // read before taking this object's lock (ClientSync lock order)
    publish(client, reason);
    clearSnapshotQuietly();
  }

  // ------------------------------------------------------------------ tokens

  /** The default token; the cached path allocates nothing. */
  public CompletableFuture<Optional<String>> getToken() {
    CompletableFuture<Optional<String>> f = engine.getToken();
    if (f == CompletedTokenFuture.EMPTY && !networkLoaded && !restoredFromCache && !closed) {
      return loaded.handle((s, e) -> null).thenCompose(x -> engine.getToken());
    }
    return f;
  }

  /** A token as the options say. */
  public CompletableFuture<Optional<String>> getToken(GetTokenOptions options) {
    if (options == null) return getToken();
    if (!engine.hasSession() && !networkLoaded && !restoredFromCache && !closed) {
      return loaded.handle((s, e) -> null).thenCompose(x -> engine.getToken(options));
    }
    return engine.getToken(options);
  }

  // ------------------------------------------------------------------ verbs

  /** Signs out of every session: local state and storage are cleared even when the request fails. */
  public CompletableFuture<Void> signOutAll() {
    return signOutLocally(SignOutReason.USER_ACTION,
        () -> backend.clientToken().isPresent() ? backend.removeAllSessions() : CompletableFuture.completedFuture(null));
  }

  /**
   * Says that the user's account is being deleted ({@code DELETE /v1/me} in flight), so the sign-out its answer
   * brings is reported as {@link SignOutReason#ACCOUNT_DELETED}; null when the request ended without deleting.
   *
   * @param sessionId the session deleting its user, or null
   */
  public void accountDeletion(String sessionId) {
    this.deletingAccount = sessionId;
  }

  /**
   * The user's account was deleted on the server: local state signs out with {@link SignOutReason#ACCOUNT_DELETED}
   * and the stored client token and snapshot are cleared.
   *
   * @return completes when storage is cleared
   */
  public CompletableFuture<Void> accountDeleted() {
    deletingAccount = null;
    return signOutLocally(SignOutReason.ACCOUNT_DELETED, () -> CompletableFuture.completedFuture(null));
  }

  private CompletableFuture<Void> signOutLocally(SignOutReason reason,
      java.util.function.Supplier<CompletableFuture<Void>> serverSide) {
    backend.client().ifPresent(c -> c.sessions().forEach(s -> deadSessions.add(s.id())));
    latestClaims = null;
    engine.clear();
    Optional<Client> client = backend.client();
    publish(client, reason);
    return serverSide.get().handle((v, failure) -> {
      if (failure != null) {
        LOG.log(Level.INFO, "The sign-out request failed ({0}); local state is cleared anyway",
            Failures.asClerk(failure).code());
      }
      backend.setClientToken(null);
      backend.replaceClient(null);
      CompletableFuture<Void> cleared = new CompletableFuture<>();
      config.io().execute(() -> {
        clearSnapshotQuietly();
        persistClientToken(Optional.empty());
        cleared.complete(null);
      });
      return cleared;
    }).thenCompose(f -> f);
  }

  /** Signs out of one session; when it is the current one, local state clears at once. */
  public CompletableFuture<Void> signOut(String sessionId) {
    if (sessionId == null || sessionId.isBlank()) {
      return CompletableFuture.failedFuture(
          new ClerkUsageException("invalid_argument", "signOut(sessionId) needs a session id"));
    }
    boolean current = sessionId.equals(store.current().sessionId().orElse(null));
    if (current) endSessionLocally(sessionId, SignOutReason.USER_ACTION);
    return backend.removeSession(sessionId).handle((v, failure) -> {
      if (failure != null) {
        LOG.log(Level.INFO, "Removing the session failed ({0})", Failures.asClerk(failure).code());
        if (!current) throw Failures.asClerk(failure);
      }
      return null;
    });
  }

  /** Makes another session (and organization) current. */
  public CompletableFuture<AuthSnapshot> setActive(String sessionId, String organizationId) {
    if (sessionId == null || sessionId.isBlank()) {
      return CompletableFuture.failedFuture(
          new ClerkUsageException("invalid_argument", "setActive needs a session id"));
    }
    return backend.touchSession(sessionId, organizationId == null ? "" : organizationId)
        .thenCompose(v -> refreshClient());
  }

  /** Reloads the signed-in user. */
  public CompletableFuture<User> reloadUser() {
    Optional<String> sid = store.current().sessionId();
    if (sid.isEmpty()) return notSignedIn();
    return backend.me(sid.get()).thenApply(this::applyUser);
  }

  /**
   * Applies a user that a {@code /v1/me} call returned, when it is the signed-in one (responses without a
   * piggybacked client still reach the state this way).
   *
   * @param user the user
   * @return the same user
   */
  public User userChanged(User user) {
    return applyUser(user);
  }

  private User applyUser(User user) {
    store.update(prev -> prev.user().map(u -> u.id().equals(user.id())).orElse(false)
        ? new AuthSnapshot(prev.loaded(), prev.client(), prev.session(), Optional.of(user),
            prev.organization().flatMap(m -> user.membership(m.organization().id())), prev.sessionClaims())
        : prev, null);
    return user;
  }

  private static <T> CompletableFuture<T> notSignedIn() {
    return CompletableFuture.failedFuture(new ClerkUsageException("not_signed_in", "No user is signed in"));
  }

  // ------------------------------------------------------------------ persistence

  private void persistClientToken(Optional<String> token) {
    try {
      if (token.isPresent()) {
        config.tokenStore().save(token.get());
      } else {
        config.tokenStore().clear();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not update the stored client token ({0})", e.getClass().getSimpleName());
    }
  }

  private void schedulePersist() {
    if (persistQueued.compareAndSet(false, true)) {
      config.io().execute(() -> {
        persistQueued.set(false);
        persistSnapshot();
      });
    }
  }

  private void persistSnapshot() {
    AuthSnapshot s = store.current();
    Optional<Client> client = backend.client();
    if (!s.signedIn() || client.isEmpty() || backend.clientToken().isEmpty()) {
      clearSnapshotQuietly();
      return;
    }
    try {
      config.snapshotCache().save(backend.writeSnapshot(new PersistedSnapshot(client.get(), environment)));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not save the client snapshot ({0})", e.getClass().getSimpleName());
    }
  }

  private void clearSnapshotQuietly() {
    try {
      config.snapshotCache().clear();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not delete the client snapshot ({0})", e.getClass().getSimpleName());
    }
  }

  private void schedule(Runnable task, long delayMillis) {
    try {
      config.scheduler().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.log(Level.DEBUG, "Scheduler closed; not retrying");
    }
  }
}
