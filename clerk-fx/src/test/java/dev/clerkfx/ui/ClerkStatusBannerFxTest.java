package dev.clerkfx.ui;

import static dev.clerkfx.ui.UiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

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

/** The banner shows the development badge on a development key and takes no space when there is nothing to say. */
@ExtendWith(ApplicationExtension.class)
class ClerkStatusBannerFxTest {
  private final UiFixture fx = new UiFixture(b -> {});
  private ClerkStatusBanner banner;

  @Start
  void start(Stage stage) {
    banner = new ClerkStatusBanner(fx.client);
    stage.setScene(new Scene(new VBox(banner, new Label("app")), 360, 100));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void developmentBadgeOnATestKeyAndNothingOnceHidden(FxRobot robot) {
    await(() -> UiFixture.shown(robot, "clerk-dev-badge"));
    assertThat(UiFixture.text(robot, "clerk-dev-badge")).isEqualTo("Development instance");
    assertThat(UiFixture.shown(robot, "clerk-banner-message")).isFalse(); // loaded: no loading message
    robot.interact(() -> banner.setShowDevelopmentBadge(false));
    assertThat(banner.isVisible()).isFalse();
    assertThat(banner.isManaged()).isFalse();
  }
}
