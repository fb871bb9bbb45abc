package dev.clerkfx.ui;

import static dev.clerkfx.ui.UiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorUser;
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
 * {@link SignedIn}, {@link SignedOut} and {@link Protect} follow the client's state on a live
 * stage.
 */
@ExtendWith(ApplicationExtension.class)
class GatesFxTest {
  private static final String MEMBER = "member+clerk_test@example.com";
  private static final String MEMBER_PASSWORD = "just-a-member-1";

  private final UiFixture fx =
      new UiFixture(
          b ->
              b.user(
                  EmulatorUser.builder()
                      .email(MEMBER)
                      .password(MEMBER_PASSWORD)
                      .firstName("Max")
                      .organization("demo", "org:member")
                      .build()));
  private SignedIn signedIn;
  private SignedOut signedOut;
  private Protect adminOnly;
  private Protect canManage;
  private Label fallback;

  @Start
  void start(Stage stage) {
    ClerkClient c = fx.client;
    signedIn = new SignedIn(c, new Label("welcome"));
    signedOut = new SignedOut(c, new Label("please sign in"));
    adminOnly = new Protect(c, new Label("admin area"));
    adminOnly.setRole("org:admin");
    fallback = new Label("admins only");
    adminOnly.setFallback(fallback);
    canManage = new Protect(c, new Label("manage members"));
    canManage.setPermission("org:sys_memberships:manage");
    stage.setScene(new Scene(new VBox(signedIn, signedOut, adminOnly, canManage), 300, 200));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private void signInWithOrganization(String email, String password) {
    fx.client.signIn().withPassword(email, password).join();
    String sessionId = fx.client.snapshot().sessionId().orElseThrow();
    String orgId =
        fx.client
            .snapshot()
            .user()
            .orElseThrow()
            .organizationMemberships()
            .get(0)
            .organization()
            .id();
    fx.client.setActive(sessionId, orgId).join();
  }

  @Test
  void signedInAndSignedOutFollowTheSession(FxRobot robot) {
    await(() -> signedOut.isVisible() && !signedIn.isVisible());
    assertThat(signedIn.isManaged()).isFalse();
    fx.client.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    await(() -> signedIn.isVisible() && !signedOut.isVisible());
    assertThat(signedOut.isManaged()).isFalse();
    fx.client.signOut().join();
    await(() -> signedOut.isVisible() && !signedIn.isVisible());
  }

  @Test
  void protectShowsContentByRoleAndTheFallbackOtherwise(FxRobot robot) {
    await(() -> fallback.isVisible() && !adminOnly.isAuthorized());
    signInWithOrganization(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    await(() -> adminOnly.isAuthorized() && !fallback.isVisible());
    assertThat(adminOnly.getChildren().get(0).isVisible()).isTrue();
    await(canManage::isAuthorized);

    fx.client.signOut().join();
    await(() -> !adminOnly.isAuthorized() && fallback.isVisible());
    signInWithOrganization(MEMBER, MEMBER_PASSWORD);
    await(() -> fx.client.snapshot().signedIn());
    await(() -> "org:member".equals(fx.client.auth().getOrgRole()));
    assertThat(adminOnly.isAuthorized()).isFalse();
    assertThat(fallback.isVisible()).isTrue();
    assertThat(adminOnly.getChildren().get(0).isVisible()).isFalse();
    assertThat(canManage.isAuthorized()).isFalse();

    // changing the requirement re-evaluates at once
    robot.interact(() -> adminOnly.setRole("org:member"));
    assertThat(adminOnly.isAuthorized()).isTrue();
  }
}
