package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.internal.session.FxDispatch;
import dev.clerkfx.testkit.ClerkEmulator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
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
 * The real thing on a (headless) JavaFX stage: a Label bound to the user's name follows sign-in and
 * revocation.
 */
@ExtendWith(ApplicationExtension.class)
class UserLabelFxTest {
  private final EmulatorHarness h = EmulatorHarness.start();
  private ClerkClient client;
  private Label name;
  private Label signedIn;

  @Start
  void start(Stage stage) {
    client = h.newClient(b -> b.fxDispatch(FxDispatch.platform()));
    ClerkFx.install(client);
    name = new Label();
    name.setId("name");
    name.textProperty().bind(ClerkFx.useUser().fullNameProperty());
    signedIn = new Label();
    signedIn.textProperty().bind(ClerkFx.useAuth().signedInProperty().asString());
    stage.setScene(new Scene(new VBox(name, signedIn), 300, 100));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    ClerkFx.uninstall();
    h.close();
  }

  @Test
  void labelShowsTheNameAfterSignInAndClearsAfterServerSideRevocation(FxRobot robot)
      throws Exception {
    client.whenLoaded().join();
    h.settle(client);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#name").queryAs(Label.class).getText()).isEmpty();

    client.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    h.settle(client);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#name").queryAs(Label.class).getText()).isEqualTo("Ada Lovelace");
    assertThat(signedIn.getText()).isEqualTo("true");

    // the properties are only ever touched on the FX thread
    CompletableFuture<Boolean> onFx = new CompletableFuture<>();
    Platform.runLater(() -> onFx.complete(ClerkFx.useUser().getUser() != null));
    assertThat(onFx.get()).isTrue();

    h.emulator.revokeSession(client.snapshot().sessionId().orElseThrow());
    h.advance(client, Duration.ofSeconds(50), Duration.ofSeconds(1));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#name").queryAs(Label.class).getText()).isEmpty();
    assertThat(signedIn.getText()).isEqualTo("false");
  }
}
