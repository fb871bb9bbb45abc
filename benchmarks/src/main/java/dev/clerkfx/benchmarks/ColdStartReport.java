package dev.clerkfx.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.store.TokenStores;
import dev.clerkfx.testkit.ClerkEmulator;
import io.reactivex.rxjava3.subjects.BehaviorSubject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Cold start from the persisted snapshot, one fresh JVM per sample: how long {@code build()} takes
 * to be loaded and signed in while offline, next to how long merely loading and first using the
 * SDK's libraries (Jackson, OkHttp, RxJava) takes in a JVM of its own. The difference is what the
 * SDK itself adds.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.clerkfx.benchmarks.ColdStartReport [samples]
 * }</pre>
 *
 * <p>The parent signs the emulator's demo user in once, with storage in a temporary config
 * directory ({@code XDG_CONFIG_HOME}), stops the emulator (so every sample is offline), then runs
 * each sample as {@code java -cp <this classpath> ColdStartReport sdk|libraries <key>} and reads
 * the one number it prints. Exit status 1 when the SDK adds more than 100 ms (median).
 */
public final class ColdStartReport {
  static final String APP_ID = "clerk-fx-cold-start-report";
  static final long TARGET_MILLIS = 100;

  private ColdStartReport() {}

  /**
   * Runs the report, or one sample when called with {@code sdk} or {@code libraries}.
   *
   * @param args {@code [samples]}, or a sample mode and the publishable key
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child-signin")) {
      signIn(args[1]);
      System.exit(0);
    }
    if (args.length > 0 && (args[0].equals("sdk") || args[0].equals("libraries"))) {
      long t0 = System.nanoTime();
      if (args[0].equals("sdk")) {
        sdkSample(args[1]);
      } else {
        librariesSample();
      }
      System.out.println("elapsed_nanos=" + (System.nanoTime() - t0));
      System.exit(0);
    }
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path config = Files.createTempDirectory("clerk-fx-cold-start");
    String key;
    try (ClerkEmulator emulator = ClerkEmulator.start()) {
      key = emulator.publishableKey();
      // sign in once in a child JVM, so the storage is written exactly as an app would write it
      run(config, "signin", key);
    }
    List<Long> sdk = new ArrayList<>();
    List<Long> libs = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      libs.add(run(config, "libraries", key));
      sdk.add(run(config, "sdk", key));
    }
    long sdkMedian = median(sdk);
    long libMedian = median(libs);
    System.out.printf(
        "cold start, %d samples, fresh JVM each, offline, from the persisted snapshot%n", samples);
    System.out.printf(
        "  build() -> loaded, signed in:      median %4d ms  (min %d, max %d)%n",
        ms(sdkMedian),
        ms(sdk.stream().min(Comparator.naturalOrder()).orElseThrow()),
        ms(sdk.stream().max(Comparator.naturalOrder()).orElseThrow()));
    System.out.printf(
        "  libraries loaded and first used:   median %4d ms  (min %d, max %d)%n",
        ms(libMedian),
        ms(libs.stream().min(Comparator.naturalOrder()).orElseThrow()),
        ms(libs.stream().max(Comparator.naturalOrder()).orElseThrow()));
    long added = ms(sdkMedian - libMedian);
    System.out.printf(
        "  the SDK adds (median difference):  %4d ms  target <= %d ms: %s%n",
        added, TARGET_MILLIS, added <= TARGET_MILLIS ? "PASS" : "FAIL");
    deleteTree(config);
    System.exit(added <= TARGET_MILLIS ? 0 : 1);
  }

  /** One sample: build a client on the stored state and wait until it shows it. */
  static void sdkSample(String key) {
    ClerkClient clerk = client(key);
    AuthSnapshot s = clerk.whenLoaded().join();
    if (!s.signedIn()) throw new IllegalStateException("the cold start did not come up signed in");
  }

  /**
   * What the libraries alone cost: load and first use Jackson (parse the stored snapshot), OkHttp
   * and RxJava.
   */
  static void librariesSample() throws IOException {
    Path snapshot = TokenStores.appDirectory(APP_ID).resolve("snapshot.json");
    new ObjectMapper().readTree(Files.readString(snapshot, StandardCharsets.UTF_8));
    new OkHttpClient.Builder().build();
    BehaviorSubject<String> subject = BehaviorSubject.createDefault("x");
    var unused = subject.subscribe(v -> {}); // only loads and links RxJava's subscribe path
    subject.onNext("y");
  }

  private static ClerkClient client(String key) {
    return ClerkClient.builder(key)
        .appId(APP_ID)
        .tokenStore(TokenStores.file(TokenStores.appDirectory(APP_ID).resolve("client-token")))
        .build();
  }

  private static void signIn(String key) {
    ClerkClient clerk = client(key);
    clerk.whenLoaded().join();
    clerk.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    clerk.close(); // waits for the storage writes
  }

  private static long run(Path config, String mode, String key)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            ColdStartReport.class.getName(),
            mode.equals("signin") ? "child-signin" : mode,
            key);
    pb.environment().put("XDG_CONFIG_HOME", config.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("sample " + mode + " failed:\n" + out);
    }
    if (mode.equals("signin")) return 0;
    String line =
        out.lines()
            .filter(l -> l.startsWith("elapsed_nanos="))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no figure from " + mode + ":\n" + out));
    return Long.parseLong(line.substring("elapsed_nanos=".length()));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
