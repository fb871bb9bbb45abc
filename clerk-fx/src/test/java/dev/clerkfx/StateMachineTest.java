package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.clerkfx.model.User;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.Fault;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serial state machine and the lifecycle, against the emulator. */
class StateMachineTest {
  private EmulatorHarness h;

  @AfterEach
  void tearDown() {
    if (h != null) h.close();
  }

  @Test
  void blockingSdkCallsInsideASignedInHandlerComplete() {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    CompletableFuture<Map<String, Object>> seen = new CompletableFuture<>();
    c.events()
        .ofType(AuthEvent.SignedIn.class)
        .take(1)
        .subscribe(
            in -> {
              try {
                Optional<String> jwt = c.getToken().join();
                User user = c.reloadUser().join();
                AuthSnapshot refreshed = c.refresh().join();
                c.signOut().join();
                seen.complete(
                    Map.of(
                        "thread",
                        Thread.currentThread().getName(),
                        "jwt",
                        jwt,
                        "user",
                        user.id(),
                        "refreshed",
                        refreshed.signedIn(),
                        "afterSignOut",
                        c.snapshot().signedIn()));
              } catch (RuntimeException e) {
                seen.completeExceptionally(e);
              }
            });
    c.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    Map<String, Object> result = seen.orTimeout(30, TimeUnit.SECONDS).join();
    assertThat(result.get("thread")).isEqualTo("clerk-fx-events");
    assertThat((Optional<?>) result.get("jwt")).isPresent();
    assertThat(result.get("user")).isEqualTo(h.emulator.demoUser().id().orElseThrow());
    assertThat(result.get("refreshed")).isEqualTo(true);
    assertThat(result.get("afterSignOut")).isEqualTo(false);
  }

  @Test
  void theStateIsDurableWhenItIsPublished() {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    List<Optional<String>> storedWhenSignedIn = new java.util.concurrent.CopyOnWriteArrayList<>();
    c.events()
        .ofType(AuthEvent.SignedIn.class)
        .subscribe(e -> storedWhenSignedIn.add(h.tokenStore.load()));
    c.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    h.settle(c);
    assertThat(storedWhenSignedIn).singleElement().satisfies(t -> assertThat(t).isPresent());
  }

  @Test
  void signOutThenCloseWhileTheRequestIsOnTheWireLeavesNothingOnDisk() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    assertThat(h.tokenStore.load()).isPresent();
    assertThat(h.snapshotCache.load()).isPresent();
    h.emulator
        .faults()
        .add(Fault.on("DELETE", "/v1/client/sessions").latency(Duration.ofSeconds(3)));
    c.signOut();
    c.close();
    assertThat(h.tokenStore.load()).isEmpty();
    assertThat(h.snapshotCache.load()).isEmpty();

    ClerkClient next = h.newClient();
    assertThat(next.whenLoaded().join().signedIn()).as("the next launch is signed out").isFalse();
  }

  @Test
  void afterCloseVerbsFailTypedAndWhenLoadedFailsWhenNeverLoaded() {
    h = EmulatorHarness.start();
    h.emulator.faults().add(Fault.on("*", "/v1/**").dropConnection());
    ClerkClient c = h.newClient();
    CompletableFuture<AuthSnapshot> loaded = c.whenLoaded();
    c.close();
    Throwable t = catchThrowable(() -> loaded.get(10, TimeUnit.SECONDS));
    assertThat(t.getCause()).isInstanceOf(ClerkException.class);
    assertThat(((ClerkException) t.getCause()).code()).isEqualTo("client_closed");
    Throwable out = catchThrowable(() -> c.signOut().get(10, TimeUnit.SECONDS));
    assertThat(out.getCause()).isInstanceOf(ClerkUsageException.class);
  }

  @Test
  void anUnreachableFrontendApiIsAVisibleLoadStateWithARetryNow() {
    h = EmulatorHarness.start();
    h.emulator.faults().add(Fault.on("*", "/v1/**").dropConnection());
    ClerkClient c = h.newClient();
    TestObserver<LoadState> states = c.loadStates().test();
    await().until(() -> c.loadState().phase() == LoadState.Phase.FAILED);
    LoadState failed = c.loadState();
    assertThat(failed.error().orElseThrow()).isInstanceOf(ClerkNetworkException.class);
    assertThat(failed.nextRetryAt().orElseThrow()).isAfter(h.emulator.clock().instant());
    h.emulator.faults().clear();
    AuthSnapshot after = c.refresh().join();
    assertThat(after.loaded()).isTrue();
    h.settle(c);
    assertThat(c.loadState()).isEqualTo(LoadState.loaded());
    assertThat(states.values())
        .extracting(LoadState::phase)
        .containsSubsequence(
            LoadState.Phase.LOADING, LoadState.Phase.FAILED, LoadState.Phase.LOADED);
  }

  @Test
  void aLostConnectionAfterLoadingIsAVisibleLoadStateUntilClerkAnswersAgain() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    assertThat(c.loadState()).isEqualTo(LoadState.loaded());
    TestObserver<LoadState> states = c.loadStates().test();
    h.emulator.faults().add(Fault.on("*", "/v1/**").dropConnection());
    h.advance(c, Duration.ofSeconds(55), Duration.ofSeconds(5)); // the token refresh is due, fails

    LoadState lost = c.loadState();
    assertThat(lost.phase()).isEqualTo(LoadState.Phase.FAILED);
    assertThat(lost.error().orElseThrow()).isInstanceOf(ClerkNetworkException.class);
    assertThat(lost.nextRetryAt().orElseThrow()).isAfter(h.emulator.clock().instant());
    assertThat(c.snapshot().signedIn()).as("an outage signs nobody out").isTrue();

    h.emulator.faults().clear();
    h.advance(c, Duration.ofSeconds(10), Duration.ofSeconds(1)); // the engine's retry succeeds
    assertThat(c.loadState()).isEqualTo(LoadState.loaded());
    assertThat(c.getToken().join()).isPresent();
    assertThat(states.values())
        .extracting(LoadState::phase)
        .containsSubsequence(
            LoadState.Phase.LOADED, LoadState.Phase.FAILED, LoadState.Phase.LOADED);
  }

  @Test
  void retryNowAfterALostConnectionReloadsFromClerk() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    h.emulator.faults().add(Fault.on("*", "/v1/**").dropConnection());
    h.advance(c, Duration.ofSeconds(55), Duration.ofSeconds(5));
    assertThat(c.loadState().phase()).isEqualTo(LoadState.Phase.FAILED);
    h.emulator.faults().clear();
    assertThat(c.refresh().join().signedIn()).isTrue();
    h.settle(c);
    assertThat(c.loadState()).isEqualTo(LoadState.loaded());
  }

  @Test
  void afterCloseNoSdkThreadKeepsTheJvmAliveAndTheAppsOwnHttpClientStillWorks() throws Exception {
    h = EmulatorHarness.start();
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    // the default HTTP client (as an app that passes none)
    ClerkClient c =
        ClerkClient.builder(h.emulator.publishableKey())
            .tokenStore(h.tokenStore)
            .snapshotCache(h.snapshotCache)
            .fxDispatch(EmulatorHarness.DIRECT)
            .build();
    c.whenLoaded().join();
    c.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    assertThat(c.getToken().join()).isPresent();
    c.close();
    Set<String> lingering =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
            .filter(t -> t.getName().startsWith("OkHttp") || t.getName().startsWith("clerk-fx"))
            .map(Thread::getName)
            .collect(Collectors.toSet());
    assertThat(lingering).as("non-daemon SDK threads after close()").isEmpty();

    // an app sharing its own client: closing the SDK leaves the app's client usable
    OkHttpClient app = new OkHttpClient();
    ClerkClient shared = c.newBuilder().okHttpClient(app).build();
    shared.whenLoaded().join();
    shared.close();
    try (Response r =
        app.newCall(
                new Request.Builder().url(h.emulator.frontendApiUrl() + "/v1/environment").build())
            .execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    app.dispatcher().executorService().shutdown();
  }
}
