package dev.clerkfx.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clerkfx.AuthEvent;
import dev.clerkfx.ClerkFx;
import dev.clerkfx.SignOutReason;
import dev.clerkfx.testkit.ClerkEmulator;
import io.reactivex.rxjava3.disposables.Disposable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the whole sample on an emulator the test controls: sign in through the form, see the user, call the
 * protected API with the session token, and watch the window react to a server-side revocation.
 */
class SampleAppTest {
  /** Short-lived tokens make the SDK's ahead-of-expiry refresh (which notices a revocation) come round quickly. */
  private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(15);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final FxRobot robot = new FxRobot();
  private ClerkEmulator emulator;
  private SampleApp app;

  @BeforeAll
  static void toolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void start() throws TimeoutException {
    emulator = ClerkEmulator.builder().tokenLifetime(TOKEN_LIFETIME).start();
    app = (SampleApp) FxToolkit.setupApplication(() -> new SampleApp(ClerkInstance.emulator(emulator)));
    await().atMost(PATIENCE).until(() -> isShowing("#sign-in"));
  }

  @AfterEach
  void stop() throws TimeoutException {
    FxToolkit.cleanupApplication(app);
    emulator.close();
  }

  @Test
  void signInCallApiAndRevocationEndToEnd() {
    String userId = emulator.demoUser().id().orElseThrow();
    assertThat(text("#demo-hint")).startsWith("Embedded emulator — demo user: " + ClerkEmulator.DEMO_EMAIL);

    type("#email", ClerkEmulator.DEMO_EMAIL);
    type("#password", ClerkEmulator.DEMO_PASSWORD);
    click("#sign-in");

    awaitText("#name", "Ada Lovelace");
    assertThat(isShowing("#sign-in")).isFalse();
    assertThat(text("#email-address")).isEqualTo(ClerkEmulator.DEMO_EMAIL);
    assertThat(text("#user-id")).isEqualTo(userId);
    String sessionId = text("#session-id");
    assertThat(emulator.session(sessionId)).hasValueSatisfying(s -> assertThat(s.userId()).isEqualTo(userId));
    assertThat(text("#status")).isEqualTo("Signed in");

    click("#call-api");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(text("#api-result"))
        .contains("\"userId\" : \"" + userId + "\"").contains("\"sessionId\" : \"" + sessionId + "\""));
    // Still signed in, so the sign-out below can only come from the revocation.
    assertThat(text("#status")).isEqualTo("Signed in");
    assertThat(text("#session-id")).isEqualTo(sessionId);

    emulator.revokeSession(sessionId);

    awaitText("#status", "Signed out: session revoked");
    assertThat(text("#name")).isNullOrEmpty();
    assertThat(text("#email-address")).isNullOrEmpty();
    assertThat(text("#user-id")).isNullOrEmpty();
    assertThat(text("#session-id")).isNullOrEmpty();
    assertThat(isShowing("#sign-in")).isTrue();
    assertThat(isShowing("#call-api")).isFalse();
  }

  @Test
  void theWindowHasADefaultAndAMinimumSize() {
    javafx.stage.Window window = robot.lookup("#sign-in").query().getScene().getWindow();
    assertThat(window.getWidth()).isGreaterThanOrEqualTo(SampleApp.WIDTH);
    assertThat(((javafx.stage.Stage) window).getMinWidth()).isEqualTo(SampleApp.MIN_WIDTH);
    assertThat(((javafx.stage.Stage) window).getMinHeight()).isEqualTo(SampleApp.MIN_HEIGHT);
  }

  @Test
  void wrongPasswordShowsClerksMessageInline() {
    type("#password", "not-the-password");
    click("#sign-in");

    await().atMost(PATIENCE).untilAsserted(() -> assertThat(text("#sign-in-error")).containsIgnoringCase("password"));
    assertThat(isShowing("#sign-in")).isTrue();
    assertThat(text("#status")).isEmpty();
  }

  @Test
  void emailCodeSignIn() {
    click("#send-code");
    await().atMost(PATIENCE).until(() -> isShowing("#code"));
    String code = emulator.lastVerificationCode(ClerkEmulator.DEMO_EMAIL).orElseThrow();

    type("#code", code);
    click("#verify-code");

    awaitText("#name", "Ada Lovelace");
  }

  @Test
  void signOutButtonReturnsToTheFormWithAStatusLine() {
    click("#sign-in");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(isShowing("#sign-out"))
        .as("signed in (form error: '%s', status: '%s')", text("#sign-in-error"), text("#status")).isTrue());
    List<AuthEvent> events = new CopyOnWriteArrayList<>();
    Disposable subscription = ClerkFx.client().events().subscribe(events::add);

    click("#sign-out");

    try {
      await().atMost(PATIENCE).untilAsserted(() -> assertThat(text("#status"))
          .as("status line (events since the click: %s)", events).isEqualTo("Signed out"));
    } finally {
      subscription.dispose();
    }
    assertThat(events).filteredOn(AuthEvent.SignedOut.class::isInstance)
        .containsExactly(new AuthEvent.SignedOut(SignOutReason.USER_ACTION));
    assertThat(isShowing("#sign-in")).isTrue();
    assertThat(text("#name")).isNullOrEmpty();
    assertThat(emulator.sessions()).allSatisfy(s -> assertThat(s.isActive()).isFalse());
  }

  /** Clicks a node once the window is laid out for what the last state change showed (else the click may miss). */
  private void click(String query) {
    layOut();
    robot.clickOn(query);
  }

  private void layOut() {
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> robot.listTargetWindows().forEach(w -> {
      if (w.getScene() != null) {
        w.getScene().getRoot().applyCss();
        w.getScene().getRoot().layout();
      }
    }));
  }

  private void awaitText(String query, String expected) {
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(text(query)).as(query).isEqualTo(expected));
  }

  private void type(String query, String text) {
    TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
    robot.interact(field::clear);
    layOut();
    robot.clickOn(field).write(text);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(field.getText()).isEqualTo(text);
  }

  private String text(String query) {
    Label label = robot.lookup(query).queryAs(Label.class);
    return onFx(label::getText);
  }

  private boolean isShowing(String query) {
    return onFx(() -> robot.lookup(query).tryQuery().map(SampleAppTest::visibleInScene).orElse(false));
  }

  private static <T> T onFx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(read));
    } catch (TimeoutException e) {
      throw new AssertionError("the FX thread did not answer within 10 s", e);
    }
  }

  private static boolean visibleInScene(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return node.getScene() != null;
  }
}
