package dev.clerkfx.internal.session;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.ClerkException;
import dev.clerkfx.ClerkUsageException;
import dev.clerkfx.GetTokenOptions;
import dev.clerkfx.LoadState;
import dev.clerkfx.RefreshPolicy;
import dev.clerkfx.SignOutReason;
import dev.clerkfx.internal.fapi.FapiFacts;
import dev.clerkfx.internal.fapi.ResponseFacts;
import dev.clerkfx.internal.store.SnapshotCache;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.SessionClaims;
import dev.clerkfx.model.Token;
import dev.clerkfx.model.User;
import dev.clerkfx.store.TokenStore;
import io.reactivex.rxjava3.core.Observable;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The session state machine: the one owner of the SDK's state.
 *
 * <p>Facts arrive from anywhere (a response's rotated client token and piggybacked client from the
 * transport, a token from the token engine, the stored state from the I/O thread, the app's verbs).
 * Each is applied on the {@code clerk-fx-state} thread to one immutable {@link SessionState}, which
 * yields the {@link AuthSnapshot} once; the token engine is told about session changes there too,
 * and the JavaFX views get the step (queued for the FX thread, so an FX continuation of an SDK
 * future sees the state its response brought). Every step then goes, in order, through the {@code
 * clerk-fx-io} thread, which persists the state current when it runs (client token, then the
 * snapshot), and on to the {@code clerk-fx-events} thread, which publishes it to the RxJava
 * streams. No lock is held while app code runs, and the state thread never waits for anything, so a
 * blocking SDK call made from a subscriber completes.
 *
 * <p>Futures handed to the app never complete on the state, I/O or events threads: network results
 * complete on OkHttp threads after their facts were applied; the rest on a {@code
 * clerk-fx-callback} thread.
 */
public final class SessionManager implements FapiFacts, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SessionManager.class.getName());

  /** How long {@link #close()} waits for queued storage work. */
  static final long CLOSE_DRAIN_MILLIS = 5_000;

  /**
   * Everything the manager is built from.
   *
   * @param clock the clock time is judged by
   * @param scheduler runs refresh and retry timers
   * @param policy token buffer and retry settings
   * @param tokenStore where the client token is kept
   * @param snapshotCache where the client/environment snapshot is kept
   */
  public record Config(
      Clock clock,
      ScheduledExecutorService scheduler,
      RefreshPolicy policy,
      TokenStore tokenStore,
      SnapshotCache snapshotCache) {}

  /** The state and the snapshot derived from it, swapped together. */
  private record Current(SessionState state, AuthSnapshot snapshot) {}

  private final Config config;
  private final Backoff backoff;
  private final TokenEngine engine;
  private final ThreadPoolExecutor io = SdkThreads.serial("clerk-fx-io", new Object());

  /**
   * The stored client token and snapshot, read on the I/O thread from construction on, while the
   * rest of the SDK initialises.
   */
  private final CompletableFuture<Stored> stored;

  private final Publisher publisher;
  private final Object stateOwner = new Object();
  private final ThreadPoolExecutor state = SdkThreads.serial("clerk-fx-state", stateOwner);
  private final ThreadPoolExecutor events = SdkThreads.serial("clerk-fx-events", new Object());
  private final ExecutorService callbacks = SdkThreads.callbacks();
  private final CompletableFuture<AuthSnapshot> loaded = new CompletableFuture<>();

  /**
   * Completes when the state is loaded or the first load attempt ended (token callers wait no
   * longer).
   */
  private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();

  private final AtomicBoolean started = new AtomicBoolean();
  private volatile Backend backend;
  private volatile Current current = new Current(SessionState.initial(), AuthSnapshot.initial());
  private volatile boolean closed;

  /** The session whose user is being deleted ({@code DELETE /v1/me} in flight), else null. */
  private volatile String deletingAccount;

  // state thread only
  private boolean restoreDone;

  /** The load state is FAILED because token refreshes failed after the client had loaded. */
  private boolean connectionLost;

  private boolean loadInFlight;
  private int loadAttempts;
  private ScheduledFuture<?> retryTask;
  private final List<CompletableFuture<AuthSnapshot>> loadWaiters = new ArrayList<>();
  private boolean loadedSignalled;
  private String engineKey;

  // I/O thread only
  private Optional<String> writtenToken;
  private boolean snapshotKnown;
  private PersistedSnapshot writtenSnapshot;

  /**
   * Creates a manager; {@link #start(Backend)} connects it to the transport and starts loading.
   *
   * @param config the collaborators
   */
  public SessionManager(Config config) {
    this.config = config;
    this.stored = readStoredAsync();
    this.publisher = new Publisher();
    this.backoff = new Backoff(config.policy());
    this.engine =
        new TokenEngine(
            config.clock(),
            config.scheduler(),
            config.policy(),
            (key, force) ->
                backend.token(key, force, current.state().client(), current.state().environment()),
            new TokenEngine.Listener() {
              @Override
              public void tokenRefreshed(TokenKey key, MintedToken token, boolean defaultKey) {
                if (defaultKey) applyAndWait(() -> onToken(token));
              }

              @Override
              public void fetchFailed(TokenKey key, Throwable failure) {
                applyAndWait(() -> onTokenFailure(key, failure));
              }

              @Override
              public void retrying(TokenKey key, Throwable failure, long delayMillis) {
                onState(() -> onTokenRetrying(key, failure, delayMillis));
              }
            },
            backoff);
  }

  // ------------------------------------------------------------------ state access

  /**
   * The current snapshot (as committed on the state thread; published a moment later). Any thread.
   */
  public AuthSnapshot snapshot() {
    return current.snapshot();
  }

  /** The current load state. Any thread. */
  public LoadState loadState() {
    return current.state().load();
  }

  /** The current environment, once loaded. */
  public Optional<Environment> environment() {
    return current.state().environment();
  }

  /** Snapshots, replaying the current one; emitted on {@code clerk-fx-events}. */
  public Observable<AuthSnapshot> snapshots() {
    return publisher.snapshots();
  }

  /** Load states, replaying the current one; emitted on {@code clerk-fx-events}. */
  public Observable<LoadState> loadStates() {
    return publisher.loadStates();
  }

  /** Snapshot and load state per step, for the JavaFX views; emitted on {@code clerk-fx-events}. */
  public Observable<Published> views() {
    return publisher.views();
  }

  /** Events as they happen (no replay); emitted on {@code clerk-fx-events}. */
  public Observable<dev.clerkfx.AuthEvent> events() {
    return publisher.events();
  }

  /** Renewed tokens of the current session (no replay); emitted on {@code clerk-fx-events}. */
  public Observable<Token> tokens() {
    return publisher.tokens();
  }

  /**
   * Completes with the first loaded snapshot, or fails with a {@link ClerkException} when closed
   * before.
   */
  public CompletableFuture<AuthSnapshot> whenLoaded() {
    return loaded.copy();
  }

  /**
   * Completes once every step queued so far has been applied, persisted and published (tests await
   * this instead of sleeping).
   *
   * @return the barrier
   */
  public CompletableFuture<Void> whenIdle() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    idlePass(done, 0);
    return done;
  }

  /**
   * One pass through I/O, state, I/O and events; repeats until a pass finds every executor quiet.
   */
  private void idlePass(CompletableFuture<Void> done, int round) {
    Runnable finished = () -> callback(() -> done.complete(null));
    Runnable check =
        () -> {
          boolean quiet =
              state.getQueue().isEmpty()
                  && state.getActiveCount() == 0
                  && io.getQueue().isEmpty()
                  && io.getActiveCount() == 0
                  && events.getQueue().isEmpty();
          if (quiet || round >= 1000) {
            finished.run();
          } else {
            idlePass(done, round + 1);
          }
        };
    queueIo(
        () -> {
          try {
            state.execute(() -> queueIo(() -> queueEvents(check, finished), finished));
          } catch (RejectedExecutionException e) {
            finished.run();
          }
        },
        finished);
  }

  // ------------------------------------------------------------------ FapiFacts: the transport's
  // link

  @Override
  public Optional<String> clientToken() {
    return current.state().clientToken();
  }

  @Override
  public void responseSeen(ResponseFacts facts) {
    applyAndWait(() -> onResponse(facts));
  }

  private void onResponse(ResponseFacts f) {
    SessionState s = f.clientSeen() ? reconnected(current.state()) : current.state();
    Optional<String> held = s.clientToken();
    SessionState next = s;
    if (f.rotatedToken().isPresent()) {
      if (f.sentToken().equals(held)) {
        String rotated = f.rotatedToken().get();
        next = next.withClientToken(rotated.isEmpty() ? Optional.empty() : Optional.of(rotated));
      } else {
        LOG.log(
            Level.DEBUG,
            "Ignored a client-token rotation from a response to a request sent with another token");
      }
    }
    if (f.clientSeen()) {
      // A response to a request sent with a token no longer held speaks for another identity (a
      // sign-out or a new
      // sign-in came in between) unless it is about the very client held now.
      boolean answersForgottenToken =
          s.tokenKnown()
              && !f.sentToken().equals(held)
              && !f.client().map(Client::id).equals(s.client().map(Client::id));
      boolean older =
          f.serverDate().isPresent()
              && s.clientDate().isPresent()
              && f.serverDate().get().isBefore(s.clientDate().get());
      if (answersForgottenToken) {
        LOG.log(
            Level.DEBUG,
            "Ignored a client from a response to a request sent with a token no longer held");
      } else if (older) {
        LOG.log(
            Level.DEBUG,
            "Ignored a client snapshot from {0}, older than {1}",
            f.serverDate().get(),
            s.clientDate().get());
      } else {
        next =
            next.withClient(
                f.client(), f.serverDate().isPresent() ? f.serverDate() : s.clientDate());
      }
    }
    commit(next, deletingAccount != null ? SignOutReason.ACCOUNT_DELETED : null, null);
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * Connects the transport and starts loading: the stored state (read since construction), then
   * environment and client in parallel.
   *
   * @param transport the Frontend API calls
   */
  public void start(Backend transport) {
    if (!started.compareAndSet(false, true)) return;
    this.backend = Objects.requireNonNull(transport, "transport");
    stored.thenAccept(r -> onState(() -> onRestored(r.token(), r.snapshot())));
  }

  /** What was read from storage at start-up. */
  private record Stored(Optional<String> token, PersistedSnapshot snapshot) {
    static final Stored NOTHING = new Stored(Optional.empty(), null);
  }

  private CompletableFuture<Stored> readStoredAsync() {
    CompletableFuture<Stored> result = new CompletableFuture<>();
    queueIo(
        () -> {
          try {
            result.complete(readStored());
          } finally {
            result.complete(
                Stored.NOTHING); // no effect once read; an unexpected failure reads as none
          }
        },
        () -> result.complete(Stored.NOTHING));
    return result;
  }

  /** I/O thread: reads the stored client token and snapshot. */
  private Stored readStored() {
    Optional<String> token;
    try {
      token = config.tokenStore().load();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The client token store could not be read ({0}); starting signed out",
          e.getClass().getSimpleName());
      token = Optional.empty();
    }
    writtenToken = token;
    PersistedSnapshot snapshot = null;
    if (token.isEmpty()) {
      clearSnapshotQuietly();
    } else {
      Optional<String> json;
      try {
        json = config.snapshotCache().load();
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "The cached client snapshot could not be read ({0}); loading from the network",
            e.getClass().getSimpleName());
        json = Optional.empty();
      }
      if (json.isPresent()) {
        try {
          snapshot = PersistedSnapshot.read(json.get());
          snapshotKnown = true;
          writtenSnapshot = snapshot;
          LOG.log(Level.DEBUG, "Restored the cached client snapshot");
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING,
              "The cached client snapshot is unreadable ({0}); ignoring it",
              e.getClass().getSimpleName());
          clearSnapshotQuietly();
        }
      }
    }
    return new Stored(token, snapshot);
  }

  private void onRestored(Optional<String> token, PersistedSnapshot snapshot) {
    restoreDone = true;
    SessionState s = current.state();
    boolean fromCache = false;
    if (!s.tokenKnown()) { // else a sign-out or a response decided the token first
      SessionState next = s.withClientToken(token);
      if (token.isPresent() && snapshot != null && snapshot.client() != null) {
        next =
            next.withClient(Optional.of(snapshot.client()), Optional.empty())
                .withEnvironment(Optional.ofNullable(snapshot.environment()))
                .withLoad(LoadState.loadedFromCache(), true);
        fromCache = true;
      }
      commit(next, null, null);
    }
    if (fromCache) {
      // publish the cached state before initialising the transport (OkHttp, the device id) for the
      // network load
      Runnable load = () -> onState(this::loadFromNetwork);
      queueIo(() -> queueEvents(load, () -> {}), () -> {});
    } else {
      loadFromNetwork();
    }
  }

  private void loadFromNetwork() {
    if (closed
        || loadInFlight
        || !restoreDone
        || current.state().load().phase() == LoadState.Phase.LOADED) return;
    loadInFlight = true;
    CompletableFuture<Environment> env;
    CompletableFuture<Optional<Client>> cli;
    try {
      env = backend.environment();
      cli = backend.fetchClient();
    } catch (RuntimeException e) { // the transport could not even be set up (a malformed proxy URL)
      env = CompletableFuture.failedFuture(e);
      cli = CompletableFuture.completedFuture(Optional.empty());
    }
    CompletableFuture<Environment> environment = env;
    CompletableFuture.allOf(env, cli)
        .whenComplete((ignored, failure) -> onState(() -> onLoadResult(environment, failure)));
  }

  private void onLoadResult(CompletableFuture<Environment> env, Throwable failure) {
    loadInFlight = false;
    if (closed) return;
    SessionState s = current.state();
    if (failure == null) {
      loadAttempts = 0;
      connectionLost = false;
      commit(
          s.withEnvironment(Optional.of(env.join())).withLoad(LoadState.loaded(), true),
          null,
          null);
      finishLoadWaiters(null);
      return;
    }
    ClerkException error = Failures.asClerk(failure);
    long delay = backoff.delay(loadAttempts++, Failures.retryAfter(failure)).toMillis();
    SessionState next =
        s.withLoad(LoadState.failed(error, config.clock().instant().plusMillis(delay)), s.loaded());
    if (Failures.isTransient(failure)) {
      LOG.log(
          Level.INFO,
          "Could not load from Clerk ({0}); retrying in {1} ms",
          error.getMessage(),
          delay);
    } else {
      LOG.log(
          Level.WARNING,
          "Clerk refused to load the client ({0}); starting signed out, retrying in {1} ms",
          error.code(),
          delay);
      if (Failures.isUnauthenticated(failure) || Failures.deadSessionReason(failure) != null) {
        next =
            next.withClientToken(Optional.empty()).withClient(Optional.empty(), Optional.empty());
      }
      // loaded, signed out: the app shows its sign-in screen instead of waiting
      next = next.withLoad(next.load(), true);
    }
    commit(next, null, null);
    cancelRetry();
    retryTask = schedule(() -> onState(this::loadFromNetwork), delay);
    finishLoadWaiters(error);
  }

  private void finishLoadWaiters(ClerkException error) {
    if (!firstAttempt.isDone()) callback(() -> firstAttempt.complete(null));
    AuthSnapshot snap = current.snapshot();
    for (CompletableFuture<AuthSnapshot> w : loadWaiters) {
      callback(
          () -> {
            if (error == null) {
              w.complete(snap);
            } else {
              w.completeExceptionally(error);
            }
          });
    }
    loadWaiters.clear();
  }

  private void cancelRetry() {
    if (retryTask != null) {
      retryTask.cancel(false);
      retryTask = null;
    }
  }

  /**
   * Fetches the client again now. While the load has not succeeded, retries the load at once
   * instead ("Retry now").
   *
   * @return the state after the fetch; fails with a {@link ClerkException}
   */
  public CompletableFuture<AuthSnapshot> refresh() {
    CompletableFuture<AuthSnapshot> result = new CompletableFuture<>();
    onState(
            () -> {
              if (current.state().load().phase() != LoadState.Phase.LOADED) {
                loadWaiters.add(result);
                loadAttempts = 0;
                if (!loadInFlight) cancelRetry();
                loadFromNetwork();
              } else {
                fetchClient().whenComplete((snap, e) -> complete(result, snap, e));
              }
            })
        .exceptionally(
            e -> {
              result.completeExceptionally(Failures.asClerk(e));
              return null;
            });
    return offSdkThreads(result);
  }

  /** Refetches the client; completes (on an OkHttp thread) once its facts were applied. */
  private CompletableFuture<AuthSnapshot> fetchClient() {
    return backend.fetchClient().thenApply(c -> current.snapshot());
  }

  /**
   * The app became active or inactive (window focus): inactive stops background refresh; active
   * catches up.
   */
  public void setAppActive(boolean active) {
    engine.setAppActive(active);
    if (active) {
      onState(
          () -> {
            if (current.state().load().phase() != LoadState.Phase.LOADED && !loadInFlight) {
              loadAttempts = 0;
              cancelRetry();
              loadFromNetwork();
            }
          });
    }
  }

  /**
   * Stops timers and background work, lets queued storage work finish (waiting at most {@value
   * #CLOSE_DRAIN_MILLIS} ms) and fails {@link #whenLoaded()} if it had not completed. Stored
   * credentials stay.
   */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    CompletableFuture<Void> stopped =
        onState(
            () -> {
              cancelRetry();
              engineKey = null;
              engine.clear();
              ClerkException error = closedError();
              finishLoadWaiters(error);
              if (!loaded.isDone()) callback(() -> loaded.completeExceptionally(error));
            });
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_DRAIN_MILLIS);
    try {
      stopped.get(CLOSE_DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.log(Level.DEBUG, "The state thread did not stop in time");
    }
    state.shutdown();
    try {
      state.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      io.shutdown();
      if (!io.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        LOG.log(
            Level.WARNING,
            "Storage work did not finish within {0} ms of close()",
            CLOSE_DRAIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    events.shutdown();
    callbacks.shutdown();
    if (!loaded.isDone()) loaded.completeExceptionally(closedError());
    firstAttempt.complete(null);
  }

  private static ClerkException closedError() {
    return new ClerkUsageException("client_closed", "This ClerkClient is closed");
  }

  // ------------------------------------------------------------------ the one step: commit

  /**
   * Makes {@code next} the state: tells the token engine about a session change, derives the
   * snapshot, then queues persistence (I/O thread) and publication (events thread, after the
   * persistence). State thread only.
   */
  private void commit(SessionState next, SignOutReason reason, Token renewed) {
    Current prev = current;
    next = syncEngine(next);
    AuthSnapshot snap = derive(next);
    current = new Current(next, snap);
    boolean persist =
        !prev.state().clientToken().equals(next.clientToken())
            || !prev.state().client().equals(next.client())
            || !prev.state().environment().equals(next.environment())
            || prev.snapshot().signedIn() != snap.signedIn();
    boolean firstLoaded = snap.loaded() && !loadedSignalled;
    if (firstLoaded) loadedSignalled = true;
    LoadState load = next.load();
    if (!persist
        && renewed == null
        && snap.equals(prev.snapshot())
        && load.equals(prev.state().load())) return;
    // the JavaFX views are queued on the FX thread now, before any future this step completes: an
    // FX-thread
    // continuation of that future finds the state its response brought (the streams follow the
    // persistence)
    publisher.publishView(new Published(snap, load));
    Runnable publish =
        () -> {
          publisher.publish(snap, load, reason, renewed);
          if (firstLoaded) {
            callback(
                () -> {
                  loaded.complete(snap);
                  firstAttempt.complete(null);
                });
          }
        };
    queueIo(
        () -> {
          if (persist) persist();
          queueEvents(publish, () -> {});
        },
        () -> {});
  }

  /**
   * Tells the token engine about a change of the signed-in session; picks up the claims of a seeded
   * token.
   */
  private SessionState syncEngine(SessionState next) {
    AuthSnapshot snap = derive(next);
    if (!snap.signedIn() || closed) {
      if (engineKey != null) {
        engineKey = null;
        engine.clear();
      }
      return next;
    }
    Session s = snap.session().orElseThrow();
    String org = s.lastActiveOrganizationId().orElse("");
    String key = s.id() + '\n' + org + '\n' + s.lastActiveToken().map(Token::jwt).orElse("");
    if (!key.equals(engineKey)) {
      engineKey = key;
      engine.setSession(s.id(), org, s.lastActiveToken().map(Tokens::tryDecode).orElse(null));
    }
    Optional<SessionClaims> seeded =
        engine
            .cachedDefault()
            .map(MintedToken::model)
            .filter(
                m ->
                    m instanceof SessionClaims c && c.sessionId().map(s.id()::equals).orElse(false))
            .map(SessionClaims.class::cast);
    return seeded.isPresent() && !seeded.equals(next.claims()) ? next.withClaims(seeded) : next;
  }

  private static AuthSnapshot derive(SessionState s) {
    AuthSnapshot a = AuthSnapshot.of(s.client().orElse(null), s.claims().orElse(null));
    if (a.session().map(x -> s.deadSessions().contains(x.id())).orElse(false)) {
      a =
          new AuthSnapshot(
              s.loaded(),
              a.client(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty());
    }
    if (a.loaded() != s.loaded()) {
      a =
          new AuthSnapshot(
              s.loaded(), a.client(), a.session(), a.user(), a.organization(), a.sessionClaims());
    }
    return a;
  }

  // ------------------------------------------------------------------ token engine facts

  private void onToken(MintedToken token) {
    SessionClaims claims = token.model() instanceof SessionClaims c ? c : null;
    SessionState s = reconnected(current.state());
    boolean ofCurrentSession = claims != null && claims.sessionId().equals(snapshot().sessionId());
    commit(ofCurrentSession ? s.withClaims(Optional.of(claims)) : s, null, new Token(token.jwt()));
  }

  /**
   * A refresh of the signed-in session's token failed for network or server reasons after the
   * client had loaded: the load state becomes {@code FAILED} with the engine's retry time, so a UI
   * shows the outage; the next answer from Clerk makes it {@code LOADED} again.
   */
  private void onTokenRetrying(TokenKey key, Throwable failure, long delayMillis) {
    SessionState s = current.state();
    LoadState.Phase phase = s.load().phase();
    if (closed || !key.sessionId().equals(snapshot().sessionId().orElse(null))) return;
    if (phase != LoadState.Phase.LOADED && !(connectionLost && phase == LoadState.Phase.FAILED)) {
      return; // still loading: the load's own retries report
    }
    connectionLost = true;
    Instant retryAt = config.clock().instant().plusMillis(delayMillis);
    commit(
        s.withLoad(LoadState.failed(Failures.asClerk(failure), retryAt), s.loaded()), null, null);
  }

  /** {@code s}, back to {@code LOADED} when Clerk answers after a lost connection. */
  private SessionState reconnected(SessionState s) {
    if (!connectionLost) return s;
    connectionLost = false;
    return s.load().phase() == LoadState.Phase.FAILED ? s.withLoad(LoadState.loaded(), true) : s;
  }

  private void onTokenFailure(TokenKey key, Throwable failure) {
    SignOutReason reason = Failures.deadSessionReason(failure);
    String sid = snapshot().sessionId().orElse(null);
    if (reason != null && key.sessionId().equals(sid)) {
      String code = Failures.asClerk(failure).code();
      LOG.log(Level.INFO, "The session ended on the server ({0}); signing out locally", code);
      SessionState next = current.state().withDead(Set.of(sid)).withClaims(Optional.empty());
      boolean tokenRefused = "authentication_invalid".equals(code);
      if (tokenRefused) {
        // the client token itself is refused: forget it, the next sign-in starts a new client
        next =
            next.withClientToken(Optional.empty()).withClient(Optional.empty(), Optional.empty());
      }
      commit(next, reason, null);
      if (!tokenRefused) fetchClient().exceptionally(e -> null);
    } else if (Failures.needsClientRefresh(failure)) {
      LOG.log(Level.DEBUG, "Refetching the client after {0}", Failures.asClerk(failure).code());
      fetchClient().exceptionally(e -> null);
    }
  }

  // ------------------------------------------------------------------ tokens

  /** The default token; the cached path allocates nothing. */
  public CompletableFuture<Optional<String>> getToken() {
    CompletableFuture<Optional<String>> f = engine.getToken();
    if (f.isDone()) {
      if (f != CompletedTokenFuture.EMPTY || firstAttempt.isDone()) return f;
      return offSdkThreads(firstAttempt.thenCompose(x -> engine.getToken()));
    }
    return offSdkThreads(f);
  }

  /** A token as the options say. */
  public CompletableFuture<Optional<String>> getToken(GetTokenOptions options) {
    if (options == null) return getToken();
    if (!engine.hasSession() && !firstAttempt.isDone()) {
      return offSdkThreads(firstAttempt.thenCompose(x -> engine.getToken(options)));
    }
    CompletableFuture<Optional<String>> f = engine.getToken(options);
    return f.isDone() ? f : offSdkThreads(f);
  }

  // ------------------------------------------------------------------ verbs

  /**
   * Signs out of every session: forgets the client token and the client, clears the stored token
   * and snapshot (durably, on the I/O thread), and only then tells Clerk with the forgotten token.
   *
   * @return completes when Clerk answered (or the request failed: local state is cleared anyway)
   */
  public CompletableFuture<Void> signOutAll() {
    return signOutLocally(SignOutReason.USER_ACTION, true);
  }

  private CompletableFuture<Void> signOutLocally(SignOutReason reason, boolean tellClerk) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    onState(
            () -> {
              SessionState s = current.state();
              Optional<String> token = s.clientToken();
              Set<String> sessions =
                  s.client()
                      .map(c -> c.sessions().stream().map(Session::id).collect(Collectors.toSet()))
                      .orElse(Set.of());
              commit(
                  s.withDead(sessions)
                      .withClaims(Optional.empty())
                      .withClientToken(Optional.empty())
                      .withClient(Optional.empty(), s.clientDate()),
                  reason,
                  null);
              // queued after the commit's persistence: storage is clear before the request leaves
              queueIo(
                  () -> {
                    if (token.isEmpty() || !tellClerk) {
                      result.complete(null);
                      return;
                    }
                    backend
                        .removeAllSessions(token.get())
                        .whenComplete(
                            (v, failure) -> {
                              if (failure != null) {
                                LOG.log(
                                    Level.INFO,
                                    "The sign-out request failed ({0}); local state is cleared anyway",
                                    Failures.asClerk(failure).code());
                              }
                              result.complete(null);
                            });
                  },
                  () -> result.complete(null));
            })
        .exceptionally(
            e -> {
              result.completeExceptionally(Failures.asClerk(e));
              return null;
            });
    return offSdkThreads(result);
  }

  /** Signs out of one session; when it is the current one, local state clears at once. */
  public CompletableFuture<Void> signOut(String sessionId) {
    if (sessionId == null || sessionId.isBlank()) {
      return CompletableFuture.failedFuture(
          new ClerkUsageException("invalid_argument", "signOut(sessionId) needs a session id"));
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    onState(
            () -> {
              boolean isCurrent = sessionId.equals(snapshot().sessionId().orElse(null));
              if (isCurrent) {
                commit(
                    current.state().withDead(Set.of(sessionId)).withClaims(Optional.empty()),
                    SignOutReason.USER_ACTION,
                    null);
              }
              backend
                  .removeSession(sessionId)
                  .whenComplete(
                      (v, failure) -> {
                        if (failure == null || isCurrent) {
                          if (failure != null) {
                            LOG.log(
                                Level.INFO,
                                "Removing the session failed ({0})",
                                Failures.asClerk(failure).code());
                          }
                          result.complete(null);
                        } else {
                          result.completeExceptionally(Failures.asClerk(failure));
                        }
                      });
            })
        .exceptionally(
            e -> {
              result.completeExceptionally(Failures.asClerk(e));
              return null;
            });
    return offSdkThreads(result);
  }

  /** Makes another session (and organization) current. */
  public CompletableFuture<AuthSnapshot> setActive(String sessionId, String organizationId) {
    if (sessionId == null || sessionId.isBlank()) {
      return CompletableFuture.failedFuture(
          new ClerkUsageException("invalid_argument", "setActive needs a session id"));
    }
    return backend
        .touchSession(sessionId, organizationId == null ? "" : organizationId)
        .thenCompose(v -> fetchClient());
  }

  /** Reloads the signed-in user. */
  public CompletableFuture<User> reloadUser() {
    Optional<String> sid = snapshot().sessionId();
    if (sid.isEmpty()) return notSignedIn();
    return applyUser(backend.me(sid.get()));
  }

  /**
   * Applies a user that a {@code /v1/me} call returned (responses without a piggybacked client
   * still reach the state this way); returns once applied. Any thread.
   *
   * @param user the user
   * @return the same user
   */
  public User userChanged(User user) {
    applyAndWait(() -> putUser(user));
    return user;
  }

  /** Puts a user fetched from {@code /v1/me} into the client's sessions, then completes with it. */
  private CompletableFuture<User> applyUser(CompletableFuture<User> call) {
    return offSdkThreads(
        call.thenCompose(user -> onState(() -> putUser(user)).thenApply(v -> user)));
  }

  private void putUser(User user) {
    SessionState s = current.state();
    if (s.client().isPresent()) {
      commit(
          s.withClient(s.client().map(c -> PersistedSnapshot.withUser(c, user)), s.clientDate()),
          null,
          null);
    }
  }

  /**
   * Says that the user's account is being deleted ({@code DELETE /v1/me} in flight), so the
   * sign-out its answer brings is reported as {@link SignOutReason#ACCOUNT_DELETED}; null when the
   * request ended without deleting.
   *
   * @param sessionId the session deleting its user, or null
   */
  public void accountDeletion(String sessionId) {
    this.deletingAccount = sessionId;
  }

  /**
   * The user's account was deleted on the server: local state signs out with {@link
   * SignOutReason#ACCOUNT_DELETED} and the stored client token and snapshot are cleared.
   *
   * @return completes when storage is cleared
   */
  public CompletableFuture<Void> accountDeleted() {
    deletingAccount = null;
    return signOutLocally(SignOutReason.ACCOUNT_DELETED, false);
  }

  /** Work that may block (reading a file the app named), off the SDK's serial threads. */
  public java.util.concurrent.Executor blockingWork() {
    return callbacks;
  }

  private static <T> CompletableFuture<T> notSignedIn() {
    return CompletableFuture.failedFuture(
        new ClerkUsageException("not_signed_in", "No user is signed in"));
  }

  // ------------------------------------------------------------------ persistence (I/O thread)

  /**
   * Persists the state current now (not the one of the step that queued this): client token, then
   * snapshot.
   */
  private void persist() {
    Current now = current;
    SessionState s = now.state();
    if (!s.tokenKnown()) return;
    Optional<String> token = s.clientToken();
    if (!token.equals(writtenToken)) {
      try {
        if (token.isPresent()) {
          config.tokenStore().save(token.get());
        } else {
          config.tokenStore().clear();
        }
        writtenToken = token;
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Could not update the stored client token ({0})",
            e.getClass().getSimpleName());
      }
    }
    PersistedSnapshot snapshot =
        now.snapshot().signedIn() && s.client().isPresent() && token.isPresent()
            ? PersistedSnapshot.of(s.client().get(), s.environment().orElse(null))
            : null;
    // equal models write equal JSON, so an unchanged snapshot is never serialised again
    if (snapshotKnown && same(snapshot, writtenSnapshot)) return;
    if (snapshot == null) {
      clearSnapshotQuietly();
      return;
    }
    try {
      config.snapshotCache().save(snapshot.toJson());
      snapshotKnown = true;
      writtenSnapshot = snapshot;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Could not save the client snapshot ({0})", e.getClass().getSimpleName());
    }
  }

  /**
   * Equal snapshots; the same client and environment objects (the usual case) are compared first.
   */
  private static boolean same(PersistedSnapshot a, PersistedSnapshot b) {
    if (a == null || b == null) return a == b;
    return (a.client() == b.client() && a.environment() == b.environment()) || a.equals(b);
  }

  private void clearSnapshotQuietly() {
    try {
      config.snapshotCache().clear();
      snapshotKnown = true;
      writtenSnapshot = null;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not delete the client snapshot ({0})",
          e.getClass().getSimpleName());
    }
  }

  // ------------------------------------------------------------------ executors

  /**
   * Queues a step on the state thread; the future completes there after it ran (not for app code).
   */
  private CompletableFuture<Void> onState(Runnable step) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      state.execute(
          () -> {
            try {
              step.run();
              done.complete(null);
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "A state step failed", e);
              done.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(closedError());
    }
    return done;
  }

  /**
   * Applies a step and returns once it ran; on the state thread itself it is only queued (it cannot
   * wait there).
   */
  private void applyAndWait(Runnable step) {
    CompletableFuture<Void> done = onState(step);
    if (SdkThreads.onThreadOf(stateOwner)) return;
    try {
      done.join(); // the state thread never waits for anything, so this is short
    } catch (CompletionException e) {
      LOG.log(Level.DEBUG, "A fact was not applied: {0}", e.getCause().getClass().getSimpleName());
    }
  }

  private void queueIo(Runnable task, Runnable ifClosed) {
    try {
      io.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "A storage step failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      ifClosed.run();
    }
  }

  private void queueEvents(Runnable task, Runnable ifClosed) {
    try {
      events.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "A publishing step failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      ifClosed.run();
    }
  }

  /** Runs app-facing completions on a {@code clerk-fx-callback} thread (inline once closed). */
  private void callback(Runnable r) {
    try {
      callbacks.execute(r);
    } catch (RejectedExecutionException closedNow) {
      r.run();
    }
  }

  /**
   * Returns a future completed like {@code f}, but never on an SDK serial thread (app code may
   * block there).
   */
  private <T> CompletableFuture<T> offSdkThreads(CompletableFuture<T> f) {
    CompletableFuture<T> out = new CompletableFuture<>();
    f.whenComplete(
        (v, e) -> {
          Runnable r = () -> complete(out, v, e);
          if (SdkThreads.onSdkThread()) {
            callback(r);
          } else {
            r.run();
          }
        });
    return out;
  }

  private static <T> void complete(CompletableFuture<T> f, T value, Throwable failure) {
    if (failure == null) {
      f.complete(value);
    } else {
      Throwable t = Failures.unwrap(failure);
      f.completeExceptionally(t instanceof ClerkException ? t : Failures.asClerk(t));
    }
  }

  private ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
    try {
      return config.scheduler().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.DEBUG, "Scheduler closed; not retrying");
      return null;
    }
  }
}
