package dev.clerkfx.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.model.PhoneNumber;
import dev.clerkfx.model.User;
import dev.clerkfx.testkit.ClerkEmulator;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * SMS codes as a second factor on the Security page, against the emulator (whose instance allows
 * {@code phone_code} as a second factor).
 */
@ExtendWith(ApplicationExtension.class)
class UserProfileSmsFxTest {
  private final AccountFixture h = AccountFixture.start(b -> {});
  private UserProfileView view;

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
  void turnsSmsCodesOnForAVerifiedNumberConfirmsLaterChangesBySmsAndTurnsThemOff(FxRobot robot) {
    User ada = h.signInAda().user().orElseThrow();
    String phoneId = ada.phoneNumbers().get(0).id();
    UiFixture.openSecurity(robot, view);

    UiFixture.scrollIntoView(robot, "#clerk-profile-sms-add-" + phoneId);
    assertThat(robot.lookup("SMS code to " + ClerkEmulator.DEMO_PHONE).tryQuery()).isPresent();
    robot.clickOn("#clerk-profile-sms-add-" + phoneId);
    h.awaitState(s -> s.user().orElseThrow().twoFactorEnabled());
    PhoneNumber on = h.client.snapshot().user().orElseThrow().phoneNumbers().get(0);
    assertThat(on.reservedForSecondFactor()).isTrue();
    UiFixture.await(
        () ->
            robot
                .lookup("Two-step codes will be sent to " + ClerkEmulator.DEMO_PHONE + ".")
                .tryQuery()
                .isPresent());
    assertThat(robot.lookup("#clerk-profile-sms-remove-" + phoneId).tryQuery()).isPresent();
    assertThat(robot.lookup("Default").tryQuery()).isPresent();
    // backup codes now back the new second factor up
    assertThat(robot.lookup("#clerk-profile-backup-codes-regenerate").tryQuery()).isPresent();

    // later, a sensitive change asks for an SMS code to that number (the only second factor)
    h.emulator.clock().advance(Duration.ofMinutes(11));
    UiFixture.scrollIntoView(robot, "#clerk-profile-backup-codes-regenerate");
    robot.clickOn("#clerk-profile-backup-codes-regenerate");
    UiFixture.await(() -> robot.lookup("#clerk-reverify-code").tryQuery().isPresent());
    assertThat(
            robot.lookup("Enter the code we sent to " + ClerkEmulator.DEMO_PHONE + ".").tryQuery())
        .isPresent();
    UiFixture.await(() -> h.emulator.lastVerificationCode(ClerkEmulator.DEMO_PHONE).isPresent());
    robot
        .clickOn("#clerk-reverify-code")
        .write(h.emulator.lastVerificationCode(ClerkEmulator.DEMO_PHONE).orElseThrow());
    robot.clickOn("#clerk-reverify-continue");
    UiFixture.await(() -> !UiFixture.text(robot, "clerk-profile-backup-codes").isBlank());
    assertThat(
            h.emulator
                .journal()
                .count("POST", "/v1/client/sessions/*/verify/prepare_second_factor"))
        .isEqualTo(1);
    assertThat(
            h.emulator
                .journal()
                .count("POST", "/v1/client/sessions/*/verify/attempt_second_factor"))
        .isEqualTo(1);
    assertThat(h.emulator.journal().count("POST", "/v1/me/backup_codes")).isEqualTo(2);
    robot.clickOn("#clerk-profile-backup-codes-done");

    // and off again
    UiFixture.scrollIntoView(robot, "#clerk-profile-sms-remove-" + phoneId);
    robot.clickOn("#clerk-profile-sms-remove-" + phoneId);
    h.awaitState(s -> !s.user().orElseThrow().twoFactorEnabled());
    UiFixture.await(
        () ->
            robot
                .lookup("Two-step codes are no longer sent to " + ClerkEmulator.DEMO_PHONE + ".")
                .tryQuery()
                .isPresent());
    assertThat(robot.lookup("#clerk-profile-sms-add-" + phoneId).tryQuery()).isPresent();
    assertThat(h.emulator.journal().count("PATCH", "/v1/me/phone_numbers/" + phoneId)).isEqualTo(2);
    assertThat(view.isBusy()).isFalse();
  }

  @Test
  void offersOnlyVerifiedNumbersAndSaysHowToGetOne(FxRobot robot) {
    h.signInGrace();
    UiFixture.openSecurity(robot, view);
    UiFixture.scrollIntoView(robot, "#clerk-profile-sms-none");

    // an unverified number is not offered; the hint stays
    PhoneNumber added = h.client.account().addPhoneNumber("+15555550177").join();
    h.awaitState(s -> !s.user().orElseThrow().phoneNumbers().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#clerk-profile-sms-add-" + added.id()).tryQuery()).isEmpty();
    assertThat(UiFixture.shown(robot, "clerk-profile-sms-none")).isTrue();
  }
}
