package dev.clerkfx.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clerkfx.testkit.Fault;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Issue 4b–d: the token engine's behaviour figures, measured on the emulator with emulated time,
 * printed as a table.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.clerkfx.benchmarks.TokenBehaviourReport
 * </pre>
 *
 * <ul>
 *   <li>b — {@value #CALLERS} threads call {@code getToken()} at once on a cold cache (the app was
 *       inactive for 61 emulated seconds, so the cached token expired and no refresh ran), {@value
 *       #ROUNDS} rounds: each round must cost exactly one token request. The emulator holds each
 *       token response {@value #HOLD_MILLIS} ms (real time) so every caller overlaps the request in
 *       flight.
 *   <li>c — 30 emulated minutes of active use, 60 s tokens, 10 s buffer, a caller every 1–5
 *       emulated seconds plus one at each refresh instant while that refresh is in flight (held
 *       {@value #HOLD_MILLIS} ms): no call may wait on the network after the first token (its
 *       future is done when returned), at most 1.2 token requests per minute.
 *   <li>d — 30 emulated minutes inactive with nobody asking, then 30 signed out with the caller
 *       still asking: zero token requests each.
 *   <li>e — a proxy with a fast clock: every response {@code Date} 50 s (then 55 s) ahead of the
 *       emulator, 10 emulated minutes of active use with a caller every 5 s: still at most 1.2
 *       token requests per minute (each token judged by its own lifetime from local receipt), and
 *       no returned token expired.
 * </ul>
 *
 * Emulated time: the emulator and the SDK share one frozen clock; the SDK's timers run on a virtual
 * scheduler; the loopback network takes no emulated time. The exit status is 1 when a target is
 * missed.
 */
public final class TokenBehaviourReport {
  static final int CALLERS = 1_000;
  static final int ROUNDS = 10;
  static final long HOLD_MILLIS = 200;
  private static final Duration ACTIVE_USE = Duration.ofMinutes(30);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final long SEED = 20_261_127L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Row> rows = new ArrayList<>();

  /** One line of the report. */
  private record Row(String figure, String measured, String target, Boolean pass) {}

  private TokenBehaviourReport() {}

  /**
   * Runs every scenario and prints the table.
   *
   * @param args none
   * @throws Exception if a scenario cannot run (emulator, sign-in, timeouts)
   */
  public static void main(String[] args) throws Exception {
    TokenBehaviourReport report = new TokenBehaviourReport();
    report.coldCacheConcurrency();
    report.activeUseInactiveAndSignedOut();
    report.fastDateHeader(Duration.ofSeconds(50));
    report.fastDateHeader(Duration.ofSeconds(55));
    boolean ok = report.print(System.out);
    System.exit(ok ? 0 : 1);
  }

  // ---------------------------------------------------------------- b

  private void coldCacheConcurrency() throws Exception {
    List<Integer> perRound = new ArrayList<>();
    int shared = 0;
    int distinctMax = 0;
    try (EmulatedApp app = EmulatedApp.virtualTime()) {
      app.signInDemoUser();
      requireToken(app.client.getToken().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      app.emulator
          .faults()
          .add(Fault.on("POST", EmulatedApp.TOKEN_PATH).latency(Duration.ofMillis(HOLD_MILLIS)));
      for (int round = 0; round < ROUNDS; round++) {
        app.client.setAppActive(false);
        app.advanceTo(app.clock.instant().plus(Duration.ofSeconds(61)));
        int before = app.tokenRequests().size();
        List<CompletableFuture<Optional<String>>> results = new ArrayList<>(CALLERS);
        for (int i = 0; i < CALLERS; i++) {
          results.add(null);
        }
        AtomicInteger pendingAtReturn = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(CALLERS);
        for (int i = 0; i < CALLERS; i++) {
          int index = i;
          Thread t =
              new Thread(
                  () -> {
                    ready.countDown();
                    try {
                      go.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                    CompletableFuture<Optional<String>> f = app.client.getToken();
                    if (!f.isDone()) {
                      pendingAtReturn.incrementAndGet();
                    }
                    results.set(index, f);
                  },
                  "caller-" + i);
          threads.add(t);
          t.start();
        }
        ready.await();
        go.countDown();
        for (Thread t : threads) {
          t.join(TIMEOUT.toMillis());
        }
        Set<String> tokens = new HashSet<>();
        for (CompletableFuture<Optional<String>> f : results) {
          tokens.add(requireToken(f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)));
        }
        app.client.setAppActive(true);
        app.settle();
        perRound.add(app.tokenRequests().size() - before);
        shared = Math.max(shared, pendingAtReturn.get());
        distinctMax = Math.max(distinctMax, tokens.size());
      }
    }
    boolean exactlyOne = perRound.stream().allMatch(n -> n == 1);
    rows.add(
        new Row(
            "b. token requests for "
                + CALLERS
                + " concurrent getToken() at a cold cache, per round",
            perRound.stream().map(String::valueOf).collect(Collectors.joining(","))
                + " ("
                + ROUNDS
                + " rounds)",
            "exactly 1 per round",
            exactlyOne));
    rows.add(
        new Row(
            "b. callers given the in-flight future (most in a round) / distinct tokens",
            shared + " of " + CALLERS + " / " + distinctMax,
            "-",
            null));
  }

  // ---------------------------------------------------------------- c and d

  private void activeUseInactiveAndSignedOut() throws Exception {
    try (EmulatedApp app = EmulatedApp.virtualTime()) {
      Instant signedInAt = app.clock.instant();
      app.signInDemoUser();
      boolean seeded =
          app.emulator.journal().requests("POST", "/v1/client/sign_ins").stream()
              .anyMatch(r -> r.responseBody().contains("\"last_active_token\":{"));
      CompletableFuture<Optional<String>> first = app.client.getToken();
      boolean firstDone = first.isDone();
      requireToken(first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      app.settle();
      int firstCost = app.tokenRequests().size();
      rows.add(
          new Row(
              "c. token requests until the first token after sign-in",
              firstCost
                  + (seeded
                      ? " (sign-in response seeded last_active_token)"
                      : " (no last_active_token to seed)")
                  + (firstDone ? "; first getToken() done at once" : "; first getToken() waited"),
              "-",
              null));

      // c. 30 emulated minutes of active use, counted from the first token.
      Instant start = app.clock.instant();
      Instant end = start.plus(ACTIVE_USE);
      Random random = new Random(SEED);
      int calls = 0;
      int waited = 0;
      long minRemainingMillis = Long.MAX_VALUE;
      Instant next = start.plusMillis(1_000 + random.nextInt(4_000));
      int racing = 0;
      int racingWaited = 0;
      app.emulator
          .faults()
          .add(Fault.on("POST", EmulatedApp.TOKEN_PATH).latency(Duration.ofMillis(HOLD_MILLIS)));
      while (!next.isAfter(end)) {
        Instant due = app.nextTimerDue();
        if (due != null && due.isBefore(next)) {
          // A refresh falls due first: fire it and ask for a token at that instant, while the
          // refresh is in flight.
          app.fireTimersAt(due);
          CompletableFuture<Optional<String>> f = app.client.getToken();
          racing++;
          if (!f.isDone()) {
            racingWaited++;
          }
          String jwt = requireToken(f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
          minRemainingMillis =
              Math.min(minRemainingMillis, expiry(jwt).toEpochMilli() - app.clock.millis());
          app.settle();
          continue;
        }
        app.advanceTo(next);
        CompletableFuture<Optional<String>> f = app.client.getToken();
        calls++;
        if (!f.isDone()) {
          waited++;
        }
        String jwt = requireToken(f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        minRemainingMillis =
            Math.min(minRemainingMillis, expiry(jwt).toEpochMilli() - app.clock.millis());
        next = next.plusMillis(1_000 + random.nextInt(4_000));
      }
      app.advanceTo(end);
      List<Instant> refreshes = app.tokenRequestTimes(start, end);
      long allRequests = app.requestsBetween(start, end);
      double perMinute = refreshes.size() / (double) ACTIVE_USE.toMinutes();
      Duration meanGap =
          refreshes.isEmpty()
              ? Duration.ZERO
              : Duration.between(start, refreshes.get(refreshes.size() - 1))
                  .dividedBy(refreshes.size());
      rows.add(
          new Row(
              "c. getToken() calls that waited on the network (30 min, one every 1-5 s)",
              waited + " of " + calls,
              "0",
              waited == 0));
      rows.add(
          new Row(
              "c. ... of calls made at a refresh instant, that refresh in flight (held "
                  + HOLD_MILLIS
                  + " ms)",
              racingWaited + " of " + racing,
              "0",
              racingWaited == 0));
      rows.add(
          new Row(
              "c. token requests in the 30 min after the first token",
              refreshes.size()
                  + " = "
                  + String.format("%.3f", perMinute)
                  + "/min, one per "
                  + String.format("%.3f", meanGap.toMillis() / 1000.0)
                  + " s (all FAPI: "
                  + allRequests
                  + ")",
              "<= 1.2/min",
              perMinute <= 1.2));
      rows.add(
          new Row(
              "c. least remaining life (JWT exp) of a token getToken() returned",
              String.format("%.3f s", minRemainingMillis / 1000.0),
              "> 0 s",
              minRemainingMillis > 0));

      // d. inactive, nobody asks.
      app.client.setAppActive(false);
      app.settle();
      int idleTokensBefore = app.tokenRequests().size();
      int idleAllBefore = app.emulator.journal().size();
      Instant idleEnd = app.clock.instant().plus(ACTIVE_USE);
      app.advanceTo(idleEnd);
      long idleTokens = (long) app.tokenRequests().size() - idleTokensBefore;
      long idleAll = (long) app.emulator.journal().size() - idleAllBefore;
      rows.add(
          new Row(
              "d. token requests while inactive, nobody asking (30 min)",
              idleTokens + " (all FAPI: " + idleAll + ")",
              "0",
              idleTokens == 0));
      app.client.setAppActive(true);
      app.settle();
      long catchUp = app.tokenRequests().size() - idleTokensBefore - idleTokens;
      CompletableFuture<Optional<String>> afterReturn = app.client.getToken();
      boolean readyOnReturn = afterReturn.isDone();
      requireToken(afterReturn.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      rows.add(
          new Row(
              "d. back to active: catch-up token requests / next getToken() done at once",
              catchUp + " / " + readyOnReturn,
              "-",
              null));

      // d. signed out, a caller still asking.
      app.signOut();
      int outTokensBefore = app.tokenRequests().size();
      int outAllBefore = app.emulator.journal().size();
      Instant outStart = app.clock.instant();
      Instant outEnd = outStart.plus(ACTIVE_USE);
      int outCalls = 0;
      int outTokens = 0;
      Instant at = outStart.plusMillis(1_000 + random.nextInt(4_000));
      while (at.isBefore(outEnd)) {
        app.advanceTo(at);
        Optional<String> jwt = app.client.getToken().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        outCalls++;
        if (jwt.isPresent()) {
          outTokens++;
        }
        at = at.plusMillis(1_000 + random.nextInt(4_000));
      }
      app.advanceTo(outEnd);
      long outRequests = (long) app.tokenRequests().size() - outTokensBefore;
      long outAll = (long) app.emulator.journal().size() - outAllBefore;
      rows.add(
          new Row(
              "d. token requests while signed out (30 min, getToken() every 1-5 s)",
              outRequests
                  + " (all FAPI: "
                  + outAll
                  + "; "
                  + outCalls
                  + " calls, "
                  + outTokens
                  + " gave a token)",
              "0",
              outRequests == 0 && outTokens == 0));
      rows.add(
          new Row(
              "   emulated span of this run",
              Duration.between(signedInAt, app.clock.instant()).toMinutes() + " min",
              "-",
              null));
    }
  }

  // ---------------------------------------------------------------- e

  private void fastDateHeader(Duration ahead) throws Exception {
    Duration span = Duration.ofMinutes(10);
    Interceptor fastClock =
        chain -> {
          Response r = chain.proceed(chain.request());
          Date date = r.headers().getDate("Date");
          return date == null
              ? r
              : r.newBuilder()
                  .headers(
                      r.headers()
                          .newBuilder()
                          .set("Date", new Date(date.getTime() + ahead.toMillis()))
                          .build())
                  .build();
        };
    try (EmulatedApp app = EmulatedApp.virtualTime(fastClock)) {
      app.signInDemoUser();
      requireToken(app.client.getToken().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      app.settle();
      Instant start = app.clock.instant();
      Instant end = start.plus(span);
      long minRemainingMillis = Long.MAX_VALUE;
      for (Instant at = start.plusSeconds(5); !at.isAfter(end); at = at.plusSeconds(5)) {
        app.advanceTo(at);
        String jwt = requireToken(app.client.getToken().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        minRemainingMillis =
            Math.min(minRemainingMillis, expiry(jwt).toEpochMilli() - app.clock.millis());
      }
      double perMinute = app.tokenRequestTimes(start, end).size() / (double) span.toMinutes();
      rows.add(
          new Row(
              "e. token requests/min, response Date "
                  + ahead.toSeconds()
                  + " s fast (10 min, caller every 5 s)",
              String.format(
                  "%.3f/min; least remaining life %.3f s", perMinute, minRemainingMillis / 1000.0),
              "<= 1.2/min, > 0 s",
              perMinute <= 1.2 && minRemainingMillis > 0));
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String requireToken(Optional<String> jwt) {
    return jwt.orElseThrow(
        () -> new IllegalStateException("getToken() gave no token while signed in"));
  }

  /**
   * Reads {@code exp} from a JWT's payload (decoding only: the SDK under test verified nothing here
   * either).
   */
  private static Instant expiry(String jwt) {
    String[] parts = jwt.split("\\.");
    try {
      JsonNode payload =
          JSON.readTree(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      return Instant.ofEpochSecond(payload.path("exp").asLong());
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable session token payload", e);
    }
  }

  private boolean print(PrintStream out) {
    out.println();
    out.println(
        "clerk-fx token engine behaviour on the emulator (times are emulated: 60 s tokens, 10 s buffer)");
    out.println(
        "date "
            + ZonedDateTime.now(ZoneOffset.UTC).withNano(0)
            + ", JDK "
            + Runtime.version()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    int w = rows.stream().mapToInt(r -> r.figure().length()).max().orElse(10);
    int m = rows.stream().mapToInt(r -> r.measured().length()).max().orElse(10);
    String format = "%-" + w + "s | %-" + m + "s | %-19s | %s%n";
    out.printf(format, "figure", "measured", "target", "result");
    out.println("-".repeat(w + m + 35));
    boolean ok = true;
    for (Row r : rows) {
      String result = r.pass() == null ? "" : r.pass() ? "PASS" : "FAIL";
      ok &= r.pass() == null || r.pass();
      out.printf(format, r.figure(), r.measured(), r.target(), result);
    }
    out.println(ok ? "All targets met." : "A target was missed.");
    return ok;
  }
}
