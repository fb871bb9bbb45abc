package dev.clerkfx.ui;

import static org.awaitility.Awaitility.await;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorClock;
import dev.clerkfx.testkit.EmulatorUser;
import dev.clerkfx.testkit.VirtualTimeScheduler;
import dev.clerkfx.store.TokenStores;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import dev.clerkfx.AuthSnapshot;

/**
 * An emulator on a frozen clock plus one client of it with in-memory storage, for the components' TestFX tests.
 * JavaFX state follows on the FX thread as in an app.
 */
final class UiEmulator implements AutoCloseable {
  static final String GRACE_EMAIL = "grace@example.com";
  static final String GRACE_PASSWORD = "grace-hopper-1906";

  final ClerkEmulator emulator;
  final VirtualTimeScheduler scheduler;
  final ClerkClient client;

  private UiEmulator(ClerkEmulator emulator) {
    this.emulator = emulator;
    this.scheduler = VirtualTimeScheduler.on(emulator.clock());
    this.client = ClerkClient.builder(emulator.publishableKey())
        .clock(emulator.clock())
        .scheduler(scheduler)
        .tokenStore(TokenStores.inMemory())
        .build();
    client.whenLoaded().join();
  }

  /** Starts an emulator with a second user (Grace Hopper) beside the demo user (Ada Lovelace). */
  static UiEmulator start(Consumer<ClerkEmulator.Builder> settings) {
    ClerkEmulator.Builder b = ClerkEmulator.builder().clock(EmulatorClock.startingNow()).rateLimits(false)
        .user(EmulatorUser.builder().email(GRACE_EMAIL).password(GRACE_PASSWORD).firstName("Grace")
            .lastName("Hopper").build());
    settings.accept(b);
    return new UiEmulator(b.start());
  }

  /** Signs the demo user (Ada Lovelace) in and waits until the state says so. */
  AuthSnapshot signInAda() {
    client.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    return awaitState(s -> s.user().flatMap(u -> u.firstName()).orElse("").equals("Ada"));
  }

  /** Signs Grace Hopper in and waits until the state says so. */
  AuthSnapshot signInGrace() {
    client.signIn().withPassword(GRACE_EMAIL, GRACE_PASSWORD).join();
    return awaitState(s -> s.user().flatMap(u -> u.firstName()).orElse("").equals("Grace"));
  }

  /** Waits until the client's state matches (the SDK's state; the FX properties follow on the FX thread). */
  AuthSnapshot awaitState(Predicate<AuthSnapshot> condition) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> condition.test(client.snapshot()));
    return client.snapshot();
  }

  @Override
  public void close() {
    client.close();
    scheduler.shutdownNow();
    emulator.close();
  }
}
