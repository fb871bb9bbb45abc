package dev.clerkfx.ui;

import static dev.clerkfx.ui.UiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.internal.ui.Avatar;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorOrganization;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the account components (user button menu, organization switcher, user profile) light and
 * dark to PNG under {@code target/gallery/}, next to the sign-in ones; the gallery in {@code
 * docs/ui/} is picked from these.
 */
@ExtendWith(ApplicationExtension.class)
class AccountGalleryTest {
  private final List<AccountFixture> fixtures = new ArrayList<>();
  private final List<Stage> stages = new ArrayList<>();
  private final List<Path> written = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    fx(
        () -> {
          stages.forEach(Stage::close);
          return null;
        });
    fixtures.forEach(AccountFixture::close);
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get();
  }

  private AccountFixture fixture(Locale locale) {
    AccountFixture f =
        AccountFixture.start(
            b ->
                b.multiSession(true)
                    .organization(
                        EmulatorOrganization.of("Analytical Engines", "engines")
                            .withRole("org:member")),
            locale);
    fixtures.add(f);
    return f;
  }

  /** Shows {@code node} in a window of its own, light or dark, and returns the scene root. */
  private Parent stage(Node node, double width, double height, boolean dark) throws Exception {
    return fx(
        () -> {
          StackPane root = new StackPane(node);
          root.getStyleClass().add("gallery-backdrop");
          root.setStyle(
              "-fx-background-color: " + (dark ? "#111114" : "#f4f4f6") + "; -fx-padding: 12;");
          if (dark) root.getStyleClass().add(ClerkUi.DARK_STYLE_CLASS);
          StackPane.setAlignment(node, javafx.geometry.Pos.TOP_LEFT);
          Stage stage = new Stage();
          stage.setScene(new Scene(root, width, height));
          stage.show();
          stages.add(stage);
          return root;
        });
  }

  /** The root of the menu popup that is showing. */
  private static Parent popup() throws Exception {
    return fx(
        () ->
            Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow && w.isShowing())
                .map(w -> w.getScene().getRoot())
                .reduce((a, b) -> b)
                .orElseThrow());
  }

  /**
   * Waits (at most 10 s) until every avatar under {@code node} shows its picture, so images are
   * complete.
   */
  private static void awaitPictures(Parent node) {
    await(
        () ->
            node.lookupAll(".clerk-avatar").stream()
                .allMatch(n -> ((Avatar) n).isShowingPicture()));
  }

  private void menu(Function<AccountFixture, Control> component, String name) throws Exception {
    for (boolean dark : new boolean[] {false, true}) {
      AccountFixture f = fixture(Locale.ENGLISH);
      f.signInGrace();
      f.signInAda();
      String engines =
          f.emulator.createOrganization(
              EmulatorOrganization.of("Difference Engines", "difference"));
      f.emulator.inviteToOrganization(engines, ClerkEmulator.DEMO_EMAIL, "org:member");
      Control c = fx(() -> component.apply(f));
      stage(c, 420, 120, dark);
      fx(
          () -> {
            if (c instanceof UserButton b) b.show();
            if (c instanceof OrganizationSwitcher s) s.show();
            return null;
          });
      await(
          () -> c instanceof UserButton b ? b.isShowing() : ((OrganizationSwitcher) c).isShowing());
      Parent menu = popup();
      if (c instanceof OrganizationSwitcher) {
        await(
            () ->
                menu.lookupAll(".clerk-menu-item").stream()
                    .anyMatch(
                        n ->
                            n.getId() != null
                                && n.getId().startsWith("clerk-organization-invitation-")));
      }
      awaitPictures(menu);
      written.add(fx(() -> Gallery.render(menu, name + (dark ? "-dark" : "-light"))));
      fx(
          () -> {
            if (c instanceof UserButton b) b.hide();
            if (c instanceof OrganizationSwitcher s) s.hide();
            return null;
          });
    }
  }

  @Test
  void renderTheUserButtonAndTheOrganizationSwitcher() throws Exception {
    menu(
        f -> {
          UserButton b = new UserButton(f.client);
          b.setShowName(true);
          return b;
        },
        "user-button-menu");
    menu(f -> new OrganizationSwitcher(f.client), "organization-switcher-menu");
    checkImages(4, "user-button-menu");
  }

  @Test
  void renderTheUserProfile() throws Exception {
    for (boolean dark : new boolean[] {false, true}) {
      AccountFixture f = fixture(Locale.ENGLISH);
      f.signInAda();
      UserProfileView view = fx(() -> new UserProfileView(f.client));
      Parent root = stage(view, 600, 760, dark);
      awaitPictures(root);
      String theme = dark ? "-dark" : "-light";
      written.add(fx(() -> Gallery.render(root, "user-profile" + theme)));

      // security: authenticator-app enrolment with the QR code the SDK renders
      fx(
          () -> {
            view.setPage(UserProfileView.Page.SECURITY);
            return null;
          });
      WaitForAsyncUtils.waitForFxEvents();
      fx(
          () -> {
            ((javafx.scene.control.Button) root.lookup("#clerk-profile-totp-add")).fire();
            return null;
          });
      await(
          () ->
              ((javafx.scene.image.ImageView) root.lookup("#clerk-profile-totp-qr")).getImage()
                  != null);
      await(
          () ->
              root.lookup("#clerk-profile-section-devices").lookupAll(".clerk-profile-row").size()
                  > 0);
      fx(
          () -> {
            Node n = root.lookup("#clerk-profile-section-mfa");
            while (!(n instanceof javafx.scene.control.ScrollPane)) n = n.getParent();
            ((javafx.scene.control.ScrollPane) n).setVvalue(0.45);
            return null;
          });
      WaitForAsyncUtils.waitForFxEvents();
      written.add(fx(() -> Gallery.render(root, "user-profile-security-totp" + theme)));
    }

    AccountFixture german = fixture(Locale.GERMAN);
    german.signInAda();
    Parent de = stage(fx(() -> new UserProfileView(german.client)), 600, 760, false);
    awaitPictures(de);
    written.add(fx(() -> Gallery.render(de, "user-profile-de-light")));

    AccountFixture narrow = fixture(Locale.ENGLISH);
    narrow.signInAda();
    Parent small = stage(fx(() -> new UserProfileView(narrow.client)), 360, 640, false);
    awaitPictures(small);
    written.add(fx(() -> Gallery.render(small, "user-profile-360px-light")));
    checkImages(6, "user-profile");
  }

  private void checkImages(int count, String lightAndDark) throws Exception {
    assertThat(written).hasSize(count);
    for (Path file : written) {
      BufferedImage image = ImageIO.read(file.toFile());
      assertThat(image.getWidth()).as(file.toString()).isGreaterThanOrEqualTo(200);
      assertThat(image.getHeight()).as(file.toString()).isGreaterThanOrEqualTo(100);
    }
    double light =
        meanBrightness(ImageIO.read(Gallery.DIR.resolve(lightAndDark + "-light.png").toFile()));
    double dark =
        meanBrightness(ImageIO.read(Gallery.DIR.resolve(lightAndDark + "-dark.png").toFile()));
    assertThat(dark).isLessThan(light / 2);
  }

  /** The mean of r + g + b over the opaque pixels (popups have transparent rounded corners). */
  private static double meanBrightness(BufferedImage image) {
    return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
        .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
        .filter(argb -> (argb >>> 24) == 0xff)
        .map(argb -> ((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff))
        .average()
        .orElse(0);
  }
}
