package dev.clerkfx.benchmarks;

import dev.clerkfx.testkit.ClerkEmulator;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 3: session-token requests per second the emulator answers on loopback (target: at least
 * 2,000/s on a 2-core machine).
 *
 * <p>Several JMH threads share one OkHttp client (keep-alive, one connection per thread) and POST
 * {@code /v1/client/sessions/{sid}/tokens} for the demo user, signed in through FAPI once per
 * trial. The emulator runs in the benchmark JVM, so client and server share the machine's cores, as
 * they do in a test suite.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EmulatorTokenThroughput -f 1 -wi 5 -i 10 -w 1s -r 1s
 * </pre>
 *
 * Five warm-up seconds: the server and OkHttp need about four before the JIT settles on a 2-core
 * machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Threads(4)
public class EmulatorTokenThroughputBenchmark {
  private ClerkEmulator emulator;
  private OkHttpClient http;
  private Request tokenRequest;

  /** Starts the emulator, signs the demo user in and prepares the token request. */
  @Setup(Level.Trial)
  public void start() {
    emulator = ClerkEmulator.start();
    http =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
            .build();
    NativeFapi fapi = new NativeFapi(http, emulator);
    tokenRequest = fapi.tokenRequest(fapi.signInDemoUser());
  }

  /** Shuts the client and the emulator down. */
  @TearDown(Level.Trial)
  public void stop() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    emulator.close();
  }

  /**
   * One session-token request, body read in full.
   *
   * @return the response body (the {@code {"object":"token","jwt":…}} JSON), consumed by JMH
   * @throws IOException if the exchange fails
   */
  @Benchmark
  public String tokenRequest() throws IOException {
    try (Response r = http.newCall(tokenRequest).execute()) {
      String body = r.body().string();
      if (r.code() != 200) {
        throw new IllegalStateException("Token request failed with HTTP " + r.code() + ": " + body);
      }
      return body;
    }
  }
}
