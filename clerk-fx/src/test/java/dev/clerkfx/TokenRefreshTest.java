package dev.clerkfx;

import static dev.clerkfx.EmulatorHarness.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.testkit.Fault;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The token engine against the emulator: dedup, refresh cadence, inactivity, faults and clock skew.
 */
class TokenRefreshTest {
  private EmulatorHarness h;

  @AfterEach
  void tearDown() {
    if (h != null) h.close();
  }

  @Test
  void aThousandConcurrentCallersAtAColdCacheMakeOneTokenRequest() throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    c.setAppActive(false); // keep the background refresher out of the count
    c.signIn()
        .withPassword(
            dev.clerkfx.testkit.ClerkEmulator.DEMO_EMAIL,
            dev.clerkfx.testkit.ClerkEmulator.DEMO_PASSWORD)
        .join();
    h.settle(c);
    // let the token the sign-in seeded expire, without background refreshes: the cache is cold
    h.advance(c, Duration.ofSeconds(61), Duration.ofSeconds(61));
    int before = h.tokenRequests();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Optional<String>>> results = new ArrayList<>();
    List<CompletableFuture<?>> started = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      CompletableFuture<Optional<String>> r = new CompletableFuture<>();
      results.add(r);
      started.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  go.await();
                  c.getToken()
                      .whenComplete(
                          (v, e) -> {
                            if (e != null) r.completeExceptionally(e);
                            else r.complete(v);
                          });
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              pool));
    }
    go.countDown();
    CompletableFuture.allOf(started.toArray(new CompletableFuture<?>[0])).get(20, TimeUnit.SECONDS);
    CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0])).get(20, TimeUnit.SECONDS);
    pool.shutdownNow();
    String first = results.get(0).join().orElseThrow();
    assertThat(results).allSatisfy(r -> assertThat(r.join()).contains(first));
    assertThat(h.tokenRequests() - before).isEqualTo(1);
  }

  @Test
  void thirtyMinutesOfUseNeverWaitAndStayAtOrBelowOnePointTwoRequestsPerMinute() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    int start = h.tokenRequests();
    for (int s = 0; s < 30 * 60; s += 5) {
      h.advance(c, Duration.ofSeconds(5), Duration.ofSeconds(5));
      CompletableFuture<Optional<String>> f = c.getToken();
      assertThat(f).as("getToken at %d s", s).isDone();
      assertThat(f.join()).isPresent();
    }
    double perMinute = (h.tokenRequests() - start) / 30.0;
    assertThat(perMinute).isLessThanOrEqualTo(1.2).isGreaterThanOrEqualTo(1.1);
  }

  @Test
  void theTokenStreamEmitsEachRenewal() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    var tokens = c.tokens().test();
    h.advance(c, Duration.ofSeconds(101), Duration.ofSeconds(1));
    assertThat(tokens.values()).hasSize(2);
    assertThat(tokens.values().get(1).jwt()).isEqualTo(c.getToken().join().orElseThrow());
    assertThat(tokens.values().get(0).toString()).doesNotContain(tokens.values().get(0).jwt());
  }

  @Test
  void templateTokensAreFetchedAndCachedApartFromTheSessionToken() {
    h =
        EmulatorHarness.start(
            b ->
                b.jwtTemplate(
                    "backend",
                    java.util.Map.of("aud", "orders-api", "uid", "{{user.id}}"),
                    Duration.ofMinutes(5)));
    ClerkClient c = h.signedInClient();
    int before = h.emulator.journal().count("POST", TOKENS + "/backend");
    String t1 = c.getToken(GetTokenOptions.template("backend")).join().orElseThrow();
    String t2 = c.getToken(GetTokenOptions.template("backend")).join().orElseThrow();
    assertThat(t2).isEqualTo(t1);
    assertThat(h.emulator.journal().count("POST", TOKENS + "/backend") - before).isEqualTo(1);
    var claims = dev.clerkfx.model.SessionClaims.decode(t1);
    assertThat(claims.claims())
        .containsEntry("aud", "orders-api")
        .containsEntry("uid", c.snapshot().userId().orElseThrow());
    assertThat(t1).isNotEqualTo(c.getToken().join().orElseThrow());
  }

  @Test
  void noRequestsWhileInactiveAndAnImmediateRefreshOnReturn() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    c.setAppActive(false);
    int before = h.emulator.journal().size();
    h.advance(c, Duration.ofMinutes(10), Duration.ofSeconds(10));
    assertThat(h.emulator.journal().size()).isEqualTo(before);
    c.setAppActive(true);
    h.settle(c);
    assertThat(h.emulator.journal().size()).isEqualTo(before + 1);
    assertThat(c.getToken()).isCompleted();
  }

  @Test
  void revocationWhileInactiveIsNoticedOnReturn() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    c.setAppActive(false);
    h.emulator.revokeSession(c.snapshot().sessionId().orElseThrow());
    h.advance(c, Duration.ofMinutes(3), Duration.ofSeconds(10));
    assertThat(c.snapshot().signedIn()).isTrue(); // nobody asked: no traffic
    c.setAppActive(true);
    h.settle(c);
    assertThat(c.snapshot().signedIn()).isFalse();
  }

  enum Kind {
    STATUS_500,
    STATUS_503,
    RATE_LIMITED,
    DROPPED,
    MALFORMED
  }

  @ParameterizedTest
  @ValueSource(strings = {"STATUS_500", "STATUS_503", "RATE_LIMITED", "DROPPED", "MALFORMED"})
  void transientTokenFailuresRetryAndNeverSignOut(String kind) {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    TestObserver<AuthEvent> events = c.events().test();
    Fault.Builder on = Fault.on("POST", TOKENS);
    Fault fault =
        switch (Kind.valueOf(kind)) {
          case STATUS_500 -> on.status(500);
          case STATUS_503 -> on.status(503);
          case RATE_LIMITED -> on.rateLimited(Duration.ofSeconds(20));
          case DROPPED -> on.dropConnection();
          case MALFORMED -> on.malformedBody();
        };
    h.emulator.faults().add(fault.times(4));
    int before = h.tokenRequests();
    h.advance(c, Duration.ofMinutes(3), Duration.ofSeconds(1));
    assertThat(c.snapshot().signedIn()).isTrue();
    assertThat(events.values()).noneMatch(e -> e instanceof AuthEvent.SignedOut);
    assertThat(h.tokenStore.load()).isPresent();
    assertThat(h.snapshotCache.load()).isPresent();
    assertThat(c.getToken().join()).isPresent();
    assertThat(h.tokenRequests() - before).isGreaterThan(4);
    if (kind.equals("RATE_LIMITED")) {
      // each retry waited the 20 s Retry-After: 4 failures + the successful one in 3 minutes, then
      // the cadence
      assertThat(h.tokenRequests() - before).isLessThanOrEqualTo(8);
    }
  }

  @Test
  void aSkewedLocalClockNeitherRefetchesConstantlyNorServesExpiredTokens() {
    h = EmulatorHarness.start();
    Clock ahead =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return h.emulator.clock().getZone();
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return h.emulator.clock().instant().plus(Duration.ofMinutes(7));
          }

          @Override
          public long millis() {
            return h.emulator.clock().millis() + Duration.ofMinutes(7).toMillis();
          }
        };
    ClerkClient c = h.newClient(b -> b.clock(ahead));
    h.settle(c);
    c.whenLoaded().join();
    h.settle(c);
    c.signIn()
        .withPassword(
            dev.clerkfx.testkit.ClerkEmulator.DEMO_EMAIL,
            dev.clerkfx.testkit.ClerkEmulator.DEMO_PASSWORD)
        .join();
    h.settle(c);
    int start = h.tokenRequests();
    for (int s = 0; s < 5 * 60; s += 5) {
      h.advance(c, Duration.ofSeconds(5), Duration.ofSeconds(5));
      String jwt = c.getToken().join().orElseThrow();
      long exp = dev.clerkfx.model.SessionClaims.decode(jwt).expiresAt().toEpochMilli();
      assertThat(exp - h.emulator.clock().millis())
          .as("remaining life at %d s", s)
          .isGreaterThan(0);
    }
    assertThat(h.tokenRequests() - start).isBetween(5, 7);
  }
}
