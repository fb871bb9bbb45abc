package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.account.ProfileUpdate;
import dev.clerkfx.internal.session.FxDispatch;
import dev.clerkfx.testkit.ClerkEmulator;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On a (headless) stage: labels bound to the user follow changes made through the account API,
 * without a reload.
 */
@ExtendWith(ApplicationExtension.class)
class AccountLabelFxTest {
  private final EmulatorHarness h = EmulatorHarness.start();
  private ClerkClient client;

  @Start
  void start(Stage stage) {
    client = h.newClient(b -> b.fxDispatch(FxDispatch.platform()));
    ClerkFx.install(client);
    Label name = new Label();
    name.setId("name");
    name.textProperty().bind(ClerkFx.useUser().fullNameProperty());
    Label username = new Label();
    username.setId("username");
    username.textProperty().bind(ClerkFx.useUser().usernameProperty());
    stage.setScene(new Scene(new VBox(name, username), 300, 100));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    ClerkFx.uninstall();
    h.close();
  }

  @Test
  void labelBoundToTheNameChangesWhenTheAccountApiRenamesTheUser(FxRobot robot) {
    client.whenLoaded().join();
    client.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    h.settle(client);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#name").queryAs(Label.class).getText()).isEqualTo("Ada Lovelace");

    int reloads = h.emulator.journal().count("GET", "/v1/me");
    client
        .account()
        .updateProfile(ProfileUpdate.names("Augusta Ada", "King").withUsername("countess"))
        .join();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#name").queryAs(Label.class).getText()).isEqualTo("Augusta Ada King");
    assertThat(robot.lookup("#username").queryAs(Label.class).getText()).isEqualTo("countess");
    assertThat(h.emulator.journal().count("GET", "/v1/me"))
        .as("no reload needed")
        .isEqualTo(reloads);

    ClerkFx.useUser().update(ProfileUpdate.names("Ada", "Lovelace")).join();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#name").queryAs(Label.class).getText()).isEqualTo("Ada Lovelace");
  }
}
