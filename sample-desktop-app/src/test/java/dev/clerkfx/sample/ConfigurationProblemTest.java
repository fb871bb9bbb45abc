package dev.clerkfx.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A malformed setting opens a window that names the variable and the problem, instead of a stack
 * trace.
 */
class ConfigurationProblemTest {
  private final FxRobot robot = new FxRobot();
  private SampleApp app;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void stop() throws Exception {
    FxToolkit.cleanupApplication(app);
  }

  @Test
  void malformedPublishableKeyIsExplainedInTheWindow() throws Exception {
    app =
        (SampleApp)
            FxToolkit.setupApplication(
                () ->
                    new SampleApp(
                        null, Map.of("CLERK_PUBLISHABLE_KEY", "sk_test_not-a-publishable-key")));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !robot.lookup("#configuration-problem").queryAll().isEmpty());
    String text = robot.lookup("#configuration-problem").queryAs(Label.class).getText();
    assertThat(text).startsWith("CLERK_PUBLISHABLE_KEY: ");
    assertThat(robot.lookup("#quit").tryQuery()).isPresent();
  }

  @Test
  void malformedSecretKeyIsExplainedInTheWindow() throws Exception {
    String key =
        "pk_test_" + java.util.Base64.getEncoder().encodeToString("clerk.example.com$".getBytes());
    app =
        (SampleApp)
            FxToolkit.setupApplication(
                () ->
                    new SampleApp(
                        null, Map.of("CLERK_PUBLISHABLE_KEY", key, "CLERK_SECRET_KEY", "oops")));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !robot.lookup("#configuration-problem").queryAll().isEmpty());
    assertThat(robot.lookup("#configuration-problem").queryAs(Label.class).getText())
        .startsWith("CLERK_SECRET_KEY: ")
        .doesNotContain("oops");
  }
}
