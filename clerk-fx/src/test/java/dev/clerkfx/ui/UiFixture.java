package dev.clerkfx.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.store.TokenStores;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testsupport.MutableClock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An emulator (real time), a client on it, and a clock for the components' countdowns that tests
 * move by hand; plus small TestFX helpers for the prebuilt forms.
 */
final class UiFixture implements AutoCloseable {
  final ClerkEmulator emulator;
  final ClerkClient client;
  final MutableClock uiClock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  UiFixture(
      Consumer<ClerkEmulator.Builder> emulatorSettings,
      Locale locale,
      Consumer<ClerkClient.Builder> clientSettings) {
    ClerkEmulator.Builder b = ClerkEmulator.builder().rateLimits(false);
    emulatorSettings.accept(b);
    emulator = b.start();
    ClerkClient.Builder cb =
        ClerkClient.builder(emulator.publishableKey())
            .tokenStore(TokenStores.inMemory())
            .locale(locale);
    clientSettings.accept(cb);
    client = cb.build();
    client.whenLoaded().join();
  }

  UiFixture(Consumer<ClerkEmulator.Builder> emulatorSettings, Locale locale) {
    this(emulatorSettings, locale, c -> {});
  }

  UiFixture(Consumer<ClerkEmulator.Builder> emulatorSettings) {
    this(emulatorSettings, Locale.ENGLISH);
  }

  @Override
  public void close() {
    client.close();
    emulator.close();
  }

  /** Waits (polling, up to 10 s) until the condition holds on the FX thread. */
  static void await(Supplier<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(
          10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::get).get());
    } catch (TimeoutException e) {
      throw new AssertionError("condition not met within 10 s", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * Scrolls the {@code ScrollPane} around the node with this id so the node is in view, as a user
   * would before clicking it; a node below the fold is otherwise not clickable for TestFX.
   */
  static void scrollIntoView(FxRobot robot, String query) {
    await(() -> robot.lookup(query).tryQuery().isPresent());
    Node node = robot.lookup(query).query();
    WaitForAsyncUtils.asyncFx(
        () -> {
          for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane scroll && scroll.getContent() != null) {
              Bounds inContent =
                  scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
              double range =
                  scroll.getContent().getLayoutBounds().getHeight()
                      - scroll.getViewportBounds().getHeight();
              if (range > 0) {
                scroll.setVvalue(Math.max(0, Math.min(1, (inContent.getMinY() - 8) / range)));
              }
              scroll.layout();
              return;
            }
          }
        });
    WaitForAsyncUtils.waitForFxEvents();
    await(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
  }

  /**
   * Opens the profile's Security tab and waits until its content shows (the tab pane swaps content
   * on a later pulse).
   */
  static void openSecurity(FxRobot robot, UserProfileView view) {
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#clerk-profile-tab-security");
    await(
        () ->
            view.getPage() == UserProfileView.Page.SECURITY
                && robot
                    .lookup("#clerk-profile-section-password")
                    .match(NodeQueryUtils.isVisible())
                    .tryQuery()
                    .isPresent());
  }

  static String stepName(FxRobot robot) {
    return robot.lookup(".clerk-step").queryAll().stream()
        .filter(Node::isVisible)
        .map(Node::getId)
        .filter(id -> id != null && id.startsWith("clerk-step-"))
        .map(id -> id.substring("clerk-step-".length()))
        .reduce((a, b) -> b)
        .orElse("");
  }

  static void awaitStep(FxRobot robot, String name) {
    try {
      WaitForAsyncUtils.waitFor(
          10,
          TimeUnit.SECONDS,
          () -> WaitForAsyncUtils.asyncFx(() -> name.equals(stepName(robot))).get());
    } catch (TimeoutException e) {
      throw new AssertionError("step " + name + " not shown; shown: " + stepName(robot), e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Clicks a field and types into it with the keyboard. */
  static void type(FxRobot robot, String fieldId, String text) {
    robot.clickOn("#" + fieldId);
    robot.write(text);
  }

  /** Empties a field, then types into it with the keyboard. */
  static void retype(FxRobot robot, String fieldId, String text) {
    TextInputControl field = robot.lookup("#" + fieldId).queryAs(TextInputControl.class);
    robot.interact(field::clear);
    robot.clickOn(field);
    robot.write(text);
  }

  static String text(FxRobot robot, String id) {
    Node n = robot.lookup("#" + id).query();
    if (n instanceof TextInputControl t) return t.getText();
    if (n instanceof Labeled l) return l.getText();
    throw new AssertionError(id + " has no text");
  }

  static boolean shown(FxRobot robot, String id) {
    return robot
        .lookup("#" + id)
        .tryQuery()
        .map(n -> n.isVisible() && n.getScene() != null)
        .orElse(false);
  }

  static void assertFocused(FxRobot robot, String id) {
    Node n = robot.lookup("#" + id).query();
    assertThat(n.isFocused()).as(id + " focused").isTrue();
  }
}
