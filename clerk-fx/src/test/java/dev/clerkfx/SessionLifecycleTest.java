package dev.clerkfx;

import static dev.clerkfx.EmulatorHarness.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.Fault;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Load, persistence, revocation, expiry and sign-out against the emulator, on virtual time. */
class SessionLifecycleTest {
  private EmulatorHarness h;

  @AfterEach
  void tearDown() {
    if (h != null) h.close();
  }

  @Test
  void signInShowsTheUserAndServesTokens() {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    assertThat(c.snapshot().signedIn()).isFalse();
    assertThat(c.getToken().join()).isEmpty();
    assertThat(h.tokenRequests()).isZero();

    TestObserver<AuthEvent> events = c.events().test();
    c.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    // the state followed before the sign-in future completed
    assertThat(c.snapshot().signedIn()).isTrue();
    assertThat(c.snapshot().user().orElseThrow().primaryEmailAddress().orElseThrow().emailAddress())
        .isEqualTo(ClerkEmulator.DEMO_EMAIL);
    h.settle(c); // events are published after the change is persisted
    assertThat(events.values()).first().isInstanceOf(AuthEvent.SignedIn.class);
    Optional<String> jwt = c.getToken().join();
    assertThat(jwt).isPresent();
    assertThat(c.snapshot().sessionClaims().orElseThrow().sessionId())
        .isEqualTo(c.snapshot().sessionId());
    assertThat(c.getToken()).isSameAs(c.getToken());
    assertThat(h.tokenStore.load()).isPresent();
  }

  @Test
  void loadFetchesEnvironmentAndClientOnceInParallel() {
    h = EmulatorHarness.start();
    ClerkClient c = h.newClient();
    AuthSnapshot loaded = c.whenLoaded().join();
    assertThat(loaded.loaded()).isTrue();
    assertThat(c.environment()).isPresent();
    assertThat(h.emulator.journal().count("GET", "/v1/environment")).isEqualTo(1);
    assertThat(h.emulator.journal().count("GET", "/v1/client")).isEqualTo(1);
  }

  @Test
  void aPersistedSnapshotMakesAColdStartLoadedAndSignedInWhileOffline() {
    h = EmulatorHarness.start();
    ClerkClient first = h.signedInClient();
    String userId = first.snapshot().userId().orElseThrow();
    await().until(() -> h.snapshotCache.load().isPresent());
    first.close();

    h.emulator.faults().add(Fault.on("*", "/v1/**").dropConnection());
    ClerkClient second = h.newClient();
    AuthSnapshot cold = second.whenLoaded().join();
    assertThat(cold.loaded()).isTrue();
    assertThat(cold.signedIn()).isTrue();
    assertThat(cold.userId()).contains(userId);
    h.settle(second);
    // offline: retries with backoff, never signs out, keeps storage
    h.advance(second, Duration.ofMinutes(2), Duration.ofSeconds(1));
    assertThat(second.snapshot().signedIn()).isTrue();
    assertThat(h.tokenStore.load()).isPresent();
    assertThat(h.snapshotCache.load()).isPresent();

    // the network returns: reconciles with the server
    h.emulator.faults().clear();
    h.advance(second, Duration.ofSeconds(31), Duration.ofSeconds(1));
    assertThat(h.emulator.journal().count("GET", "/v1/client")).isGreaterThanOrEqualTo(2);
    assertThat(second.snapshot().signedIn()).isTrue();
    assertThat(second.getToken().join()).isPresent();
  }

  @Test
  void aServerSideRevocationIsNoticedWithinOneRefreshInterval() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    TestObserver<AuthEvent> events = c.events().test();
    String sid = c.snapshot().sessionId().orElseThrow();
    h.emulator.revokeSession(sid);
    h.advance(c, Duration.ofSeconds(50), Duration.ofSeconds(1));
    assertThat(c.snapshot().signedIn()).isFalse();
    assertThat(events.values()).contains(new AuthEvent.SignedOut(SignOutReason.REVOKED));
    assertThat(c.getToken().join()).isEmpty();
    await().until(() -> h.snapshotCache.load().isEmpty());
  }

  @Test
  void authenticationInvalidOnATokenRequestEndsTheSessionAndForgetsTheClientToken() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    TestObserver<AuthEvent> events = c.events().test();
    // the emulator's 401 fault answers authentication_invalid: the client token is no longer
    // accepted
    h.emulator.faults().add(Fault.on("POST", TOKENS).status(401));
    h.advance(c, Duration.ofSeconds(50), Duration.ofSeconds(1));
    assertThat(c.snapshot().signedIn()).isFalse();
    assertThat(events.values()).contains(new AuthEvent.SignedOut(SignOutReason.REVOKED));
    await().until(() -> h.tokenStore.load().isEmpty() && h.snapshotCache.load().isEmpty());
    // the next sign-in starts a fresh client
    h.emulator.faults().clear();
    c.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    assertThat(c.snapshot().signedIn()).isTrue();
  }

  @Test
  void anExpiredSessionSignsOutWithReasonExpired() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    TestObserver<AuthEvent> events = c.events().test();
    h.emulator.expireSession(c.snapshot().sessionId().orElseThrow());
    h.advance(c, Duration.ofSeconds(50), Duration.ofSeconds(1));
    assertThat(c.snapshot().signedIn()).isFalse();
    assertThat(events.values()).contains(new AuthEvent.SignedOut(SignOutReason.EXPIRED));
  }

  @Test
  void signOutClearsStateAndStorageEvenWhenTheRequestFails() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    await().until(() -> h.snapshotCache.load().isPresent());
    TestObserver<AuthEvent> events = c.events().test();
    h.emulator.faults().add(Fault.on("DELETE", "/v1/client/sessions").status(503));
    c.signOut().join();
    assertThat(c.snapshot().signedIn()).isFalse();
    h.settle(c);
    assertThat(events.values()).containsExactly(new AuthEvent.SignedOut(SignOutReason.USER_ACTION));
    await().until(() -> h.tokenStore.load().isEmpty() && h.snapshotCache.load().isEmpty());
    int before = h.emulator.journal().size();
    h.advance(c, Duration.ofMinutes(5), Duration.ofSeconds(5));
    assertThat(h.emulator.journal().size()).isEqualTo(before);
  }

  @Test
  void signOutDuringAnInFlightRefreshDropsTheLateToken() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    h.emulator.faults().add(Fault.on("POST", TOKENS).latency(Duration.ofMillis(400)));
    var inFlight = c.getToken(GetTokenOptions.defaults().withSkipCache(true));
    await().until(() -> h.http.dispatcher().runningCallsCount() > 0);
    c.signOut().join();
    assertThat(inFlight.join()).isEmpty();
    h.settle(c);
    assertThat(c.snapshot().signedIn()).isFalse();
    assertThat(c.getToken().join()).isEmpty();
  }

  @Test
  void nothingIsSentWhileSignedOut() {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    int before = h.emulator.journal().size();
    h.advance(c, Duration.ofMinutes(10), Duration.ofSeconds(10));
    assertThat(c.getToken().join()).isEmpty();
    assertThat(h.emulator.journal().size()).isEqualTo(before);
  }

  @Test
  void aCorruptSnapshotIsIgnoredAndTheClientLoadsFromTheNetwork() {
    h = EmulatorHarness.start();
    h.tokenStore.save("not-a-real-client-token");
    h.snapshotCache.save("{\"client\": 42}");
    ClerkClient c = h.newClient();
    assertThat(c.whenLoaded().handle((s, e) -> c.snapshot()).join().loaded()).isTrue();
    assertThat(c.snapshot().signedIn()).isFalse();
  }
}
