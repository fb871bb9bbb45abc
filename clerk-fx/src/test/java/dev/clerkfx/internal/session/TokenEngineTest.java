package dev.clerkfx.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import dev.clerkfx.ClerkNetworkException;
import dev.clerkfx.GetTokenOptions;
import dev.clerkfx.RefreshPolicy;
import dev.clerkfx.testkit.VirtualTimeScheduler;
import dev.clerkfx.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenEngineTest {
  private static final String SID = "sess_1";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock, clock::advance);
  private final FakeFetcher fetcher = new FakeFetcher();
  private final List<Object> refreshed = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final List<Long> retries = new CopyOnWriteArrayList<>();
  private TokenEngine engine;
  private boolean clearOnFailure;

  /** Server time minus local time; the fake server mints with this skew. */
  private long skewMillis;

  @BeforeEach
  void setUp() {
    engine = newEngine(RefreshPolicy.defaults());
  }

  @AfterEach
  void tearDown() {
    scheduler.shutdownNow();
  }

  private TokenEngine newEngine(RefreshPolicy policy) {
    return new TokenEngine(
        clock,
        scheduler,
        policy,
        fetcher,
        new TokenEngine.Listener() {
          @Override
          public void tokenRefreshed(TokenKey key, MintedToken token, boolean defaultKey) {
            refreshed.add(token);
          }

          @Override
          public void fetchFailed(TokenKey key, Throwable failure) {
            failures.add(failure);
            if (clearOnFailure && Failures.deadSessionReason(failure) != null) engine.clear();
          }

          @Override
          public void retrying(TokenKey key, Throwable failure, long delayMillis) {
            retries.add(delayMillis);
          }
        },
        new Backoff(policy, () -> 0.5));
  }

  /** The lifetime of the fake server's tokens. */
  private long lifetimeMillis = 60_000;

  /**
   * How far the response Date runs ahead of the time the fake server mints with (a proxy's fast
   * clock).
   */
  private long dateAheadMillis;

  private MintedToken mint(TokenKey key, long serverNow, int n) {
    return new MintedToken(
        "jwt-" + n,
        key.sessionId(),
        key.organizationId(),
        serverNow / 1000 * 1000,
        serverNow / 1000 * 1000 + lifetimeMillis,
        0,
        serverNow + dateAheadMillis,
        null);
  }

  /**
   * A fake FAPI token endpoint: answers at once (auto) or holds calls until the test completes
   * them.
   */
  private final class FakeFetcher implements TokenEngine.Fetcher {
    final AtomicInteger calls = new AtomicInteger();
    final List<CompletableFuture<MintedToken>> held = new CopyOnWriteArrayList<>();
    final List<TokenKey> keys = new CopyOnWriteArrayList<>();
    volatile boolean auto = true;
    volatile RuntimeException failWith;

    @Override
    public CompletableFuture<MintedToken> fetch(TokenKey key, boolean force) {
      int n = calls.incrementAndGet();
      keys.add(key);
      if (failWith != null) return CompletableFuture.failedFuture(failWith);
      if (auto) return CompletableFuture.completedFuture(mint(key, clock.millis() + skewMillis, n));
      CompletableFuture<MintedToken> f = new CompletableFuture<>();
      held.add(f);
      return f;
    }
  }

  private static ClerkApiException apiError(int status, String code) {
    return new ClerkApiException(
        status, List.of(new ClerkError(code, code, code, Map.of())), null, null);
  }

  @Test
  @org.junit.jupiter.api.Timeout(30)
  void aFastDateIsJudgedFromLocalReceiptNotAsExpiredOnArrival() {
    dateAheadMillis = 55_000;
    engine.setSession(SID, "", null);
    scheduler.advance(Duration.ofMinutes(10));
    // one request per 50 s (60 s lifetime minus the 10 s buffer), not one per scheduler tick
    assertThat(fetcher.calls.get()).isBetween(12, 13);
    assertThat(engine.getToken()).isDone();
  }

  @Test
  @org.junit.jupiter.api.Timeout(30)
  void aTokenStaleOnArrivalIsFetchedAtMostOncePerMinimumInterval() {
    lifetimeMillis = 8_000; // shorter than the 10 s buffer: never "fresh"
    engine.setSession(SID, "", null);
    for (int i = 0; i < 60; i++) {
      scheduler.advance(Duration.ofSeconds(1));
      assertThat(engine.getToken()).isDone();
    }
    assertThat(fetcher.calls.get())
        .isLessThanOrEqualTo(1 + 60_000 / (int) TokenEngine.MIN_REFETCH_INTERVAL_MILLIS);
    // a caller who insists still gets a fresh one
    int before = fetcher.calls.get();
    engine.getToken(GetTokenOptions.defaults().withSkipCache(true)).join();
    assertThat(fetcher.calls.get()).isEqualTo(before + 1);
  }

  @Test
  void callersWaitingOnAStalledRequestGetAFresherTokenAndItsLateFailureIsIgnored() {
    fetcher.auto = false;
    engine.setAppActive(false);
    engine.setSession(SID, "", null);
    CompletableFuture<Optional<String>> waiting = engine.getToken();
    CompletableFuture<Optional<String>> forced =
        engine.getToken(GetTokenOptions.defaults().withSkipCache(true));
    assertThat(fetcher.calls).hasValue(2);

    fetcher.held.get(1).complete(mint(new TokenKey(SID, "", null), clock.millis(), 2));

    assertThat(forced).isCompletedWithValue(Optional.of("jwt-2"));
    assertThat(waiting).isCompletedWithValue(Optional.of("jwt-2"));
    engine.setAppActive(true);
    fetcher
        .held
        .get(0)
        .completeExceptionally(
            new ClerkNetworkException(ClerkNetworkException.Kind.TIMEOUT, "t", null));
    scheduler.advance(Duration.ofSeconds(30));
    assertThat(fetcher.calls).as("no retry for a superseded request").hasValue(2);
    assertThat(failures).isEmpty();
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-2"));
  }

  @Test
  void aThrowingListenerNeverLeavesACallerWaiting() {
    TokenEngine throwing =
        new TokenEngine(
            clock,
            scheduler,
            RefreshPolicy.defaults(),
            fetcher,
            new TokenEngine.Listener() {
              @Override
              public void tokenRefreshed(TokenKey key, MintedToken token, boolean defaultKey) {}

              @Override
              public void fetchFailed(TokenKey key, Throwable failure) {
                throw new IllegalStateException("listener bug");
              }

              @Override
              public void retrying(TokenKey key, Throwable failure, long delayMillis) {
                throw new IllegalStateException("listener bug");
              }
            },
            new Backoff(RefreshPolicy.defaults(), () -> 0.5));
    fetcher.failWith = apiError(403, "forbidden");
    throwing.setAppActive(false);
    throwing.setSession(SID, "", null);
    assertThat(throwing.getToken()).isCompletedExceptionally();
  }

  @Test
  void signedOutAnswersEmptyWithoutAnyRequest() {
    assertThat(engine.getToken()).isCompletedWithValue(Optional.empty());
    assertThat(engine.getToken(GetTokenOptions.template("t")))
        .isCompletedWithValue(Optional.empty());
    scheduler.advance(Duration.ofMinutes(10));
    assertThat(fetcher.calls).hasValue(0);
  }

  @Test
  void thousandConcurrentCallersAtAColdCacheShareOneRequest() throws Exception {
    fetcher.auto = false;
    engine.setAppActive(false); // keep the background refresher out of the count
    engine.setSession(SID, "", null);
    int n = 1000;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<CompletableFuture<Optional<String>>>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return engine.getToken();
              },
              pool));
    }
    start.countDown();
    CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
    assertThat(fetcher.calls).hasValue(1);
    fetcher.held.get(0).complete(mint(new TokenKey(SID, "", null), clock.millis(), 1));
    for (var r : results) {
      assertThat(r.get().get(5, TimeUnit.SECONDS)).contains("jwt-1");
    }
    pool.shutdownNow();
    assertThat(fetcher.calls).hasValue(1);
  }

  @Test
  void callersRacingTheAnswerNeverStartASecondRequest() throws Exception {
    fetcher.auto = false;
    engine.setAppActive(false);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (int round = 0; round < 50; round++) {
        engine.clear();
        engine.setSession("sess_" + round, "", null);
        int before = fetcher.calls.get();
        CountDownLatch go = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> hammering = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          hammering.add(
              pool.submit(
                  () -> {
                    go.await();
                    for (int i = 0; i < 2_000; i++) engine.getToken();
                    return null;
                  }));
        }
        go.countDown();
        while (fetcher.held.size() <= round) Thread.onSpinWait();
        fetcher
            .held
            .get(round)
            .complete(mint(new TokenKey("sess_" + round, "", null), clock.millis(), round));
        for (var h : hammering) h.get(10, TimeUnit.SECONDS);
        assertThat(fetcher.calls.get() - before).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void cachedTokenIsTheSameSharedFutureWhileMoreThanTheBufferRemains() {
    engine.setAppActive(false);
    engine.setSession(SID, "", null);
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-1"));
    CompletableFuture<Optional<String>> first = engine.getToken();
    clock.advance(Duration.ofMillis(49_999)); // 10.001 s left
    assertThat(engine.getToken()).isSameAs(first);
    assertThat(fetcher.calls).hasValue(1);
    assertThatThrownBy(() -> first.obtrudeValue(Optional.of("evil")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(first.complete(Optional.of("evil"))).isFalse();
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-1"));
  }

  @Test
  void atTheBufferTheOldTokenIsServedWhileARefreshRuns() {
    fetcher.auto = false;
    engine.setAppActive(false);
    engine.setSession(SID, "", null);
    CompletableFuture<Optional<String>> first = engine.getToken();
    fetcher.held.get(0).complete(mint(new TokenKey(SID, "", null), clock.millis(), 1));
    clock.advance(Duration.ofSeconds(50)); // exactly the buffer left: no longer "fresh"
    CompletableFuture<Optional<String>> second = engine.getToken();
    assertThat(second).isCompletedWithValue(Optional.of("jwt-1"));
    assertThat(fetcher.calls).hasValue(2); // refresh started
    fetcher.held.get(1).complete(mint(new TokenKey(SID, "", null), clock.millis(), 2));
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-2"));
    assertThat(first).isCompletedWithValue(Optional.of("jwt-1"));
  }

  @Test
  void closeToExpiryTheCallerWaitsForTheNewToken() {
    fetcher.auto = false;
    engine.setAppActive(false);
    engine.setSession(SID, "", null);
    engine.getToken();
    fetcher.held.get(0).complete(mint(new TokenKey(SID, "", null), clock.millis(), 1));
    clock.advance(Duration.ofSeconds(55)); // 5 s left = half the buffer
    CompletableFuture<Optional<String>> waiting = engine.getToken();
    assertThat(waiting).isNotDone();
    fetcher.held.get(1).complete(mint(new TokenKey(SID, "", null), clock.millis(), 2));
    assertThat(waiting).isCompletedWithValue(Optional.of("jwt-2"));
  }

  @Test
  void expiryIsJudgedOnServerTimeSoAFastOrSlowLocalClockDoesNotMatter() {
    engine.setAppActive(false);
    for (long skew : new long[] {-3_600_000L, 3_600_000L, 0L}) {
      skewMillis = skew; // the server is an hour behind / ahead of this machine
      engine.clear();
      int before = fetcher.calls.get();
      engine.setSession(SID, "", null);
      assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-" + (before + 1)));
      clock.advance(Duration.ofSeconds(45));
      assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-" + (before + 1)));
      assertThat(fetcher.calls).hasValue(before + 1);
    }
  }

  @Test
  void withoutADateHeaderTheTokensIatStandsInForServerTime() {
    engine.setAppActive(false);
    TokenKey key = new TokenKey(SID, "", null);
    fetcher.auto = false;
    engine.setSession(SID, "", null);
    CompletableFuture<Optional<String>> f = engine.getToken();
    long serverNow = clock.millis() - 3_600_000L; // server an hour behind, no Date header
    fetcher
        .held
        .get(0)
        .complete(new MintedToken("jwt-x", SID, "", serverNow, serverNow + 60_000, 0, 0, null));
    assertThat(f).isCompletedWithValue(Optional.of("jwt-x"));
    clock.advance(Duration.ofSeconds(40));
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-x"));
    assertThat(fetcher.calls).hasValue(1);
  }

  @Test
  void aDateHeaderBehindTheTokensIatIsNotTrusted() {
    engine.setAppActive(false);
    fetcher.auto = false;
    engine.setSession(SID, "", null);
    CompletableFuture<Optional<String>> f = engine.getToken();
    long t = clock.millis();
    // a proxy dated the response two minutes early; the token was minted now
    fetcher
        .held
        .get(0)
        .complete(new MintedToken("jwt-x", SID, "", t, t + 60_000, 0, t - 120_000, null));
    assertThat(f).isCompletedWithValue(Optional.of("jwt-x"));
    clock.advance(Duration.ofSeconds(51));
    assertThat(engine.getToken())
        .isCompletedWithValue(Optional.of("jwt-x")); // grace window, refresh started
    assertThat(fetcher.calls).hasValue(2);
  }

  @Test
  void anOlderResponseArrivingLastNeverReplacesAFresherToken() {
    fetcher.auto = false;
    engine.setAppActive(false);
    engine.setSession(SID, "", null);
    TokenKey key = new TokenKey(SID, "", null);
    engine.getToken(GetTokenOptions.defaults().withSkipCache(true));
    engine.getToken(GetTokenOptions.defaults().withSkipCache(true));
    long t = clock.millis();
    // second request answered first with a later iat, then the first one with an earlier iat
    fetcher.held.get(1).complete(new MintedToken("newer", SID, "", t, t + 60_000, 0, t, null));
    fetcher
        .held
        .get(0)
        .complete(new MintedToken("older", SID, "", t - 5_000, t + 55_000, 0, t, null));
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("newer"));
    // oiat beats iat
    engine.getToken(GetTokenOptions.defaults().withSkipCache(true));
    fetcher
        .held
        .get(2)
        .complete(
            new MintedToken(
                "high-iat-low-oiat", SID, "", t + 1_000, t + 61_000, t - 9_000, t, null));
    engine.getToken(GetTokenOptions.defaults().withSkipCache(true));
    fetcher
        .held
        .get(3)
        .complete(new MintedToken("low-oiat", SID, "", t + 2_000, t + 62_000, t - 10_000, t, null));
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("high-iat-low-oiat"));
    assertThat(key.organizationId()).isEmpty();
  }

  @Test
  void lastActiveTokenSeedsTheCacheWhenSessionAndOrganizationMatch() {
    engine.setAppActive(false);
    long t = clock.millis();
    engine.setSession(
        SID, "org_1", new MintedToken("seed", SID, "org_1", t, t + 60_000, 0, t, null));
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("seed"));
    assertThat(fetcher.calls).hasValue(0);

    engine.clear();
    engine.setSession(
        SID, "org_2", new MintedToken("seed", SID, "org_1", t, t + 60_000, 0, t, null));
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-1"));
    assertThat(fetcher.keys.get(0)).isEqualTo(new TokenKey(SID, "org_2", null));
  }

  @Test
  void anExpiredSeedIsIgnored() {
    engine.setAppActive(false);
    long t = clock.millis() - 120_000;
    engine.setSession(SID, "", new MintedToken("old", SID, "", t, t + 60_000, 0, t, null));
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-1"));
  }

  @Test
  void templatesAndOtherOrganizationsAreCachedSeparately() {
    engine.setAppActive(false);
    engine.setSession(SID, "org_1", null);
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-1"));
    assertThat(engine.getToken(GetTokenOptions.template("hasura")))
        .isCompletedWithValue(Optional.of("jwt-2"));
    assertThat(engine.getToken(GetTokenOptions.template("hasura")))
        .isCompletedWithValue(Optional.of("jwt-2"));
    assertThat(engine.getToken(GetTokenOptions.defaults().withOrganizationId("")))
        .isCompletedWithValue(Optional.of("jwt-3"));
    assertThat(engine.getToken(GetTokenOptions.defaults().withOrganizationId("org_1")))
        .isCompletedWithValue(Optional.of("jwt-1"));
    assertThat(fetcher.keys)
        .containsExactly(
            new TokenKey(SID, "org_1", null),
            new TokenKey(SID, "org_1", "hasura"),
            new TokenKey(SID, "", null));
  }

  @Test
  void thirtyMinutesOfUseNeverWaitAndStayAtOneRequestPer50Seconds() {
    engine.setSession(SID, "", null);
    scheduler.runDue();
    assertThat(fetcher.calls).hasValue(1);
    for (int second = 0; second < 30 * 60; second++) {
      scheduler.advance(Duration.ofSeconds(1));
      CompletableFuture<Optional<String>> f = engine.getToken();
      assertThat(f).as("caller at %d s", second).isDone();
      assertThat(f.join()).isPresent();
    }
    // one initial token plus one refresh every 50 s
    assertThat(fetcher.calls.get()).isLessThanOrEqualTo(1 + 36);
    assertThat((fetcher.calls.get() - 1) / 30.0).isLessThanOrEqualTo(1.2);
  }

  @Test
  void noRequestsWhileInactiveAndACatchUpAtOnceOnReturn() {
    engine.setSession(SID, "", null);
    scheduler.runDue();
    assertThat(fetcher.calls).hasValue(1);
    engine.setAppActive(false);
    scheduler.advance(Duration.ofMinutes(10));
    assertThat(fetcher.calls).hasValue(1);
    assertThat(scheduler.pending()).isZero();
    engine.setAppActive(true);
    scheduler.runDue();
    assertThat(fetcher.calls).hasValue(2);
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-2"));
  }

  @Test
  void getTokenWhileInactiveStillFetchesOnDemand() {
    engine.setAppActive(false);
    engine.setSession(SID, "", null);
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-1"));
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void signOutDuringAnInFlightRefreshDropsTheLateAnswer() {
    fetcher.auto = false;
    engine.setSession(SID, "", null);
    scheduler.runDue();
    CompletableFuture<Optional<String>> waiting = engine.getToken();
    assertThat(waiting).isNotDone();
    engine.clear();
    assertThat(waiting).isCompletedWithValue(Optional.empty());
    fetcher.held.get(0).complete(mint(new TokenKey(SID, "", null), clock.millis(), 1));
    assertThat(engine.getToken()).isCompletedWithValue(Optional.empty());
    assertThat(engine.cachedDefault()).isEmpty();
    assertThat(refreshed).isEmpty();
    scheduler.advance(Duration.ofMinutes(5));
    assertThat(fetcher.calls).hasValue(1);
  }

  @Test
  void switchingSessionDropsTheOldSessionsTokens() {
    engine.setAppActive(false);
    engine.setSession(SID, "", null);
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-1"));
    engine.setSession("sess_2", "", null);
    assertThat(engine.getToken()).isCompletedWithValue(Optional.of("jwt-2"));
    assertThat(fetcher.keys).extracting(TokenKey::sessionId).containsExactly(SID, "sess_2");
  }

  @Test
  void transientBackgroundFailuresRetryWithBackoffAndKeepTheSession() {
    engine.setSession(SID, "", null);
    scheduler.runDue();
    fetcher.failWith =
        new ClerkNetworkException(ClerkNetworkException.Kind.CONNECT, "offline", null);
    scheduler.advance(Duration.ofSeconds(50)); // refresh due → fails
    assertThat(fetcher.calls).hasValue(2);
    assertThat(scheduler.nextDelay())
        .isEqualTo(Duration.ofMillis(500)); // jitter fixed at the midpoint
    scheduler.advance(Duration.ofMillis(500));
    assertThat(fetcher.calls).hasValue(3);
    assertThat(scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(1));
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(failures).isEmpty(); // transient: never reported as a session problem
    assertThat(retries)
        .as("each retry is announced with its delay")
        .containsExactly(500L, 1000L, 2000L);
    fetcher.failWith = null;
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(engine.getToken().join()).isPresent();
    assertThat(scheduler.nextDelay())
        .isGreaterThan(Duration.ofSeconds(40)); // back to the normal cadence
  }

  @Test
  void rateLimitWaitsForRetryAfter() {
    engine.setSession(SID, "", null);
    scheduler.runDue();
    fetcher.failWith = new ClerkApiException(429, List.of(), null, Duration.ofSeconds(7));
    scheduler.advance(Duration.ofSeconds(50));
    assertThat(scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void aDeadSessionIsReportedAndWaitingCallersGetNoToken() {
    clearOnFailure = true;
    engine.setAppActive(false);
    fetcher.failWith = apiError(404, "session_revoked");
    engine.setSession(SID, "", null);
    assertThat(engine.getToken()).isCompletedWithValue(Optional.empty());
    assertThat(failures).hasSize(1);
    assertThat(Failures.deadSessionReason(failures.get(0))).isNotNull();
    assertThat(engine.hasSession()).isFalse();
  }

  @Test
  void otherClientErrorsFailTheCallerWithoutClearing() {
    engine.setAppActive(false);
    fetcher.failWith = apiError(403, "user_locked");
    engine.setSession(SID, "", null);
    assertThat(engine.getToken()).isCompletedExceptionally();
    assertThat(engine.hasSession()).isTrue();
  }
}
