package dev.clerkfx;

import static org.awaitility.Awaitility.await;

import dev.clerkfx.internal.session.FxDispatch;
import dev.clerkfx.internal.store.SnapshotCache;
import dev.clerkfx.store.InMemoryTokenStore;
import dev.clerkfx.store.TokenStores;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorClock;
import dev.clerkfx.testkit.VirtualTimeScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * One emulator plus clients wired to it on virtual time: the emulator's clock, a {@link
 * VirtualTimeScheduler} on that clock, in-memory token store and snapshot cache (shared by every
 * client of the harness, like one machine), one OkHttp client (so the harness can see when no
 * request is in flight), and JavaFX changes applied on the calling thread.
 */
final class EmulatorHarness implements AutoCloseable {
  static final String TOKENS = "/v1/client/sessions/*/tokens";

  final ClerkEmulator emulator;
  final VirtualTimeScheduler scheduler;
  final InMemoryTokenStore tokenStore = TokenStores.inMemory();
  final SnapshotCache snapshotCache = SnapshotCache.inMemory();
  final OkHttpClient http = new OkHttpClient();
  private final List<ClerkClient> clients = new ArrayList<>();

  private EmulatorHarness(ClerkEmulator emulator) {
    this.emulator = emulator;
    this.scheduler = new VirtualTimeScheduler(emulator.clock(), d -> emulator.clock().advance(d));
  }

  static EmulatorHarness start() {
    return start(b -> {});
  }

  static EmulatorHarness start(Consumer<ClerkEmulator.Builder> settings) {
    // a frozen clock: time moves only when a test advances it (the emulator's default clock ticks
    // in real time)
    ClerkEmulator.Builder b =
        ClerkEmulator.builder().clock(EmulatorClock.startingNow()).rateLimits(false);
    settings.accept(b);
    return new EmulatorHarness(b.start());
  }

  /** A new client on this harness's emulator, clock, scheduler and storage; loading has started. */
  ClerkClient newClient() {
    return newClient(b -> {});
  }

  ClerkClient newClient(Consumer<ClerkClient.Builder> settings) {
    ClerkClient.Builder b =
        ClerkClient.builder(emulator.publishableKey())
            .clock(emulator.clock())
            .scheduler(scheduler)
            .tokenStore(tokenStore)
            .snapshotCache(snapshotCache)
            .okHttpClient(http)
            .fxDispatch(DIRECT);
    settings.accept(b);
    ClerkClient c = b.build();
    clients.add(c);
    return c;
  }

  /** Builds a client and waits until it loaded. */
  ClerkClient loadedClient() {
    ClerkClient c = newClient();
    c.whenLoaded().join();
    settle(c);
    return c;
  }

  /** A client signed in as the demo user, with its first token fetched. */
  ClerkClient signedInClient() {
    ClerkClient c = loadedClient();
    c.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    settle(c);
    return c;
  }

  /**
   * Runs due timers, waits until no request is in flight and the client has applied, persisted and
   * published everything, and repeats until nothing more is due.
   */
  void settle(ClerkClient c) {
    for (int i = 0; i < 50; i++) {
      scheduler.runDue();
      awaitNoCalls();
      c.whenIdle().join();
      boolean due =
          scheduler.nextDelay() != null
              && (scheduler.nextDelay().isZero() || scheduler.nextDelay().isNegative());
      if (!due && calls() == 0) return;
    }
  }

  /**
   * Waits until the harness's OkHttp client has no call queued or running (their facts are then
   * queued).
   */
  void awaitNoCalls() {
    await()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> calls() == 0);
  }

  private int calls() {
    return http.dispatcher().runningCallsCount() + http.dispatcher().queuedCallsCount();
  }

  /** Moves virtual time in steps of at most {@code step}, letting requests finish after each. */
  void advance(ClerkClient c, Duration total, Duration step) {
    long left = total.toMillis();
    while (left > 0) {
      long d = Math.min(left, step.toMillis());
      scheduler.advance(Duration.ofMillis(d));
      settle(c);
      left -= d;
    }
  }

  int tokenRequests() {
    return emulator.journal().count("POST", TOKENS);
  }

  @Override
  public void close() {
    clients.forEach(ClerkClient::close);
    scheduler.shutdownNow();
    emulator.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Applies JavaFX changes on the calling thread (unit and emulator tests without a toolkit). */
  static final FxDispatch DIRECT =
      new FxDispatch() {
        @Override
        public boolean isFxThread() {
          return true;
        }

        @Override
        public void dispatch(Runnable task) {
          task.run();
        }
      };
}
