package dev.clerkfx.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.ClerkFx;
import dev.clerkfx.model.Session;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The user button on a headless stage against the emulator: the menu, switching accounts, signing
 * out.
 */
@ExtendWith(ApplicationExtension.class)
class UserButtonFxTest {
  private final AccountFixture h = AccountFixture.start(b -> b.multiSession(true));
  private UserButton button;
  private int addAccountClicks;

  @Start
  void start(Stage stage) {
    button = new UserButton(h.client);
    button.setId("user-button");
    button.setShowName(true);
    button.setOnAddAccount(e -> addAccountClicks++);
    StackPane root = new StackPane(button);
    StackPane.setAlignment(button, javafx.geometry.Pos.TOP_LEFT);
    stage.setScene(new Scene(root, 420, 420));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    ClerkFx.uninstall();
    h.close();
  }

  @Test
  void switchesToAnotherSignedInAccountThenSignsOutOneAndThenAll(FxRobot robot) {
    Session grace = h.signInGrace().session().orElseThrow();
    AuthSnapshot ada = h.signInAda();
    assertThat(ada.activeOrPendingSessions()).hasSize(2);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(button.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("signed-in"));
    assertThat(button.getAccessibleText()).contains("Ada Lovelace");

    robot.clickOn("#user-button");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(button.isShowing()).isTrue();
    assertThat(robot.lookup("#clerk-user-button-manage").tryQuery()).isPresent();
    assertThat(robot.lookup("#clerk-user-button-add-account").tryQuery()).isPresent();
    assertThat(robot.lookup("#clerk-user-button-sign-out-all").tryQuery()).isPresent();

    // the other account is listed; choosing it makes its session current
    robot.clickOn("#clerk-user-button-session-" + grace.id());
    h.awaitState(s -> s.sessionId().orElse("").equals(grace.id()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(button.isShowing()).isFalse();
    assertThat(button.getAccessibleText()).contains("Grace Hopper");
    assertThat(h.emulator.journal().count("POST", "/v1/client/sessions/*/touch")).isPositive();

    // with two accounts, "Sign out" ends only the current session (Grace's)
    robot.clickOn("#user-button");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#clerk-user-button-sign-out");
    AuthSnapshot after = h.awaitState(s -> s.signedIn() && s.activeOrPendingSessions().size() == 1);
    assertThat(after.user().orElseThrow().firstName()).contains("Ada");
    assertThat(h.emulator.session(grace.id()).orElseThrow().isActive()).isFalse();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(button.getAccessibleText()).contains("Ada Lovelace");

    // one account left: "Sign out" signs out of everything
    robot.interact(button::requestFocus);
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(button.isShowing()).isTrue();
    assertThat(robot.lookup("#clerk-user-button-sign-out-all").tryQuery()).isEmpty();
    robot.clickOn("#clerk-user-button-sign-out");
    h.awaitState(s -> !s.signedIn());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(button.isShowing()).isFalse();
    assertThat(button.getPseudoClassStates())
        .doesNotContain(PseudoClass.getPseudoClass("signed-in"));
    assertThat(button.getAccessibleText()).isEqualTo("Account menu (not signed in)");
    robot.clickOn("#user-button"); // nothing to show while signed out
    assertThat(button.isShowing()).isFalse();
  }

  @Test
  void addAccountCallsTheAppsHookAndManageAccountOpensTheProfile(FxRobot robot) {
    h.signInAda();
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#user-button");
    robot.clickOn("#clerk-user-button-add-account");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(addAccountClicks).isEqualTo(1);
    assertThat(button.isShowing()).isFalse();

    robot.clickOn("#user-button");
    // arrow keys move through the items; Enter activates the focused one ("Manage account" is
    // first)
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#clerk-user-button-manage").queryAs(Button.class).isFocused())
        .isTrue();
    robot.type(KeyCode.DOWN);
    assertThat(robot.lookup("#clerk-user-button-add-account").queryAs(Button.class).isFocused())
        .isTrue();
    robot.type(KeyCode.UP);
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#clerk-user-profile-dialog-view").tryQuery()).isPresent();
  }

  @Test
  void addAccountOpensTheSignInDialogWhenTheAppSetNoAction(FxRobot robot) {
    h.signInAda();
    robot.interact(() -> button.setOnAddAccount(null));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#user-button");
    robot.clickOn("#clerk-user-button-add-account");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("." + SignInView.DEFAULT_STYLE_CLASS).tryQuery()).isPresent();
    assertThat(addAccountClicks).isZero();
  }
}
