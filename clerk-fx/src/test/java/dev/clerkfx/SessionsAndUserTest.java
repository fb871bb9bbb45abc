package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.clerkfx.account.ProfileUpdate;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorOrganization;
import dev.clerkfx.testkit.EmulatorUser;
import io.reactivex.rxjava3.observers.TestObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Multi-session, organizations, the user verbs and concurrent sign-ins against the emulator. */
class SessionsAndUserTest {
  private static final String GRACE = "grace+clerk_test@example.com";
  private EmulatorHarness h;

  @AfterEach
  void tearDown() {
    if (h != null) h.close();
  }

  private static EmulatorUser grace() {
    return EmulatorUser.builder()
        .email(GRACE)
        .password("cobol-1959")
        .firstName("Grace")
        .lastName("Hopper")
        .build();
  }

  @Test
  void multiSessionListSwitchAndSignOutOne() {
    h = EmulatorHarness.start(b -> b.multiSession(true).user(grace()));
    ClerkClient c = h.signedInClient();
    String demoSession = c.snapshot().sessionId().orElseThrow();
    TestObserver<AuthEvent> events = c.events().test();
    c.signIn().withPassword(GRACE, "cobol-1959").join();
    h.settle(c);
    assertThat(c.sessions()).hasSize(2);
    assertThat(c.snapshot().user().orElseThrow().firstName()).contains("Grace");
    assertThat(events.values()).anyMatch(e -> e instanceof AuthEvent.SessionChanged);

    c.setActive(demoSession, null).join();
    assertThat(c.snapshot().sessionId()).contains(demoSession);
    h.settle(c);
    assertThat(c.getToken().join()).isPresent();
    assertThat(
            dev.clerkfx.model.SessionClaims.decode(c.getToken().join().orElseThrow()).sessionId())
        .contains(demoSession);

    c.signOut(demoSession).join();
    await().until(() -> c.sessions().size() == 1);
    h.settle(c);
    assertThat(events.values()).contains(new AuthEvent.SignedOut(SignOutReason.USER_ACTION));
  }

  @Test
  void organizationRoleAndPermissionsShowAndSwitch() {
    EmulatorOrganization acme =
        EmulatorOrganization.of("Acme", "acme").withRole("org:admin", "org:invoices:read");
    EmulatorUser ada =
        EmulatorUser.builder()
            .email("ada+clerk_test@example.com")
            .password("engine-1843")
            .firstName("Ada")
            .lastName("Lovelace")
            .organization("acme", "org:admin")
            .build();
    h = EmulatorHarness.start(b -> b.organization(acme).user(ada));
    ClerkClient c = h.loadedClient();
    c.signIn().withPassword("ada+clerk_test@example.com", "engine-1843").join();
    h.settle(c);
    String orgId =
        c.snapshot().user().orElseThrow().organizationMemberships().get(0).organization().id();
    c.setActive(c.snapshot().sessionId().orElseThrow(), orgId).join();
    h.settle(c);
    assertThat(c.snapshot().organizationId()).contains(orgId);
    assertThat(c.snapshot().organizationSlug()).contains("acme");
    assertThat(c.has("org:admin")).isTrue();
    assertThat(c.has("org:invoices:read")).isTrue();
    assertThat(c.has("org:invoices:delete")).isFalse();
    String jwt = c.getToken().join().orElseThrow();
    assertThat(dev.clerkfx.model.SessionClaims.decode(jwt).organizationId()).contains(orgId);
    assertThat(c.snapshot().sessionClaims().flatMap(x -> x.organizationId())).contains(orgId);
  }

  @Test
  void updateAndReloadTheUser() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    TestObserver<AuthEvent> events = c.events().test();
    var updated =
        c.account()
            .updateProfile(
                ProfileUpdate.names("Augusta", "King").withUnsafeMetadata(Map.of("theme", "dark")))
            .join();
    assertThat(updated.fullName()).contains("Augusta King");
    assertThat(c.snapshot().user().orElseThrow().unsafeMetadata()).containsEntry("theme", "dark");
    h.settle(c); // events are published after the change is persisted
    assertThat(events.values())
        .anyMatch(
            e ->
                e instanceof AuthEvent.UserUpdated u
                    && u.user().firstName().orElse("").equals("Augusta"));

    String userId = c.snapshot().userId().orElseThrow();
    h.emulator.updateUser(userId, b -> b.firstName("Countess"));
    assertThat(c.reloadUser().join().firstName()).contains("Countess");
    assertThat(c.snapshot().user().orElseThrow().firstName()).contains("Countess");
  }

  @Test
  void userVerbsWhileSignedOutFailTyped() {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    assertThatThrownBy(() -> c.reloadUser().join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ClerkUsageException.class);
    assertThatThrownBy(() -> c.account().updateProfile(null).join())
        .hasCauseInstanceOf(ClerkUsageException.class);
    assertThatThrownBy(() -> c.signIn().withPassword(" ", "x").join())
        .hasCauseInstanceOf(ClerkUsageException.class);
    assertThatThrownBy(() -> c.setActive(null, null).join())
        .hasCauseInstanceOf(ClerkUsageException.class);
  }

  @Test
  void wrongPasswordFailsWithClerksCodeAndStaysSignedOut() {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    assertThatThrownBy(() -> c.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, "wrong").join())
        .hasCauseInstanceOf(ClerkApiException.class)
        .cause()
        .extracting(e -> ((ClerkApiException) e).code())
        .isEqualTo("form_password_incorrect");
    assertThat(c.snapshot().signedIn()).isFalse();
  }

  @Test
  void twoConcurrentSignInsEndConsistent() throws Exception {
    h = EmulatorHarness.start(b -> b.user(grace()));
    ClerkClient c = h.loadedClient();
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<Object> a =
        CompletableFuture.supplyAsync(
            () -> {
              awaitLatch(go);
              return c.signIn()
                  .withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD)
                  .handle((s, e) -> e == null ? s : e)
                  .join();
            });
    CompletableFuture<Object> b =
        CompletableFuture.supplyAsync(
            () -> {
              awaitLatch(go);
              return c.signIn()
                  .withPassword(GRACE, "cobol-1959")
                  .handle((s, e) -> e == null ? s : e)
                  .join();
            });
    go.countDown();
    List<Object> outcomes = List.of(a.get(), b.get());
    h.settle(c);
    // whatever order the server took them in, the SDK shows exactly the client's current session
    AuthSnapshot s = c.snapshot();
    assertThat(s.signedIn()).isTrue();
    assertThat(s.sessionId()).isEqualTo(s.client().flatMap(x -> x.lastActiveSessionId()));
    assertThat(s.user().orElseThrow().id())
        .isEqualTo(
            s.client().orElseThrow().currentSession().orElseThrow().user().orElseThrow().id());
    String jwt = c.getToken().join().orElseThrow();
    assertThat(dev.clerkfx.model.SessionClaims.decode(jwt).sessionId()).isEqualTo(s.sessionId());
    assertThat(outcomes).isNotEmpty();
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
