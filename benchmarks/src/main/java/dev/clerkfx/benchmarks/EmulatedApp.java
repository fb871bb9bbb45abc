package dev.clerkfx.benchmarks;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.store.TokenStore;
import dev.clerkfx.store.TokenStores;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorClock;
import dev.clerkfx.testkit.RecordedRequest;
import dev.clerkfx.testkit.VirtualTimeScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * An app as a user builds it — one {@link ClerkClient} from the emulator's publishable key, an
 * in-memory token store — wired to a {@link ClerkEmulator}, optionally on emulated time: the
 * emulator and the SDK share one frozen {@link EmulatorClock}, and the SDK's timers run on a {@link
 * VirtualTimeScheduler} driven by {@link #advanceTo}.
 */
final class EmulatedApp implements AutoCloseable {
  /** The session-token endpoint, as a journal glob. */
  static final String TOKEN_PATH = "/v1/client/sessions/*/tokens";

  private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(30);

  final ClerkEmulator emulator;
  final EmulatorClock clock;
  final ClerkClient client;
  private final VirtualTimeScheduler scheduler;
  private final NetworkIdle network;
  private final Dispatcher dispatcher;

  private EmulatedApp(boolean virtualTime, boolean signedInBefore) {
    this(virtualTime, signedInBefore, null);
  }

  private EmulatedApp(boolean virtualTime, boolean signedInBefore, Interceptor onTheWire) {
    // Whole milliseconds: the SDK's timers work in millis, so due instants and journal times then
    // compare exactly.
    this.clock =
        virtualTime
            ? EmulatorClock.startingAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            : EmulatorClock.ticking();
    this.emulator = ClerkEmulator.builder().clock(clock).start();
    this.dispatcher = new Dispatcher();
    this.network = new NetworkIdle(dispatcher);
    OkHttpClient.Builder httpBuilder = new OkHttpClient.Builder().dispatcher(dispatcher);
    if (onTheWire != null) {
      httpBuilder.addNetworkInterceptor(onTheWire);
    }
    OkHttpClient http = httpBuilder.build();
    TokenStore store = TokenStores.inMemory();
    if (signedInBefore) {
      OkHttpClient setUp = new OkHttpClient();
      store = TokenStores.inMemory(new NativeFapi(setUp, emulator).signInDemoUser().clientToken());
      setUp.dispatcher().executorService().shutdown();
      setUp.connectionPool().evictAll();
    }
    ClerkClient.Builder b =
        ClerkClient.builder(emulator.publishableKey()).okHttpClient(http).tokenStore(store);
    if (virtualTime) {
      this.scheduler = VirtualTimeScheduler.on(clock);
      b.clock(clock).scheduler(scheduler);
    } else {
      this.scheduler = null;
    }
    this.client = b.build();
  }

  /**
   * Starts an emulator and a client on real time (the SDK's own clock and timer thread, as in an
   * app).
   *
   * @return the app
   */
  static EmulatedApp realTime() {
    return new EmulatedApp(false, false);
  }

  /**
   * Like {@link #realTime()}, but the demo user signed in on an earlier run: the token store
   * already holds its client token, so the client starts signed in (the cold start of an app with a
   * remembered session).
   *
   * @return the app; wait for {@link #awaitSignedIn()} before using it
   */
  static EmulatedApp realTimeSignedIn() {
    return new EmulatedApp(false, true);
  }

  /**
   * Starts an emulator and a client sharing a frozen clock, with the SDK's timers on virtual time.
   *
   * @return the app
   */
  static EmulatedApp virtualTime() {
    return new EmulatedApp(true, false);
  }

  /**
   * Like {@link #virtualTime()}, with {@code onTheWire} between the SDK and the emulator (an OkHttp
   * network interceptor standing in for a proxy that rewrites responses).
   *
   * @param onTheWire the stand-in proxy
   * @return the app
   */
  static EmulatedApp virtualTime(Interceptor onTheWire) {
    return new EmulatedApp(true, false, onTheWire);
  }

  /**
   * Waits for the client's first load, signs the demo user in through the SDK's public API and
   * waits until the client reports it signed in.
   *
   * @throws Exception if sign-in fails or takes longer than 30 s
   */
  void signInDemoUser() throws Exception {
    // As an app's sign-in screen does: wait for the first load. Signing in while the initial GET
    // /v1/client is in
    // flight loses the sign-in (see benchmarks/README.md, "Findings").
    client.whenLoaded().get(NETWORK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    settle();
    client
        .signIn()
        .withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD)
        .get(NETWORK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    awaitSnapshot(true);
    settle();
  }

  /**
   * Signs out through the SDK and waits until the client reports it signed out.
   *
   * @throws Exception if that takes longer than 30 s
   */
  void signOut() throws Exception {
    client.signOut().get(NETWORK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    awaitSnapshot(false);
    settle();
  }

  /**
   * Waits until the client reports a signed-in state.
   *
   * @throws Exception if that takes longer than 30 s
   */
  void awaitSignedIn() throws Exception {
    awaitSnapshot(true);
    settle();
  }

  private void awaitSnapshot(boolean signedIn)
      throws InterruptedException, ExecutionException, TimeoutException {
    client
        .snapshots()
        .filter(s -> s.signedIn() == signedIn)
        .firstOrError()
        .toCompletionStage()
        .toCompletableFuture()
        .get(NETWORK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * Moves emulated time to {@code target}, stopping at each timer's due instant to run it and let
   * the requests it starts finish (the loopback network takes no emulated time).
   *
   * @param target where to move the clock; not before now
   * @return how many timer tasks ran
   * @throws InterruptedException if interrupted
   */
  int advanceTo(Instant target) throws InterruptedException {
    requireVirtual();
    int ran = settle();
    while (true) {
      Instant due = scheduler.nextDue();
      if (due == null || due.isAfter(target)) {
        break;
      }
      if (due.isAfter(clock.instant())) {
        clock.set(due);
      }
      ran += settle();
    }
    if (target.isAfter(clock.instant())) {
      clock.set(target);
    }
    return ran + settle();
  }

  /**
   * Returns when the SDK's next timer falls due.
   *
   * @return the instant, or null when no timer is pending
   */
  Instant nextTimerDue() {
    requireVirtual();
    return scheduler.nextDue();
  }

  /**
   * Moves the clock to {@code instant} and runs the timers due then, without waiting for the
   * requests they start: a caller can then act while a refresh is in flight. Call {@link #settle()}
   * afterwards.
   *
   * @param instant the due instant of the next timer (nothing may be due before it)
   * @return how many timer tasks ran
   */
  int fireTimersAt(Instant instant) {
    requireVirtual();
    clock.set(instant);
    return scheduler.runDue();
  }

  /**
   * Runs the timers due now and waits for the HTTP calls they start, until nothing more is due.
   *
   * @return how many timer tasks ran
   * @throws InterruptedException if interrupted
   */
  int settle() throws InterruptedException {
    int ran = 0;
    while (true) {
      network.await(NETWORK_TIMEOUT);
      int now = scheduler == null ? 0 : scheduler.runDue();
      ran += now;
      if (now == 0) {
        network.await(NETWORK_TIMEOUT);
        if (scheduler == null
            || scheduler.nextDue() == null
            || scheduler.nextDue().isAfter(clock.instant())) {
          return ran;
        }
      }
    }
  }

  /**
   * Returns the session-token requests the emulator answered, oldest first.
   *
   * @return the journal entries for {@code POST /v1/client/sessions/{sid}/tokens}
   */
  List<RecordedRequest> tokenRequests() {
    return emulator.journal().requests("POST", TOKEN_PATH);
  }

  /**
   * Returns the emulator-clock instants of the session-token requests received after {@code from}
   * and at or before {@code to}.
   *
   * @param from exclusive start
   * @param to inclusive end
   * @return the instants, oldest first
   */
  List<Instant> tokenRequestTimes(Instant from, Instant to) {
    return tokenRequests().stream()
        .map(RecordedRequest::receivedAt)
        .filter(t -> t.isAfter(from) && !t.isAfter(to))
        .toList();
  }

  /**
   * Counts every FAPI request received after {@code from} and at or before {@code to}.
   *
   * @param from exclusive start
   * @param to inclusive end
   * @return the count
   */
  long requestsBetween(Instant from, Instant to) {
    return emulator.journal().requests().stream()
        .filter(r -> r.receivedAt().isAfter(from) && !r.receivedAt().isAfter(to))
        .count();
  }

  private void requireVirtual() {
    if (scheduler == null) {
      throw new IllegalStateException("This app runs on real time");
    }
  }

  @Override
  public void close() {
    client.close();
    dispatcher.executorService().shutdown();
    emulator.close();
  }
}
