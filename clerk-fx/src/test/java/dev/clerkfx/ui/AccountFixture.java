package dev.clerkfx.ui;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorUser;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link UiFixture} with a second user (Grace Hopper) beside the demo user (Ada Lovelace), and waits on the SDK's
 * state, for the account components' tests.
 */
final class AccountFixture implements AutoCloseable {
  static final String GRACE_EMAIL = "grace@example.com";
  static final String GRACE_PASSWORD = "grace-hopper-1906";

  final UiFixture fixture;
  final ClerkEmulator emulator;
  final ClerkClient client;

  private AccountFixture(UiFixture fixture) {
    this.fixture = fixture;
    this.emulator = fixture.emulator;
    this.client = fixture.client;
  }

  static AccountFixture start(Consumer<ClerkEmulator.Builder> settings) {
    return start(settings, Locale.ENGLISH);
  }

  static AccountFixture start(Consumer<ClerkEmulator.Builder> settings, Locale locale) {
    return new AccountFixture(new UiFixture(b -> {
      b.user(EmulatorUser.builder().email(GRACE_EMAIL).password(GRACE_PASSWORD).firstName("Grace")
          .lastName("Hopper").build());
      settings.accept(b);
    }, locale));
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

  /**
   * Waits until the client has published a matching state (the FX properties' update is then queued on the FX
   * thread: {@code WaitForAsyncUtils.waitForFxEvents()} applies it).
   */
  AuthSnapshot awaitState(Predicate<AuthSnapshot> condition) {
    return client.snapshots().filter(condition::test).timeout(10, java.util.concurrent.TimeUnit.SECONDS)
        .blockingFirst();
  }

  @Override
  public void close() {
    fixture.close();
  }
}
