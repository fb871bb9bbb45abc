package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.browser.BrowserSignInOptions;
import dev.clerkfx.internal.session.FxDispatch;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.ui.SignInView;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sign-in view's social buttons sign in through the browser, here the emulator's stand-in
 * provider page.
 */
@ExtendWith(ApplicationExtension.class)
class SignInViewOAuthFxTest {
  private final EmulatorHarness h = EmulatorHarness.start();
  private final TestBrowser browser = new TestBrowser();
  private ClerkClient client;
  private SignInView view;

  @Start
  void start(Stage stage) {
    client =
        h.newClient(
            b ->
                b.fxDispatch(FxDispatch.platform())
                    .browserSignIn(BrowserSignInOptions.builder().opener(browser).build()));
    client.whenLoaded().join();
    view = new SignInView(client);
    view.setMode(SignInView.Mode.SIGN_IN);
    stage.setScene(new Scene(view, 420, 640));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void googleButtonSignsInThroughTheProviderPage(FxRobot robot) throws Exception {
    // the instance's providers, in its order, above the identifier field
    assertThat(robot.lookup(".clerk-social-button").queryAllAs(Button.class))
        .extracting(Button::getText)
        .containsExactly("Continue with Google", "Continue with GitHub");
    browser.continueAs(ClerkEmulator.DEMO_EMAIL);
    robot.clickOn("#clerk-social-google");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.getSession() != null);
    assertThat(browser.opened).hasSize(1);
    assertThat(view.getSession().id()).isEqualTo(client.snapshot().sessionId().orElseThrow());
    assertThat(client.snapshot().userId()).isEqualTo(h.emulator.demoUser().id());
  }

  @Test
  void consentDeniedAtTheProviderIsShownOnTheStep(FxRobot robot) throws Exception {
    browser.deny();
    robot.clickOn("#clerk-social-github");
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            robot.lookup("#clerk-step-error").queryAs(Label.class).getText().contains("cancelled"));
    assertThat(robot.lookup("#clerk-social-github").queryButton().isDisabled()).isFalse();
    assertThat(client.snapshot().signedIn()).isFalse();
  }
}
