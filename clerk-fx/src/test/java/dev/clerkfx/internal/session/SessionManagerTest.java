package dev.clerkfx.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.clerkfx.AuthEvent;
import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import dev.clerkfx.ClerkUsageException;
import dev.clerkfx.LoadState;
import dev.clerkfx.RefreshPolicy;
import dev.clerkfx.SignOutReason;
import dev.clerkfx.internal.fapi.FapiJson;
import dev.clerkfx.internal.fapi.ResponseFacts;
import dev.clerkfx.internal.store.SnapshotCache;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.User;
import dev.clerkfx.store.InMemoryTokenStore;
import dev.clerkfx.store.TokenStore;
import dev.clerkfx.store.TokenStores;
import dev.clerkfx.testkit.VirtualTimeScheduler;
import dev.clerkfx.testsupport.MutableClock;
import dev.clerkfx.testsupport.TestData;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The state machine's rules, against a scripted backend that reports facts as the transport does.
 */
class SessionManagerTest {
  private static final String TOKEN = "client-token";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock, clock::advance);
  private final FakeBackend backend = new FakeBackend();
  private final HoldingCache snapshotCache = new HoldingCache();
  private SessionManager m;

  @AfterEach
  void tearDown() {
    if (m != null) m.close();
  }

  /**
   * A scripted FAPI: the server's client, and what the endpoints answer. Facts go to the manager
   * first.
   */
  final class FakeBackend implements Backend {
    volatile Client serverClient;
    volatile RuntimeException tokenFailure;
    volatile RuntimeException loadFailure = new ClerkApiException(503, List.of(), null, null);
    volatile RuntimeException clientFailure;
    final AtomicInteger clientFetches = new AtomicInteger();
    final AtomicInteger environmentFetches = new AtomicInteger();
    final List<String> signOutTokens = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Environment> environment() {
      environmentFetches.incrementAndGet();
      if (loadFailure != null) return CompletableFuture.failedFuture(loadFailure);
      return CompletableFuture.completedFuture(
          FapiJson.read("{\"object\":\"environment\",\"auth_config\":{}}", Environment.class));
    }

    @Override
    public CompletableFuture<Optional<Client>> fetchClient() {
      clientFetches.incrementAndGet();
      if (clientFailure != null) return CompletableFuture.failedFuture(clientFailure);
      m.responseSeen(
          new ResponseFacts(
              m.clientToken(),
              Optional.empty(),
              true,
              Optional.ofNullable(serverClient),
              Optional.empty()));
      return CompletableFuture.completedFuture(Optional.ofNullable(serverClient));
    }

    @Override
    public CompletableFuture<MintedToken> token(
        TokenKey key, boolean force, Optional<Client> c, Optional<Environment> env) {
      if (tokenFailure != null) return CompletableFuture.failedFuture(tokenFailure);
      long now = clock.millis();
      return CompletableFuture.completedFuture(
          new MintedToken(
              TestData.jwt(key.sessionId(), "user_1", now / 1000, now / 1000 + 60, null),
              key.sessionId(),
              "",
              now / 1000 * 1000,
              now / 1000 * 1000 + 60_000,
              0,
              now,
              null));
    }

    @Override
    public CompletableFuture<Void> removeAllSessions(String clientToken) {
      signOutTokens.add(clientToken);
      return new CompletableFuture<>(); // still on the wire
    }

    @Override
    public CompletableFuture<Void> removeSession(String id) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> touchSession(String id, String org) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<User> me(String id) {
      return CompletableFuture.failedFuture(new IllegalStateException());
    }
  }

  private SessionManager start(TokenStore store) {
    m =
        new SessionManager(
            new SessionManager.Config(
                clock, scheduler, RefreshPolicy.defaults(), store, snapshotCache));
    m.start(backend);
    m.whenIdle().join();
    return m;
  }

  private SessionManager signedIn(TokenStore store) {
    start(store);
    seen(TOKEN, null, TestData.signedIn("sess_1"), null);
    m.setAppActive(false);
    m.whenIdle().join();
    assertThat(m.snapshot().signedIn()).isTrue();
    return m;
  }

  /** Reports one response as the transport would. */
  private void seen(String sentWith, String rotatedTo, Client client, Instant date) {
    m.responseSeen(
        new ResponseFacts(
            Optional.ofNullable(sentWith),
            Optional.ofNullable(rotatedTo),
            client != null,
            Optional.ofNullable(client),
            Optional.ofNullable(date)));
  }

  private static ClerkApiException api(int status, String code) {
    return new ClerkApiException(
        status, List.of(new ClerkError(code, code, code, Map.of())), null, null);
  }

  private static InMemoryTokenStore storeWith(String token) {
    InMemoryTokenStore s = TokenStores.inMemory();
    if (token != null) s.save(token);
    return s;
  }

  @Test
  void anOlderClientSnapshotNeverOverwritesANewerOne() {
    start(storeWith(TOKEN));
    Instant t0 = Instant.parse("2026-11-27T16:00:00Z");
    seen(TOKEN, null, TestData.signedIn("sess_new"), t0.plusSeconds(10));
    seen(TOKEN, null, TestData.signedIn("sess_old"), t0);
    assertThat(m.snapshot().sessionId()).contains("sess_new");
  }

  @Test
  void aRotationIsTakenOnlyFromAResponseSentWithTheHeldToken() {
    start(storeWith(TOKEN));
    seen("some.older.token", "rotated.from.stale", null, null);
    assertThat(m.clientToken()).contains(TOKEN);
    seen(TOKEN, "rotated", null, null);
    assertThat(m.clientToken()).contains("rotated");
    seen("rotated", "", null, null);
    assertThat(m.clientToken()).as("an empty Authorization clears").isEmpty();
  }

  @Test
  void theRotatedTokenIsHeldBeforeAnyoneReactsToTheClientOfTheSameResponse() {
    start(storeWith(null));
    List<Optional<String>> tokenWhenSignedIn = new CopyOnWriteArrayList<>();
    m.events()
        .ofType(AuthEvent.SignedIn.class)
        .subscribe(e -> tokenWhenSignedIn.add(m.clientToken()));
    seen(null, "after.sign.in", TestData.signedIn("sess_1"), null);
    m.whenIdle().join();
    assertThat(tokenWhenSignedIn).containsExactly(Optional.of("after.sign.in"));
  }

  @Test
  void aClientAnsweringARequestSentBeforeASignOutIsIgnored() {
    signedIn(storeWith(TOKEN));
    m.signOutAll();
    m.whenIdle().join();
    assertThat(backend.signOutTokens).containsExactly(TOKEN);
    seen(
        TOKEN,
        null,
        TestData.signedIn("sess_1"),
        null); // a late answer to a refresh sent before the sign-out
    assertThat(m.snapshot().signedIn()).isFalse();
    assertThat(m.snapshot().client()).isEmpty();
  }

  @Test
  void a401WithoutASessionCodeRefetchesTheClientAndSignsOutWhenTheSessionIsGone() {
    signedIn(storeWith(TOKEN));
    TestObserver<AuthEvent> events = m.events().test();
    backend.serverClient =
        TestData.client(
            "sess_1",
            TestData.session(
                "sess_1",
                "ended",
                TestData.user("user_1", "Ada", "Lovelace", null, null),
                null,
                null));
    backend.tokenFailure = api(401, "signed_out");
    int fetches = backend.clientFetches.get();
    // the caller gets the 401, or "signed out" if the refetched client was applied first: either
    // way, no hang
    assertThat(m.getToken().handle((jwt, e) -> e != null ? e : jwt.orElse(null)))
        .succeedsWithin(Duration.ofSeconds(10))
        .satisfies(r -> assertThat(r == null || r instanceof Throwable).isTrue());
    m.whenIdle().join();
    assertThat(backend.clientFetches).hasValue(fetches + 1);
    assertThat(m.snapshot().signedIn()).isFalse();
    assertThat(events.values())
        .containsExactly(new AuthEvent.SignedOut(SignOutReason.SIGNED_OUT_ELSEWHERE));
    assertThat(m.getToken().join()).isEmpty();
  }

  @Test
  void a401AfterWhichTheClientStillHasTheSessionKeepsItSignedIn() {
    signedIn(storeWith(TOKEN));
    backend.serverClient = TestData.signedIn("sess_1");
    backend.tokenFailure = api(401, "signed_out");
    int fetches = backend.clientFetches.get();
    assertThat(m.getToken()).failsWithin(Duration.ofSeconds(10));
    m.whenIdle().join();
    assertThat(backend.clientFetches).hasValue(fetches + 1);
    assertThat(m.snapshot().signedIn()).isTrue();
    backend.tokenFailure = null;
    assertThat(m.getToken().join()).isPresent();
  }

  @Test
  void loadFailuresAreVisibleAndRetryWithBackoffUntilTheServerAnswers() {
    TestObserver<LoadState> states = new TestObserver<>();
    start(storeWith(null));
    m.loadStates().subscribe(states);
    LoadState failed = m.loadState();
    assertThat(failed.phase()).isEqualTo(LoadState.Phase.FAILED);
    assertThat(failed.error().orElseThrow()).isSameAs(backend.loadFailure);
    long first = scheduler.nextDelay().toMillis();
    assertThat(failed.nextRetryAt()).contains(clock.instant().plusMillis(first));
    assertThat(first).isBetween(400L, 600L);
    scheduler.advance(Duration.ofMillis(first));
    m.whenIdle().join();
    long second = scheduler.nextDelay().toMillis();
    assertThat(second).isBetween(800L, 1200L);
    assertThat(m.snapshot().loaded()).isFalse();

    // "Retry now": refresh() loads at once instead of waiting for the timer
    backend.loadFailure = null;
    assertThat(m.refresh().join().loaded()).isTrue();
    m.whenIdle().join();
    assertThat(m.loadState()).isEqualTo(LoadState.loaded());
    assertThat(states.values())
        .extracting(LoadState::phase)
        .endsWith(LoadState.Phase.FAILED, LoadState.Phase.LOADED);
    assertThat(scheduler.pending()).as("the pending retry was cancelled").isZero();
  }

  @Test
  void aColdStartWritesNothingBackAndTheSnapshotNeverHoldsASessionJwt() {
    String jwt = TestData.jwt("sess_1", "user_1", 1000, 1060, null);
    Client withToken =
        TestData.client(
            "sess_1",
            TestData.session(
                "sess_1",
                "active",
                TestData.user("user_1", "Ada", "Lovelace", null, null),
                null,
                jwt));
    CountingStore store = new CountingStore(TOKEN);
    start(store);
    seen(TOKEN, null, withToken, null);
    m.whenIdle().join();
    String json = snapshotCache.load().orElseThrow();
    assertThat(json).contains("sess_1").doesNotContain(jwt).doesNotContain("last_active_token\":{");
    assertThat(store.saves).as("the token read at start is not written back").isZero();
    m.close();

    int savesBefore = snapshotCache.saves;
    CountingStore again = new CountingStore(TOKEN);
    backend.clientFailure = backend.loadFailure; // offline
    start(again);
    assertThat(m.snapshot().signedIn()).isTrue();
    assertThat(m.loadState().phase())
        .isEqualTo(LoadState.Phase.FAILED); // offline: the cached state is shown
    assertThat(again.saves).isZero();
    assertThat(again.clears).isZero();
    assertThat(snapshotCache.saves)
        .as("the restored snapshot is not written back either")
        .isEqualTo(savesBefore);
  }

  @Test
  void persistenceWritesTheTokenCurrentWhenItRunsSoASignOutRacingARotationLeavesNothing()
      throws Exception {
    CountingStore store = new CountingStore(TOKEN);
    signedIn(store);
    m.whenIdle().join();
    // hold the I/O thread inside a snapshot write, then rotate the token and sign out while it is
    // held
    snapshotCache.hold();
    seen(
        TOKEN,
        null,
        TestData.client(
            "sess_1",
            TestData.session(
                "sess_1",
                "active",
                TestData.user("user_1", "Augusta", "King", null, null),
                null,
                null)),
        null);
    assertThat(snapshotCache.entered.await(10, TimeUnit.SECONDS)).isTrue();
    seen(TOKEN, "rotated.token", null, null);
    m.signOutAll();
    await()
        .until(
            () ->
                !m.snapshot()
                    .signedIn()); // the sign-out is applied while the I/O thread is still held
    snapshotCache.release();
    m.whenIdle().join();
    assertThat(store.current).isEmpty();
    assertThat(store.log).as("the rotated token was never written").containsExactly("clear");
  }

  @Test
  void signOutClearsStorageBeforeTheRequestLeavesAndCloseWaitsForIt() {
    CountingStore store = new CountingStore(TOKEN);
    signedIn(store);
    m.whenIdle().join();
    assertThat(snapshotCache.load()).isPresent();
    CompletableFuture<Void> out = m.signOutAll();
    m.close(); // the request is still on the wire (the fake never answers)
    assertThat(store.current).isEmpty();
    assertThat(snapshotCache.load()).isEmpty();
    assertThat(backend.signOutTokens).containsExactly(TOKEN);
    assertThat(store.log).endsWith("clear");
    assertThat(out).isNotCompletedExceptionally();
  }

  @Test
  void afterCloseVerbsFailTypedAndWhenLoadedFailsIfNotLoaded() {
    start(storeWith(null));
    m.close();
    assertThat(catchThrowable(() -> m.whenLoaded().join()))
        .hasCauseInstanceOf(ClerkUsageException.class);
    Throwable t = catchThrowable(() -> m.signOutAll().join());
    assertThat(t).hasCauseInstanceOf(ClerkUsageException.class);
    assertThat(((ClerkUsageException) t.getCause()).code()).isEqualTo("client_closed");
    assertThat(catchThrowable(() -> m.refresh().join()))
        .hasCauseInstanceOf(ClerkUsageException.class);
  }

  /** An in-memory snapshot cache whose next save can be held on the I/O thread. */
  static final class HoldingCache implements SnapshotCache {
    private final SnapshotCache inner = SnapshotCache.inMemory();
    volatile CountDownLatch gate;
    volatile CountDownLatch held;
    final CountDownLatch entered = new CountDownLatch(1);
    volatile int saves;

    void hold() {
      held = new CountDownLatch(1);
      gate = held;
    }

    void release() {
      held.countDown();
    }

    @Override
    public Optional<String> load() {
      return inner.load();
    }

    @Override
    public void save(String json) {
      saves++;
      CountDownLatch g = gate;
      if (g != null) {
        gate = null;
        entered.countDown();
        try {
          g.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      inner.save(json);
    }

    @Override
    public void clear() {
      inner.clear();
    }
  }

  /** A token store that records what is done to it. */
  static class CountingStore implements TokenStore {
    volatile Optional<String> current;
    volatile int saves;
    volatile int clears;
    final List<String> log = new CopyOnWriteArrayList<>();

    CountingStore(String initial) {
      current = Optional.ofNullable(initial);
    }

    @Override
    public Optional<String> load() {
      return current;
    }

    @Override
    public void save(String token) {
      saves++;
      log.add("save:" + token);
      current = Optional.of(token);
    }

    @Override
    public void clear() {
      clears++;
      log.add("clear");
      current = Optional.empty();
    }
  }
}
