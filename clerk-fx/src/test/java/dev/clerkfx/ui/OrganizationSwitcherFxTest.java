package dev.clerkfx.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorOrganization;
import javafx.geometry.Pos;
import javafx.scene.Scene;
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
 * The organization switcher on a headless stage against the emulator: switch, personal account,
 * create, join.
 */
@ExtendWith(ApplicationExtension.class)
class OrganizationSwitcherFxTest {
  private final AccountFixture h =
      AccountFixture.start(
          b ->
              b.organization(
                  EmulatorOrganization.of("Analytical Engines", "engines")
                      .withRole("org:member", "org:engines:read")));
  private OrganizationSwitcher switcher;

  @Start
  void start(Stage stage) {
    switcher = new OrganizationSwitcher(h.client);
    switcher.setId("switcher");
    StackPane root = new StackPane(switcher);
    StackPane.setAlignment(switcher, Pos.TOP_LEFT);
    stage.setScene(new Scene(root, 420, 480));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void switchesBetweenOrganizationsAndThePersonalAccount(FxRobot robot) {
    String adaId = h.emulator.demoUser().id().orElseThrow();
    h.emulator.updateUser(adaId, u -> u.organization("engines", "org:member"));
    AuthSnapshot start = h.signInAda();
    String engines =
        start.user().orElseThrow().organizationMemberships().stream()
            .filter(m -> m.organization().slug().orElse("").equals("engines"))
            .findFirst()
            .orElseThrow()
            .organization()
            .id();
    h.awaitState(s -> s.organizationId().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(switcher.getAccessibleText()).contains("Personal account");

    robot.clickOn("#switcher");
    robot.clickOn("#clerk-organization-" + engines);
    h.awaitState(s -> s.organizationId().orElse("").equals(engines));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(switcher.isShowing()).isFalse();
    assertThat(switcher.getAccessibleText()).contains("Analytical Engines");
    assertThat(h.client.has("org:member")).isTrue();
    assertThat(h.client.has("org:admin")).isFalse();

    // keyboard: Enter opens the menu on its first item (the personal account), Enter chooses it
    robot.interact(switcher::requestFocus);
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(switcher.isShowing()).isTrue();
    robot.type(KeyCode.ENTER);
    h.awaitState(s -> s.organizationId().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(switcher.getAccessibleText()).contains("Personal account");
    assertThat(h.client.has("org:member")).isFalse();
  }

  @Test
  void createsAnOrganizationAndJoinsOneItIsInvitedTo(FxRobot robot) {
    h.signInAda();
    String enginesId =
        h.emulator.createOrganization(EmulatorOrganization.of("Difference Engines", "difference"));
    String invitation =
        h.emulator.inviteToOrganization(enginesId, ClerkEmulator.DEMO_EMAIL, "org:member");
    WaitForAsyncUtils.waitForFxEvents();

    robot.clickOn("#switcher");
    // the invitation arrives in the background and shows in the open menu
    UiFixture.await(
        () -> robot.lookup("#clerk-organization-invitation-" + invitation).tryQuery().isPresent());
    robot.clickOn("#clerk-organization-invitation-" + invitation);
    h.awaitState(s -> s.user().orElseThrow().membership(enginesId).isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(switcher.isShowing()).isFalse();

    robot.clickOn("#switcher");
    robot.clickOn("#clerk-organization-create");
    robot.clickOn("#clerk-organization-create-name").write("Babbage Labs");
    robot.type(KeyCode.ENTER);
    AuthSnapshot created =
        h.awaitState(
            s ->
                s.organization()
                    .flatMap(m -> m.organization().name())
                    .orElse("")
                    .equals("Babbage Labs"));
    assertThat(created.organizationRole()).contains("org:admin");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(switcher.getAccessibleText()).contains("Babbage Labs");
    assertThat(h.emulator.journal().count("POST", "/v1/organizations")).isEqualTo(1);
  }
}
