package dev.clerkfx.ui;

import static org.awaitility.Awaitility.await;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorUser;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link UiFixture} with a second user (Grace Hopper) beside the demo user (Ada Lovelace), and
 * waits on the SDK's state, for the account components' tests.
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
    return start(settings, locale, c -> {});
  }

  static AccountFixture start(
      Consumer<ClerkEmulator.Builder> settings,
      Locale locale,
      Consumer<ClerkClient.Builder> clientSettings) {
    return new AccountFixture(
        new UiFixture(
            b -> {
              b.user(
                  EmulatorUser.builder()
                      .email(GRACE_EMAIL)
                      .password(GRACE_PASSWORD)
                      .firstName("Grace")
                      .lastName("Hopper")
                      .build());
              settings.accept(b);
            },
            locale,
            clientSettings));
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
   * Waits until the client's state matches, both in the SDK and in the JavaFX views the components
   * listen to (read on the FX thread), so a test acts on what the user would see.
   */
  AuthSnapshot awaitState(Predicate<AuthSnapshot> condition) {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> condition.test(client.snapshot()));
    UiFixture.await(() -> condition.test(client.auth().getSnapshot()));
    return client.snapshot();
  }

  @Override
  public void close() {
    fixture.close();
  }
}
