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
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads and drives the sample's window in TestFX tests: clicks and typing once the window is laid
 * out, label texts and visibility read on the FX thread, the event log, and signing the demo user
 * in through the SDK's dialog. Waits with awaitility, never sleeps.
 */
final class SampleRobot {
  /** How long a step may take on a busy machine. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private final FxRobot robot = new FxRobot();

  /**
   * Signs the demo user in through the SDK's sign-in dialog, with the keyboard, and waits for the
   * signed-in view.
   */
  void signInThroughTheDialog() {
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

  /** Returns the event log's entries, oldest first. */
  List<String> logEntries() {
    @SuppressWarnings("unchecked")
    ListView<String> log = robot.lookup("#event-log").queryAs(ListView.class);
    return onFx(() -> List.copyOf(log.getItems()));
  }

  /** Waits for an event-log entry ending with {@code suffix}. */
  void awaitLogEntry(String suffix) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(logEntries()).anyMatch(entry -> entry.endsWith(suffix)));
  }

  /**
   * Waits for an event-log entry ending with {@code suffix} after the first {@code after} entries.
   */
  void awaitLogEntryAfter(int after, String suffix) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              List<String> entries = logEntries();
              assertThat(entries.subList(Math.min(after, entries.size()), entries.size()))
                  .anyMatch(entry -> entry.endsWith(suffix));
            });
  }

  /**
   * Clicks a node once the window is laid out for what the last state change showed (else the click
   * may miss).
   */
  void click(String query) {
    layOut();
    robot.clickOn(query);
  }

  /** Waits until the node shows (it and all its parents visible, in a scene). */
  void awaitShowing(String query) {
    await().atMost(PATIENCE).until(() -> isShowing(query));
  }

  /** Waits until a label's text is {@code expected}. */
  void awaitText(String query, String expected) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(text(query)).as(query).isEqualTo(expected));
  }

  /** Replaces a text field's text by typing. */
  void type(String query, String text) {
    TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
    robot.interact(field::clear);
    layOut();
    robot.clickOn(field).write(text);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(field.getText()).isEqualTo(text);
  }

  /** Returns a label's text, read on the FX thread. */
  String text(String query) {
    Label label = robot.lookup(query).queryAs(Label.class);
    return onFx(label::getText);
  }

  /** Tells whether the node shows: it and all its parents visible, in a scene. */
  boolean isShowing(String query) {
    return onFx(
        () -> robot.lookup(query).tryQuery().map(SampleRobot::visibleInScene).orElse(false));
  }

  /** Returns the robot, for what the methods above do not cover. */
  FxRobot robot() {
    return robot;
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

  /** Runs a read on the FX thread and returns its result. */
  static <T> T onFx(Callable<T> read) {
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
