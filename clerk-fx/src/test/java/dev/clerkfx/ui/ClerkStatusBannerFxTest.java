package dev.clerkfx.ui;

import static dev.clerkfx.ui.UiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.store.TokenStores;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.Fault;
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

/**
 * The banner shows the development badge on a development key and takes no space when there is
 * nothing to say.
 */
@ExtendWith(ApplicationExtension.class)
class ClerkStatusBannerFxTest {
  private final UiFixture fx = new UiFixture(b -> {});
  private ClerkStatusBanner banner;

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    banner = new ClerkStatusBanner(fx.client);
    stage.setScene(new Scene(new VBox(banner, new Label("app")), 360, 100));
    stage.show();
  }

  @Test
  void cannotReachClerkShowsWhenItRetriesAndRetryLoadsAtOnce(FxRobot robot) {
    ClerkEmulator emulator = fx.emulator;
    emulator.faults().add(Fault.on("GET", "/v1/client").dropConnection());
    emulator.faults().add(Fault.on("GET", "/v1/environment").dropConnection());
    ClerkClient offline =
        ClerkClient.builder(emulator.publishableKey()).tokenStore(TokenStores.inMemory()).build();
    try {
      ClerkStatusBanner[] b = new ClerkStatusBanner[1];
      robot.interact(
          () -> {
            b[0] = new ClerkStatusBanner(offline);
            stage.getScene().setRoot(new VBox(b[0], new Label("app")));
          });
      await(() -> UiFixture.text(robot, "clerk-banner-message").startsWith("Can't reach Clerk"));
      assertThat(UiFixture.shown(robot, "clerk-banner-retry")).isTrue();
      assertThat(b[0].getPseudoClassStates()).extracting(Object::toString).contains("problem");
      emulator.faults().clear();
      robot.clickOn("#clerk-banner-retry");
      await(() -> !UiFixture.shown(robot, "clerk-banner-message"));
      assertThat(offline.snapshot().loaded()).isTrue();
    } finally {
      offline.close();
    }
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void developmentBadgeOnATestKeyAndNothingOnceHidden(FxRobot robot) {
    await(() -> UiFixture.shown(robot, "clerk-dev-badge"));
    assertThat(UiFixture.text(robot, "clerk-dev-badge")).isEqualTo("Development instance");
    assertThat(UiFixture.shown(robot, "clerk-banner-message"))
        .isFalse(); // loaded: no loading message
    robot.interact(() -> banner.setShowDevelopmentBadge(false));
    assertThat(banner.isVisible()).isFalse();
    assertThat(banner.isManaged()).isFalse();
  }
}
