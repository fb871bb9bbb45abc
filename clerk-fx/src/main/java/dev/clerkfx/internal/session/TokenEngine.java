package dev.clerkfx.internal.session;

import dev.clerkfx.GetTokenOptions;
import dev.clerkfx.RefreshPolicy;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The session-token cache and its refresher.
 *
 * <ul>
 *   <li>One entry per (session, organization, template); the current session's default entry is
 *       also held in a field, so a cached {@link #getToken()} reads two volatile fields and the
 *       clock and returns a pre-completed shared future: no allocation.
 *   <li>Expiry is judged from the token's own {@code exp}, moved onto the local clock by the offset
 *       between server time at receipt (the response's {@code Date}, or the token's {@code iat}
 *       when that is later) and the local time at receipt. When that server-relative view is
 *       implausible for a token just fetched (less than half its lifetime left on arrival: a proxy
 *       or CDN with a fast clock), the token's own lifetime ({@code exp - iat}) is measured from
 *       local receipt instead.
 *   <li>A fetched token is not refetched by the background or by a plain {@code getToken()} within
 *       {@link #MIN_REFETCH_INTERVAL_MILLIS} of its receipt, whatever its claims say: no refresh
 *       storm.
 *   <li>Concurrent callers share one in-flight request per entry; a response never replaces a
 *       fresher token, and a fresher token cached meanwhile (a {@code skipCache} call, say) answers
 *       the callers still waiting at once.
 *   <li>While signed in and active, the default entry is refreshed in the background when it
 *       reaches the buffer (minus the policy's lead); while that refresh is in flight the previous
 *       token is still served if at least half the buffer remains, so steady callers never wait.
 *       Inactive or signed out: no timer, no request.
 *   <li>Transient failures of background refreshes retry with {@link Backoff}; other failures go to
 *       the {@link Listener}, which decides whether the session is dead.
 * </ul>
 */
final class TokenEngine {
  private static final System.Logger LOG = System.getLogger(TokenEngine.class.getName());

  /**
   * The shortest time between receiving a token and fetching its entry again (unless a caller
   * forces it).
   */
  static final long MIN_REFETCH_INTERVAL_MILLIS = 5_000;

  /** Fetches a token from Clerk. */
  @FunctionalInterface
  interface Fetcher {
    /**
     * Requests a token for {@code key}.
     *
     * @param key what to fetch
     * @param force true for a caller-forced refresh ({@code skipCache})
     * @return the token, or a future failed with a {@code ClerkException}
     */
    CompletableFuture<MintedToken> fetch(TokenKey key, boolean force);
  }

  /** Hears about new tokens and about failures the engine does not handle itself. */
  interface Listener {
    /** A token replaced the cached one for {@code key}. */
    void tokenRefreshed(TokenKey key, MintedToken token, boolean defaultKey);

    /** A fetch failed with a non-transient error (dead session, 401, 403…). */
    void fetchFailed(TokenKey key, Throwable failure);

    /**
     * A fetch of the session's default token failed transiently (network, 5xx, 429); the engine
     * retries by itself after {@code delayMillis}. Called outside the engine's locks.
     */
    void retrying(TokenKey key, Throwable failure, long delayMillis);
  }

  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Fetcher fetcher;
  private final Listener listener;
  private final long bufferMillis;
  private final long leadMillis;
  private final Backoff backoff;

  private final Object lock = new Object();
  private final ConcurrentHashMap<TokenKey, Entry> entries = new ConcurrentHashMap<>();
  private volatile Entry defaultEntry;
  private volatile long generation;
  private volatile boolean appActive = true;
  private volatile long serverOffsetMillis;

  TokenEngine(
      Clock clock,
      ScheduledExecutorService scheduler,
      RefreshPolicy policy,
      Fetcher fetcher,
      Listener listener,
      Backoff backoff) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.fetcher = fetcher;
    this.listener = listener;
    this.bufferMillis = policy.expiryBuffer().toMillis();
    this.leadMillis = policy.refreshLead().toMillis();
    this.backoff = backoff;
  }

  /** One cache slot. */
  private static final class Entry {
    final TokenKey key;
    final long generation;
    volatile CachedToken current;
    // guarded by this
    CompletableFuture<Optional<String>> inFlight;
    ScheduledFuture<?> refreshTask;
    int failures;

    Entry(TokenKey key, long generation) {
      this.key = key;
      this.generation = generation;
    }
  }

  // ------------------------------------------------------------------ session state

  /**
   * Makes {@code sessionId} (with its active organization) the current session. A different session
   * drops every cached token first; {@code seed} (the session's {@code last_active_token}) fills
   * the cache when it matches.
   */
  void setSession(String sessionId, String activeOrganizationId, MintedToken seed) {
    TokenKey key = new TokenKey(sessionId, activeOrganizationId, null);
    Entry entry;
    synchronized (lock) {
      Entry old = defaultEntry;
      if (old == null || !old.key.sessionId().equals(sessionId)) {
        dropAllLocked();
      } else if (!old.key.equals(key)) {
        cancelRefresh(old);
      }
      long gen = generation;
      entry = entries.computeIfAbsent(key, k -> new Entry(k, gen));
      defaultEntry = entry;
    }
    if (seed != null
        && sessionId.equals(seed.sessionId())
        && key.organizationId().equals(seed.organizationId())) {
      accept(entry, seed, false);
    }
    scheduleRefresh(entry, 0);
  }

  /** Signed out: drops every token, cancels timers and answers pending callers with "no token". */
  void clear() {
    synchronized (lock) {
      dropAllLocked();
      defaultEntry = null;
    }
  }

  @SuppressWarnings(
      "NonAtomicVolatileUpdate") // written only under the lock; volatile for lock-free readers
  private void dropAllLocked() {
    generation++;
    for (Entry e : entries.values()) {
      CompletableFuture<Optional<String>> pending;
      synchronized (e) {
        cancelRefresh(e);
        pending = e.inFlight;
        e.inFlight = null;
      }
      if (pending != null) pending.complete(Optional.empty());
    }
    entries.clear();
  }

  /**
   * The app became active or inactive: inactive stops background refresh, active catches up at
   * once.
   */
  void setAppActive(boolean active) {
    appActive = active;
    Entry e = defaultEntry;
    if (e == null) return;
    if (active) {
      scheduleRefresh(e, 0);
    } else {
      synchronized (e) {
        cancelRefresh(e);
      }
    }
  }

  /**
   * Records the server time of a response (for example the client's), used to judge seeded tokens.
   */
  void noteServerDate(long serverDateMillis) {
    if (serverDateMillis > 0) serverOffsetMillis = serverDateMillis - clock.millis();
  }

  /** Returns the cached default token, if any (fresh or not). */
  Optional<MintedToken> cachedDefault() {
    Entry e = defaultEntry;
    CachedToken c = e == null ? null : e.current;
    return c == null ? Optional.empty() : Optional.of(c.minted);
  }

  /** True while a session is set. */
  boolean hasSession() {
    return defaultEntry != null;
  }

  // ------------------------------------------------------------------ getToken

  /** The default token of the current session; the cached path allocates nothing. */
  CompletableFuture<Optional<String>> getToken() {
    Entry e = defaultEntry;
    if (e == null) return CompletedTokenFuture.EMPTY;
    CachedToken c = e.current;
    if (c != null && clock.millis() < c.freshUntilLocal) return c.future;
    return slowPath(e);
  }

  /** A token as the options say. */
  CompletableFuture<Optional<String>> getToken(GetTokenOptions options) {
    Entry d = defaultEntry;
    if (d == null) return CompletedTokenFuture.EMPTY;
    Entry e = d;
    if (options.template() != null || options.organizationId() != null) {
      String org =
          options.organizationId() != null ? options.organizationId() : d.key.organizationId();
      TokenKey key = new TokenKey(d.key.sessionId(), org, options.template());
      if (!key.equals(d.key)) {
        long gen = d.generation;
        e = entries.computeIfAbsent(key, k -> new Entry(k, gen));
      }
    }
    if (options.skipCache()) return startFetch(e, false, true).copy();
    CachedToken c = e.current;
    if (c != null && clock.millis() < c.freshUntilLocal) return c.future;
    return slowPath(e);
  }

  private CompletableFuture<Optional<String>> slowPath(Entry e) {
    CachedToken c = e.current;
    long now = clock.millis();
    if (c != null && now < c.refetchNotBeforeLocal) {
      // Just received and already stale by its claims: asking again now would bring the same
      // verdict.
      return c.future;
    }
    if (c != null && now < c.graceUntilLocal) {
      // Inside the buffer but far from expiry: serve it and make sure a refresh is under way.
      startFetch(e, true, false);
      return c.future;
    }
    return startFetch(e, false, false).copy();
  }

  // ------------------------------------------------------------------ fetching

  private CompletableFuture<Optional<String>> startFetch(
      Entry e, boolean background, boolean force) {
    CompletableFuture<Optional<String>> f;
    synchronized (e) {
      if (!force) {
        if (e.inFlight != null) return e.inFlight;
        // Re-check under the lock: a request that just finished has already cached its token.
        CachedToken c = e.current;
        if (c != null && clock.millis() < c.freshUntilLocal - (background ? leadMillis : 0))
          return c.future;
      }
      f = new CompletableFuture<>();
      if (!force) e.inFlight = f;
    }
    if (!isLive(e)) {
      finishInFlight(e, f);
      f.complete(Optional.empty());
      return f;
    }
    CompletableFuture<MintedToken> call;
    try {
      call = fetcher.fetch(e.key, force);
    } catch (RuntimeException ex) {
      call = CompletableFuture.failedFuture(ex);
    }
    call.whenComplete(
        (minted, failure) -> {
          try {
            onResult(e, f, minted, failure);
          } catch (Throwable unexpected) {
            // Never leave a caller waiting or the refresher stopped, whatever went wrong.
            LOG.log(Level.WARNING, "Token handling failed: {0}", unexpected.getClass().getName());
            finishInFlight(e, f);
            f.completeExceptionally(Failures.asClerk(unexpected));
            if (isLive(e)) scheduleRetry(e, unexpected);
          }
        });
    return f;
  }

  private void onResult(
      Entry e, CompletableFuture<Optional<String>> f, MintedToken minted, Throwable failure) {
    if (!isLive(e)) {
      // Signed out or switched session while this request was in flight: drop it.
      finishInFlight(e, f);
      f.complete(Optional.empty());
      return;
    }
    if (failure != null) {
      finishInFlight(e, f);
      if (f.isDone()) {
        // A fresher token answered this request's callers meanwhile: its failure no longer matters.
        LOG.log(
            Level.DEBUG,
            "A superseded token request failed: {0}",
            Failures.asClerk(failure).code());
        return;
      }
      if (Failures.isTransient(failure)) {
        LOG.log(
            Level.DEBUG,
            "Token request failed transiently: {0}",
            Failures.unwrap(failure).getMessage());
        f.completeExceptionally(Failures.asClerk(failure));
        long delay = scheduleRetry(e, failure);
        if (delay >= 0) listener.retrying(e.key, failure, delay);
      } else {
        try {
          listener.fetchFailed(e.key, failure);
        } finally {
          if (isLive(e)) {
            f.completeExceptionally(Failures.asClerk(failure));
          } else {
            f.complete(Optional.empty());
          }
        }
      }
      return;
    }
    // Cache first, then end the in-flight slot: a caller arriving in between finds the new token,
    // not a gap.
    CachedToken winner = accept(e, minted, true);
    finishInFlight(e, f);
    f.complete(Optional.of(minted.jwt()));
    if (e == defaultEntry) {
      // An out-of-order (older) answer keeps the cached token; don't spin on its due time.
      scheduleRefresh(e, winner != null ? 0 : backoff.delay(0, null).toMillis());
    }
  }

  private void finishInFlight(Entry e, CompletableFuture<Optional<String>> f) {
    synchronized (e) {
      if (e.inFlight == f) e.inFlight = null;
    }
  }

  /**
   * Caches {@code minted} unless the cached token is fresher; returns the new entry or null when
   * kept.
   */
  private CachedToken accept(Entry e, MintedToken minted, boolean fetched) {
    long now = clock.millis();
    long offset;
    // Server time at receipt: the response Date, but never earlier than the token's own iat (a
    // token cannot be
    // minted after the response was dated; a Date behind iat comes from a proxy or a second clock).
    // Taking the
    // later of the two is the conservative choice: it can only make the token look shorter-lived.
    long serverNow = fetched ? Math.max(minted.serverDateMillis(), minted.issuedAtMillis()) : 0;
    if (serverNow > 0) {
      offset = serverNow - now;
      if (!isPlausible(minted, serverNow)) {
        // Less than half its life left the moment it was minted: the Date is implausible (a proxy
        // or CDN with a
        // fast clock). Measure the token's own lifetime from local receipt, and keep the Date out
        // of the offset
        // used to judge seeded tokens.
        LOG.log(
            Level.DEBUG,
            "A response Date {0} ms ahead of the token''s iat is implausible; judging the token "
                + "from local receipt",
            serverNow - minted.issuedAtMillis());
        offset = minted.issuedAtMillis() - now;
      } else {
        serverOffsetMillis = offset;
      }
    } else {
      offset = serverOffsetMillis;
    }
    CachedToken candidate =
        new CachedToken(
            minted,
            offset,
            bufferMillis,
            fetched ? now + MIN_REFETCH_INTERVAL_MILLIS : Long.MIN_VALUE);
    boolean replaced;
    CompletableFuture<Optional<String>> waiting = null;
    synchronized (e) {
      replaced = CachedToken.isFresher(candidate, e.current, now);
      if (replaced) {
        e.current = candidate;
        e.failures = 0;
        // Callers still waiting on another (perhaps stalled) request get this token now; that
        // request's own
        // answer, when it comes, is judged like any other.
        waiting = e.inFlight;
        e.inFlight = null;
      }
    }
    if (!replaced) return null;
    if (waiting != null) waiting.complete(Optional.of(minted.jwt()));
    if (!fetched) return candidate; // seeds are not renewals: no event
    try {
      listener.tokenRefreshed(e.key, minted, e == defaultEntry);
    } catch (RuntimeException ex) {
      LOG.log(Level.WARNING, "Token listener failed", ex);
    }
    return candidate;
  }

  /**
   * True when a token fetched at server time {@code serverNow} has at least half its own lifetime
   * left: a freshly minted token always has nearly all of it.
   */
  static boolean isPlausible(MintedToken minted, long serverNow) {
    long lifetime = minted.expiresAtMillis() - minted.issuedAtMillis();
    return minted.expiresAtMillis() - serverNow >= lifetime / 2;
  }

  private boolean isLive(Entry e) {
    return e.generation == generation && entries.get(e.key) == e;
  }

  // ------------------------------------------------------------------ scheduling

  private void scheduleRefresh(Entry e, long minDelayMillis) {
    synchronized (e) {
      cancelRefresh(e);
      if (!appActive || e != defaultEntry || !isLive(e)) return;
      CachedToken c = e.current;
      long now = clock.millis();
      long delay =
          c == null ? 0 : Math.max(c.freshUntilLocal - leadMillis, c.refetchNotBeforeLocal) - now;
      e.refreshTask = schedule(() -> backgroundRefresh(e), Math.max(delay, minDelayMillis));
    }
  }

  /** Schedules the retry of the default token; returns its delay, or -1 when none is due. */
  private long scheduleRetry(Entry e, Throwable failure) {
    synchronized (e) {
      cancelRefresh(e);
      if (!appActive || e != defaultEntry || !isLive(e)) return -1;
      long delay = backoff.delay(e.failures++, Failures.retryAfter(failure)).toMillis();
      LOG.log(Level.DEBUG, "Retrying the token refresh in {0} ms", delay);
      e.refreshTask = schedule(() -> backgroundRefresh(e), delay);
      return delay;
    }
  }

  private void backgroundRefresh(Entry e) {
    if (!appActive || e != defaultEntry || !isLive(e)) return;
    CachedToken c = e.current;
    long now = clock.millis();
    if (c != null && (now < c.freshUntilLocal - leadMillis || now < c.refetchNotBeforeLocal)) {
      scheduleRefresh(e, 0); // woke early
      return;
    }
    startFetch(e, true, false);
  }

  private ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
    try {
      return scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      return null;
    }
  }

  private static void cancelRefresh(Entry e) {
    if (e.refreshTask != null) {
      e.refreshTask.cancel(false);
      e.refreshTask = null;
    }
  }
}
