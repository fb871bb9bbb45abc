package dev.clerkfx.ui;

import static dev.clerkfx.ui.UiFixture.await;
import static dev.clerkfx.ui.UiFixture.awaitStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.model.Session;
import dev.clerkfx.testkit.ClerkEmulator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The dialog: Enter submits only the step with focus, Escape cancels, and the result is the new
 * session.
 */
@ExtendWith(ApplicationExtension.class)
class SignInDialogFxTest {
  private final UiFixture fx = new UiFixture(b -> {});
  private Stage owner;

  @Start
  void start(Stage stage) {
    owner = stage;
    stage.setScene(new Scene(new StackPane(), 200, 100));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private SignInDialog open(FxRobot robot, AtomicReference<Optional<Session>> result) {
    AtomicReference<SignInDialog> dialog = new AtomicReference<>();
    robot.interact(
        () -> {
          SignInDialog d = new SignInDialog(fx.client, fx.uiClock);
          d.initOwner(owner);
          d.setOnHidden(e -> result.set(Optional.ofNullable(d.getResult())));
          d.show();
          dialog.set(d);
        });
    return dialog.get();
  }

  @Test
  void escapeCancelsWithNoResult(FxRobot robot) {
    AtomicReference<Optional<Session>> result = new AtomicReference<>();
    SignInDialog dialog = open(robot, result);
    awaitStep(robot, "start");
    UiFixture.type(robot, "clerk-identifier", ClerkEmulator.DEMO_EMAIL);
    robot.type(KeyCode.ESCAPE);
    await(() -> !dialog.isShowing());
    assertThat(result.get()).isEmpty();
    assertThat(fx.client.snapshot().signedIn()).isFalse();
    assertThat(fx.emulator.journal().count("POST", "/v1/client/sign_ins")).isZero();
  }

  @Test
  void enterSubmitsTheFocusedStepAndTheDialogEndsWithTheSession(FxRobot robot) {
    AtomicReference<Optional<Session>> result = new AtomicReference<>();
    SignInDialog dialog = open(robot, result);
    awaitStep(robot, "start");
    UiFixture.type(robot, "clerk-identifier", ClerkEmulator.DEMO_EMAIL);
    assertThat(UiFixture.text(robot, "clerk-identifier")).isEqualTo(ClerkEmulator.DEMO_EMAIL);
    robot.type(KeyCode.ENTER);
    // Enter ran the identifier step only: the dialog is still open, on the password step
    awaitStep(robot, "password");
    assertThat(dialog.isShowing()).isTrue();
    assertThat(fx.emulator.journal().count("POST", "/v1/client/sign_ins")).isEqualTo(1);
    robot.write(ClerkEmulator.DEMO_PASSWORD).type(KeyCode.ENTER);
    await(() -> !dialog.isShowing());
    assertThat(result.get()).isPresent();
    assertThat(result.get().get().id()).isEqualTo(fx.client.snapshot().sessionId().orElseThrow());
  }
}
