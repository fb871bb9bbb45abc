package dev.clerkfx.benchmarks;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkFx;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4a: the cached {@code getToken()} hot path — target a median of at most 50 ns and no
 * allocation ({@code gc.alloc.rate.norm} about 0 B/op with {@code -prof gc}).
 *
 * <p>The client is built as an app builds it (publishable key of an emulator on loopback, the SDK's
 * own clock and timer thread), starts signed in from a token store holding the demo user's client
 * token (an app restart with a remembered session; signing in through the SDK during set-up is
 * avoided, see "Findings" in {@code benchmarks/README.md}) and is installed in {@link ClerkFx} on a
 * headless JavaFX toolkit. One {@code getToken()} warms the cache; a 60 s token then stays fresh
 * for 50 s, longer than a fork's 8 timed seconds.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CachedGetToken -f 3 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 *
 * Average time rather than sampled time: on this class of VM a single {@code System.nanoTime()}
 * pair already costs about 50 ns, so every sampled call reads at least that (the sampled median is
 * the timer, not the call). Three forks, because the figure moves by 20-30 ns from one JVM to the
 * next on a shared 2-core machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CachedGetTokenBenchmark {
  private static final Clock BASELINE_CLOCK = Clock.systemUTC();
  private EmulatedApp app;
  private ClerkClient client;

  /**
   * Starts the emulator and the client, signs in and warms the cache.
   *
   * @throws Exception if sign-in or the first token fails
   */
  @Setup(Level.Trial)
  public void start() throws Exception {
    app = EmulatedApp.realTimeSignedIn();
    app.awaitSignedIn();
    client = app.client;
    HeadlessFx.start();
    ClerkFx.install(client);
    if (client.getToken().get(30, TimeUnit.SECONDS).isEmpty()) {
      throw new IllegalStateException("Signed in but getToken() gave no token");
    }
  }

  /** Closes the client and the emulator. */
  @TearDown(Level.Trial)
  public void stop() {
    ClerkFx.uninstall();
    app.close();
  }

  /**
   * The call an app makes: {@code client.getToken()} with the cache warm.
   *
   * @return the (already completed) future, consumed by JMH
   */
  @Benchmark
  public CompletableFuture<Optional<String>> getToken() {
    return client.getToken();
  }

  /**
   * The same call through the app-wide entry point: {@code ClerkFx.useAuth().getToken()}.
   *
   * @return the (already completed) future, consumed by JMH
   */
  @Benchmark
  public CompletableFuture<Optional<String>> useAuthGetToken() {
    return ClerkFx.useAuth().getToken();
  }

  /**
   * Baseline: the one clock read the cached path makes ({@code Clock.systemUTC().millis()}, the
   * SDK's default clock), to show how much of the figure is the platform's time source rather than
   * clerk-fx.
   *
   * @return the current time in milliseconds
   */
  @Benchmark
  public long baselineClockRead() {
    return BASELINE_CLOCK.millis();
  }
}
