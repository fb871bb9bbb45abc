package dev.clerkfx.ui;

import static dev.clerkfx.ui.UiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.clerkfx.internal.ui.StepForm;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorUser;
import dev.clerkfx.testkit.Fault;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the sign-in components in each state worth seeing, light and dark, on Modena and on
 * AtlantaFX, to PNG under {@code target/gallery/} (the gallery in {@code docs/ui/} is picked from
 * these).
 */
@ExtendWith(ApplicationExtension.class)
class SignInGalleryTest {
  private final List<UiFixture> fixtures = new ArrayList<>();
  private final List<Path> written = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    fx(
        () -> {
          Application.setUserAgentStylesheet(null);
          return null;
        });
    fixtures.forEach(UiFixture::close);
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get();
  }

  private SignInView view(
      Consumer<ClerkEmulator.Builder> settings, SignInView.Mode mode, Locale locale)
      throws Exception {
    UiFixture f = new UiFixture(settings, locale);
    fixtures.add(f);
    SignInView v =
        fx(
            () -> {
              SignInView view = new SignInView(f.client, f.uiClock);
              view.setMode(mode);
              StackPane root = new StackPane(view);
              new javafx.scene.Scene(root, 420, 600);
              root.applyCss(); // creates the skin, which shows the first step
              root.layout();
              return view;
            });
    return v;
  }

  private static UiFixture fixtureOf(List<UiFixture> all) {
    return all.get(all.size() - 1);
  }

  private static StepForm step(SignInView view) {
    return (StepForm)
        view.lookupAll(".clerk-step").stream()
            .filter(n -> n.getScene() != null)
            .reduce((a, b) -> b)
            .orElseThrow();
  }

  private static void awaitStep(SignInView view, String name) {
    await(() -> !view.lookupAll(".clerk-step").isEmpty() && step(view).name().equals(name));
  }

  /** Types into a field of the current step and submits it, as Enter would. */
  private static void submit(SignInView view, String field, String value) throws Exception {
    fx(
        () -> {
          ((TextInputControl) view.lookup("#clerk-" + field)).setText(value);
          step(view).submit();
          return null;
        });
  }

  /** Renders the view's scene root in light and dark. */
  private void both(SignInView view, String name) throws Exception {
    fx(
        () -> {
          Parent root = view.getScene().getRoot();
          root.getStyleClass().remove(ClerkUi.DARK_STYLE_CLASS);
          written.add(Gallery.render(root, 420, 600, name + "-light"));
          root.getStyleClass().add(ClerkUi.DARK_STYLE_CLASS);
          written.add(Gallery.render(root, 420, 600, name + "-dark"));
          root.getStyleClass().remove(ClerkUi.DARK_STYLE_CLASS);
          return null;
        });
  }

  @Test
  void renderTheSignInStates() throws Exception {
    SignInView start = view(b -> {}, SignInView.Mode.SIGN_IN, Locale.ENGLISH);
    awaitStep(start, "start");
    both(start, "sign-in-start");

    submit(start, "identifier", ClerkEmulator.DEMO_EMAIL);
    awaitStep(start, "password");
    submit(start, "password", "not-my-password");
    await(() -> start.lookup("#clerk-error-password").isVisible());
    both(start, "sign-in-password-error");

    String otp = "otp+clerk_test@example.com";
    SignInView code =
        view(
            b -> b.user(EmulatorUser.builder().email(otp).build()),
            SignInView.Mode.SIGN_IN,
            Locale.ENGLISH);
    awaitStep(code, "start");
    submit(code, "identifier", otp);
    awaitStep(code, "email-code");
    fixtureOf(fixtures).uiClock.advance(Duration.ofSeconds(4));
    await(
        () ->
            ((javafx.scene.control.Hyperlink) code.lookup("#clerk-resend"))
                .getText()
                .contains("26 s"));
    both(code, "sign-in-email-code");

    String mfa = "mfa+clerk_test@example.com";
    SignInView totp =
        view(
            b ->
                b.user(
                    EmulatorUser.builder()
                        .email(mfa)
                        .password("two-factors-1")
                        .totpSecret("JBSWY3DPEHPK3PXP")
                        .build()),
            SignInView.Mode.SIGN_IN,
            Locale.ENGLISH);
    awaitStep(totp, "start");
    submit(totp, "identifier", mfa);
    awaitStep(totp, "password");
    submit(totp, "password", "two-factors-1");
    awaitStep(totp, "totp");
    both(totp, "sign-in-totp");

    SignInView limited = view(b -> {}, SignInView.Mode.SIGN_IN, Locale.ENGLISH);
    awaitStep(limited, "start");
    fixtureOf(fixtures)
        .emulator
        .faults()
        .add(Fault.on("POST", "/v1/client/sign_ins").rateLimited(Duration.ofSeconds(8)).times(1));
    submit(limited, "identifier", ClerkEmulator.DEMO_EMAIL);
    await(() -> limited.lookup("#clerk-step-error").isVisible());
    both(limited, "sign-in-rate-limited");

    SignInView signUp = view(b -> {}, SignInView.Mode.SIGN_UP, Locale.ENGLISH);
    awaitStep(signUp, "sign-up");
    both(signUp, "sign-up");

    SignInView missing = view(b -> {}, SignInView.Mode.SIGN_IN_OR_UP, Locale.ENGLISH);
    awaitStep(missing, "start");
    submit(missing, "identifier", "newcomer+clerk_test@example.com");
    awaitStep(missing, "missing-password");
    both(missing, "sign-up-missing-password");

    SignInView german = view(b -> {}, SignInView.Mode.SIGN_IN, Locale.GERMAN);
    awaitStep(german, "start");
    both(german, "sign-in-start-de");

    SignInView narrow = view(b -> {}, SignInView.Mode.SIGN_UP, Locale.ENGLISH);
    awaitStep(narrow, "sign-up");
    fx(
        () -> {
          Parent root = narrow.getScene().getRoot();
          narrow.getScene().setRoot(new StackPane());
          new javafx.scene.Scene(root, 360, 600);
          written.add(Gallery.render(root, 360, 600, "sign-up-360px-light"));
          return null;
        });

    // beside AtlantaFX's themes
    SignInView atlanta = view(b -> {}, SignInView.Mode.SIGN_IN, Locale.ENGLISH);
    awaitStep(atlanta, "start");
    fx(
        () -> {
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          written.add(
              Gallery.render(
                  atlanta.getScene().getRoot(), 420, 600, "sign-in-start-atlantafx-light"));
          Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
          atlanta.getScene().getRoot().getStyleClass().add(ClerkUi.DARK_STYLE_CLASS);
          written.add(
              Gallery.render(
                  atlanta.getScene().getRoot(), 420, 600, "sign-in-start-atlantafx-dark"));
          return null;
        });

    // the status banner and its development badge above an app
    UiFixture bannerFx = new UiFixture(b -> {});
    fixtures.add(bannerFx);
    fx(
        () -> {
          Application.setUserAgentStylesheet(null);
          BorderPane app = new BorderPane(new Label("Your app"));
          app.setTop(new ClerkStatusBanner(bannerFx.client));
          written.add(Gallery.render(app, 420, 80, "status-banner-light"));
          app.getStyleClass().add(ClerkUi.DARK_STYLE_CLASS);
          written.add(Gallery.render(app, 420, 80, "status-banner-dark"));
          return null;
        });

    assertThat(written).hasSize(21);
    for (Path file : written) {
      BufferedImage image = ImageIO.read(file.toFile());
      assertThat(image.getWidth()).as(file.toString()).isGreaterThanOrEqualTo(360);
      assertThat(distinctColours(image)).as("%s has content", file).isGreaterThan(20);
    }
    assertThat(luminance(ImageIO.read(Gallery.DIR.resolve("sign-in-start-dark.png").toFile())))
        .isLessThan(
            luminance(ImageIO.read(Gallery.DIR.resolve("sign-in-start-light.png").toFile())) / 2);
  }

  private static long distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  private static double luminance(BufferedImage image) {
    double sum = 0;
    int n = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        int rgb = image.getRGB(x, y);
        sum += 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
        n++;
      }
    }
    return sum / n;
  }
}
