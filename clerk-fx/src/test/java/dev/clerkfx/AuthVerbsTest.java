package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.auth.FactorParams;
import dev.clerkfx.auth.SignInParams;
import dev.clerkfx.auth.SignUpParams;
import dev.clerkfx.model.Factor;
import dev.clerkfx.model.SignIn;
import dev.clerkfx.model.SignInStatus;
import dev.clerkfx.model.SignUp;
import dev.clerkfx.model.SignUpStatus;
import dev.clerkfx.testkit.ClerkEmulator;
import io.reactivex.rxjava3.observers.TestObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in and sign-up verbs against the emulator; a completed attempt signs the client in by
 * itself.
 */
class AuthVerbsTest {
  private EmulatorHarness h;

  @AfterEach
  void tearDown() {
    if (h != null) h.close();
  }

  @Test
  void identifierFirstThenPassword() {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    SignIn started = c.signIn().create(SignInParams.identifier(ClerkEmulator.DEMO_EMAIL)).join();
    assertThat(started.status()).isEqualTo(SignInStatus.NEEDS_FIRST_FACTOR);
    assertThat(c.snapshot().signedIn()).isFalse();
    SignIn done =
        c.signIn()
            .attemptFirstFactor(started.id(), FactorParams.password(ClerkEmulator.DEMO_PASSWORD))
            .join();
    assertThat(done.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(c.snapshot().signedIn()).isTrue();
    assertThat(c.snapshot().sessionId()).isEqualTo(done.createdSessionId());
  }

  @Test
  void emailCodeFirstFactor() {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    SignIn started = c.signIn().create(SignInParams.identifier(ClerkEmulator.DEMO_EMAIL)).join();
    String emailId =
        started.firstFactor("email_code").flatMap(Factor::emailAddressId).orElseThrow();
    c.signIn().prepareFirstFactor(started.id(), FactorParams.emailCode(emailId)).join();
    String code = h.emulator.lastVerificationCode(ClerkEmulator.DEMO_EMAIL).orElseThrow();
    SignIn done =
        c.signIn().attemptFirstFactor(started.id(), FactorParams.code("email_code", code)).join();
    assertThat(done.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(c.snapshot().signedIn()).isTrue();
  }

  @Test
  void signUpWithEmailVerificationSignsIn() {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    TestObserver<AuthEvent> events = c.events().test();
    String email = "new.user+clerk_test@example.com";
    SignUp s =
        c.signUp()
            .create(
                SignUpParams.emailAndPassword(email, "a-long-unique-passphrase-42")
                    .withNames("New", "User")
                    .withStrategy("email_code"))
            .join();
    assertThat(s.status()).isEqualTo(SignUpStatus.MISSING_REQUIREMENTS);
    String code = h.emulator.lastVerificationCode(email).orElseThrow();
    SignUp done = c.signUp().attemptVerification(s.id(), "email_code", code).join();
    assertThat(done.status()).isEqualTo(SignUpStatus.COMPLETE);
    assertThat(c.snapshot().signedIn()).isTrue();
    assertThat(c.snapshot().user().orElseThrow().fullName()).contains("New User");
    h.settle(c); // events are published after the change is persisted
    assertThat(events.values()).first().isInstanceOf(AuthEvent.SignedIn.class);
  }

  @Test
  void blankArgumentsFailTypedWithoutARequest() {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    int before = h.emulator.journal().size();
    assertThatThrownBy(() -> c.signIn().create(null).join())
        .hasCauseInstanceOf(ClerkUsageException.class);
    assertThatThrownBy(() -> c.signIn().attemptFirstFactor("", FactorParams.password("x")).join())
        .hasCauseInstanceOf(ClerkUsageException.class);
    assertThatThrownBy(() -> c.signUp().attemptVerification("sua_1", "email_code", " ").join())
        .hasCauseInstanceOf(ClerkUsageException.class);
    assertThat(h.emulator.journal().size()).isEqualTo(before);
    assertThat(FactorParams.password("secret").toString()).doesNotContain("secret");
    assertThat(SignInParams.password("a@b.c", "secret").toString()).doesNotContain("secret");
    assertThat(SignUpParams.emailAndPassword("a@b.c", "secret").toString())
        .doesNotContain("secret");
  }
}
