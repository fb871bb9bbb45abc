package dev.clerkfx.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.TestBrowser;
import dev.clerkfx.browser.BrowserSignInOptions;
import dev.clerkfx.model.ExternalAccount;
import dev.clerkfx.testkit.ClerkEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Connect account" on the profile's connected accounts: the instance's providers not yet
 * connected, the browser flow (played by {@link TestBrowser} on the emulator's provider page) with
 * a busy line and Cancel, and each way it can end.
 */
@ExtendWith(ApplicationExtension.class)
class UserProfileConnectFxTest {
  private final TestBrowser browser = new TestBrowser();
  private final AccountFixture h;
  private UserProfileView view;

  /** The browser flows time out after 3 s in the test of timeouts, after a minute elsewhere. */
  UserProfileConnectFxTest(TestInfo test) {
    Duration timeout =
        test.getTestMethod().map(m -> m.getName().contains("NeverAnswers")).orElse(false)
            ? Duration.ofSeconds(3)
            : Duration.ofMinutes(1);
    h =
        AccountFixture.start(
            b -> {},
            Locale.ENGLISH,
            c ->
                c.browserSignIn(
                    BrowserSignInOptions.builder().opener(browser).timeout(timeout).build()));
  }

  @Start
  void start(Stage stage) {
    view = new UserProfileView(h.client);
    stage.setScene(new Scene(view, 600, 760));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void connectsAProviderChosenFromTheInstancesProvidersAndListsIt(FxRobot robot) {
    h.signInAda();
    openMenu(robot);
    // both of the instance's providers: Ada has connected neither
    assertThat(menuItems(robot)).containsExactly("Google", "GitHub");

    browser.approve();
    robot.clickOn("#clerk-profile-connect-github");
    ExternalAccount github =
        h.awaitState(s -> verified(s.user().orElseThrow().externalAccounts()) == 1)
            .user()
            .orElseThrow()
            .externalAccounts()
            .get(0);
    assertThat(github.provider()).contains("oauth_github");
    UiFixture.await(() -> robot.lookup("GitHub is connected.").tryQuery().isPresent());
    assertThat(robot.lookup("#clerk-profile-connected-remove-" + github.id()).tryQuery())
        .isPresent();
    assertThat(browser.opened).hasSize(1);
    assertThat(h.emulator.journal().count("POST", "/v1/me/external_accounts")).isEqualTo(1);
    assertThat(view.isBusy()).isFalse();

    // what is left to connect
    openMenu(robot);
    assertThat(menuItems(robot)).containsExactly("Google");
  }

  @Test
  void showsABusyLineWhileTheBrowserIsOpenAndCancelEndsTheFlow(FxRobot robot) {
    h.signInAda();
    openMenu(robot);
    browser.closeTab(); // the page opens, the user never finishes
    robot.clickOn("#clerk-profile-connect-google");
    UiFixture.await(() -> browser.opened.size() == 1);
    UiFixture.await(() -> UiFixture.shown(robot, "clerk-profile-connect-busy"));
    assertThat(UiFixture.text(robot, "clerk-profile-connect-waiting"))
        .isEqualTo("Continue in your browser to connect Google\u2026");
    assertThat(view.isBusy()).isTrue();
    assertThat(robot.lookup("#clerk-profile-connect").queryButton().isDisabled()).isTrue();

    UiFixture.scrollIntoView(robot, "#clerk-profile-connect-cancel");
    robot.clickOn("#clerk-profile-connect-cancel");
    UiFixture.await(() -> robot.lookup("Connecting Google was cancelled.").tryQuery().isPresent());
    assertThat(view.isBusy()).isFalse();
    assertThat(UiFixture.shown(robot, "clerk-profile-connect-busy")).isFalse();
    assertThat(verified(h.client.snapshot().user().orElseThrow().externalAccounts())).isZero();

    // the cancelled flow let go of the browser: the next one runs at once
    browser.approve();
    openMenu(robot);
    robot.clickOn("#clerk-profile-connect-google");
    h.awaitState(s -> verified(s.user().orElseThrow().externalAccounts()) == 1);
    UiFixture.await(() -> robot.lookup("Google is connected.").tryQuery().isPresent());
  }

  @Test
  void closingTheWindowWhileTheBrowserIsOpenGivesTheConnectionUp(FxRobot robot) {
    h.signInAda();
    openMenu(robot);
    browser.closeTab();
    robot.clickOn("#clerk-profile-connect-google");
    UiFixture.await(() -> view.isBusy() && browser.opened.size() == 1);

    robot.interact(() -> view.getScene().getWindow().hide());
    UiFixture.await(() -> !view.isBusy());
    // the browser is free at once: another flow opens its page instead of failing as pending
    var next = h.client.account().connectExternalAccount("oauth_github");
    UiFixture.await(() -> browser.opened.size() == 2);
    assertThat(next).isNotDone();
    next.cancel(false);
  }

  @Test
  void saysSoInPlainWordsWhenTheBrowserRefusesOrNeverAnswers(FxRobot robot) {
    h.signInAda();
    openMenu(robot);
    browser.deny();
    robot.clickOn("#clerk-profile-connect-github");
    UiFixture.await(
        () ->
            robot
                .lookup("GitHub was not connected: it was cancelled in the browser.")
                .tryQuery()
                .isPresent());
    assertThat(view.isBusy()).isFalse();

    browser.closeTab();
    openMenu(robot);
    robot.clickOn("#clerk-profile-connect-github");
    UiFixture.await(
        () -> robot.lookup("Connecting GitHub took too long. Try again.").tryQuery().isPresent());
    assertThat(verified(h.client.snapshot().user().orElseThrow().externalAccounts())).isZero();
    assertThat(robot.lookup("#clerk-profile-connect").queryButton().isDisabled()).isFalse();
  }

  @Test
  void asksTheUserToConfirmWhenTheSignInIsTooOldThenConnects(FxRobot robot) {
    h.signInAda();
    h.emulator.clock().advance(Duration.ofMinutes(11)); // too old for a sensitive change
    openMenu(robot);
    browser.approve();
    robot.clickOn("#clerk-profile-connect-google");
    UiFixture.await(() -> robot.lookup("#clerk-reverify-password").tryQuery().isPresent());
    assertThat(browser.opened).isEmpty();

    robot.clickOn("#clerk-reverify-password").write(ClerkEmulator.DEMO_PASSWORD);
    robot.clickOn("#clerk-reverify-continue");
    h.awaitState(s -> verified(s.user().orElseThrow().externalAccounts()) == 1);
    UiFixture.await(() -> robot.lookup("Google is connected.").tryQuery().isPresent());
    assertThat(h.emulator.journal().count("POST", "/v1/me/external_accounts")).isEqualTo(2);
    assertThat(browser.opened).hasSize(1);
  }

  private static long verified(List<ExternalAccount> accounts) {
    return accounts.stream()
        .filter(a -> a.verification().map(v -> v.verified()).orElse(false))
        .count();
  }

  private static void openMenu(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    UiFixture.scrollIntoView(robot, "#clerk-profile-connect");
    robot.clickOn("#clerk-profile-connect");
    UiFixture.await(() -> robot.lookup(".clerk-menu-item").tryQuery().isPresent());
  }

  private static List<String> menuItems(FxRobot robot) {
    return robot.lookup(".clerk-menu-item").queryAll().stream()
        .filter(Node::isVisible)
        .map(n -> ((Button) n).getText())
        .toList();
  }
}
