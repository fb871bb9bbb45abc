package dev.clerkfx.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clerkfx.testkit.ClerkEmulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the whole sample on an emulator the test controls: sign in through the SDK's dialog, see
 * the user, call the protected API with the session token, and watch the window react to the
 * developer panel's server-side changes.
 */
class SampleAppTest {
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
    emulator = ClerkEmulator.start();
    app =
        (SampleApp)
            FxToolkit.setupApplication(() -> new SampleApp(ClerkInstance.emulator(emulator)));
    await().atMost(PATIENCE).until(() -> isShowing("#sign-in"));
  }

  @AfterEach
  void stop() throws TimeoutException {
    FxToolkit.cleanupApplication(app);
    emulator.close();
  }

  @Test
  void signInThroughTheDialogCallTheApiAndRevokeFromTheDeveloperPanel() {
    String userId = emulator.demoUser().id().orElseThrow();
    assertThat(text("#demo-hint"))
        .startsWith("Embedded emulator — demo user: " + ClerkEmulator.DEMO_EMAIL)
        .contains("424242");

    signInThroughTheDialog();

    assertThat(text("#email-address")).isEqualTo(ClerkEmulator.DEMO_EMAIL);
    assertThat(text("#user-id")).isEqualTo(userId);
    String sessionId = text("#session-id");
    assertThat(emulator.session(sessionId))
        .hasValueSatisfying(s -> assertThat(s.userId()).isEqualTo(userId));
    assertThat(isShowing("#user-button")).isTrue();
    assertThat(isShowing("#organization-switcher")).isTrue();
    assertThat(isShowing("#sign-in")).isFalse();
    awaitLogEntry("Signed in as Ada Lovelace (" + sessionId + ")");

    click("#call-api");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(text("#api-result"))
                    .contains("\"userId\" : \"" + userId + "\"")
                    .contains("\"sessionId\" : \"" + sessionId + "\""));
    // Still signed in, so the sign-out below can only come from the revocation.
    assertThat(logEntries()).noneMatch(entry -> entry.contains("Signed out"));

    click("#dev-revoke");

    awaitLogEntry("Signed out: session revoked");
    assertThat(emulator.session(sessionId))
        .hasValueSatisfying(s -> assertThat(s.isActive()).isFalse());
    await().atMost(PATIENCE).until(() -> isShowing("#sign-in"));
    assertThat(isShowing("#call-api")).isFalse();
    assertThat(text("#name")).isNullOrEmpty();
    assertThat(text("#session-id")).isNullOrEmpty();
  }

  @Test
  void renamingTheUserOnTheServerChangesTheLabel() {
    signInThroughTheDialog();
    String userId = text("#user-id");

    type("#dev-first-name", "Grace");
    click("#dev-rename");

    awaitText("#name", "Grace Lovelace");
    assertThat(emulator.user(userId))
        .hasValueSatisfying(u -> assertThat(u.firstName()).hasValue("Grace"));
    awaitLogEntry("User updated: Grace Lovelace");
  }

  @Test
  void expiringTheSessionFromTheDeveloperPanelSignsOutWithThatReason() {
    signInThroughTheDialog();
    String sessionId = text("#session-id");

    click("#dev-expire");

    awaitLogEntry("Signed out: session expired");
    assertThat(emulator.session(sessionId))
        .hasValueSatisfying(s -> assertThat(s.isActive()).isFalse());
    await().atMost(PATIENCE).until(() -> isShowing("#sign-in"));
  }

  @Test
  void banningTheUserFromTheDeveloperPanelSignsOut() {
    signInThroughTheDialog();
    String userId = text("#user-id");

    click("#dev-ban");

    awaitLogEntry("Server: user banned");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(logEntries()).anyMatch(e -> e.contains("Signed out")));
    assertThat(emulator.sessionsOf(userId)).allSatisfy(s -> assertThat(s.isActive()).isFalse());
    await().atMost(PATIENCE).until(() -> isShowing("#sign-in"));
  }

  @Test
  void theWindowHasADefaultAndAMinimumSize() {
    javafx.stage.Window window = robot.lookup("#sign-in").query().getScene().getWindow();
    assertThat(window.getWidth()).isGreaterThanOrEqualTo(SampleApp.WIDTH);
    assertThat(((javafx.stage.Stage) window).getMinWidth()).isEqualTo(SampleApp.MIN_WIDTH);
    assertThat(((javafx.stage.Stage) window).getMinHeight()).isEqualTo(SampleApp.MIN_HEIGHT);
  }

  /**
   * Signs the demo user in through the SDK's sign-in dialog, with the keyboard, and waits for the
   * signed-in view.
   */
  private void signInThroughTheDialog() {
    click("#sign-in");
    await().atMost(PATIENCE).until(() -> isShowing("#clerk-identifier"));
    type("#clerk-identifier", ClerkEmulator.DEMO_EMAIL);
    robot.type(KeyCode.ENTER);
    await().atMost(PATIENCE).until(() -> isShowing("#clerk-password"));
    type("#clerk-password", ClerkEmulator.DEMO_PASSWORD);
    robot.type(KeyCode.ENTER);
    awaitText("#name", "Ada Lovelace");
    await().atMost(PATIENCE).until(() -> !isShowing("#clerk-password"));
  }

  private List<String> logEntries() {
    @SuppressWarnings("unchecked")
    ListView<String> log = robot.lookup("#event-log").queryAs(ListView.class);
    return onFx(() -> List.copyOf(log.getItems()));
  }

  private void awaitLogEntry(String suffix) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(logEntries()).anyMatch(entry -> entry.endsWith(suffix)));
  }

  /**
   * Clicks a node once the window is laid out for what the last state change showed (else the click
   * may miss).
   */
  private void click(String query) {
    layOut();
    robot.clickOn(query);
  }

  private void layOut() {
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(
        () ->
            robot
                .listTargetWindows()
                .forEach(
                    w -> {
                      if (w.getScene() != null) {
                        w.getScene().getRoot().applyCss();
                        w.getScene().getRoot().layout();
                      }
                    }));
  }

  private void awaitText(String query, String expected) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(text(query)).as(query).isEqualTo(expected));
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
    return onFx(
        () -> robot.lookup(query).tryQuery().map(SampleAppTest::visibleInScene).orElse(false));
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
