package dev.clerkfx.sample;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SampleAppTest {

  @Start
  void start(Stage stage) {
    new SampleApp().start(stage);
  }

  @Test
  void showsItsWindow(FxRobot robot) {
    assertThat(robot.lookup(".label").queryAs(Label.class).getText()).contains("clerk-fx");
  }
}
