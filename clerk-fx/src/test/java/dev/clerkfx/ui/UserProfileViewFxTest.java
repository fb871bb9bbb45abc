package dev.clerkfx.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.clerkfx.model.User;
import dev.clerkfx.testkit.ClerkEmulator;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The user profile on a headless stage against the emulator: a name change and an authenticator-app
 * enrolment.
 */
@ExtendWith(ApplicationExtension.class)
class UserProfileViewFxTest {
  private final AccountFixture h = AccountFixture.start(b -> {});
  private UserProfileView view;
  private Label boundName;

  @Start
  void start(Stage stage) {
    view = new UserProfileView(h.client);
    boundName = new Label();
    boundName.setId("bound-name");
    boundName.textProperty().bind(h.client.user().fullNameProperty());
    stage.setScene(new Scene(new VBox(boundName, view), 600, 760));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void changesTheNameWithEnterAndTheRestOfTheAppFollows(FxRobot robot) {
    h.signInAda();
    WaitForAsyncUtils.waitForFxEvents();
    TextField first = robot.lookup("#clerk-profile-first-name").queryAs(TextField.class);
    assertThat(first.getText()).isEqualTo("Ada");

    robot.doubleClickOn(first);
    robot.interact(first::selectAll);
    robot.write("Augusta Ada");
    robot.type(KeyCode.ENTER); // submits this form (Save), no other
    User user =
        h.awaitState(s -> s.user().flatMap(User::firstName).orElse("").equals("Augusta Ada"))
            .user()
            .orElseThrow();
    assertThat(user.lastName()).contains("Lovelace");
    assertThat(h.emulator.journal().count("PATCH", "/v1/me")).isEqualTo(1);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(boundName.getText()).isEqualTo("Augusta Ada Lovelace");
    assertThat(first.getText()).isEqualTo("Augusta Ada");
    assertThat(robot.lookup("Profile saved.").tryQuery()).isPresent();
    assertThat(view.isBusy()).isFalse();
  }

  @Test
  void enrolsAnAuthenticatorAppFromTheQrCodeItRenders(FxRobot robot) throws Exception {
    h.signInAda();
    WaitForAsyncUtils.waitForFxEvents();
    UiFixture.openSecurity(robot, view);
    assertThat(h.client.snapshot().user().orElseThrow().totpEnabled()).isFalse();
    UiFixture.scrollIntoView(robot, "#clerk-profile-totp-add");
    robot.clickOn("#clerk-profile-totp-add");
    UiFixture.await(
        () -> robot.lookup("#clerk-profile-totp-qr").queryAs(ImageView.class).getImage() != null);
    Image qr = robot.lookup("#clerk-profile-totp-qr").queryAs(ImageView.class).getImage();
    String secret = robot.lookup("#clerk-profile-totp-secret").queryAs(TextField.class).getText();

    // a real QR decoder reads the otpauth URI back, carrying the secret shown beside it
    String uri = decode(qr);
    assertThat(uri).startsWith("otpauth://totp/");
    String query = URI.create(uri).getRawQuery();
    assertThat(URLDecoder.decode(query, StandardCharsets.UTF_8)).contains("secret=" + secret);

    UiFixture.scrollIntoView(robot, "#clerk-profile-totp-code");
    robot.clickOn("#clerk-profile-totp-code").write(h.emulator.totpCode(secret));
    robot.type(KeyCode.ENTER);
    h.awaitState(s -> s.user().orElseThrow().totpEnabled());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(h.emulator.journal().count("POST", "/v1/me/totp/attempt_verification")).isEqualTo(1);
    assertThat(robot.lookup("#clerk-profile-totp-remove").tryQuery()).isPresent();
  }

  @Test
  void asksTheUserToConfirmWhenClerkWantsReverificationThenCompletesTheChange(FxRobot robot) {
    h.signInAda();
    WaitForAsyncUtils.waitForFxEvents();
    UiFixture.openSecurity(robot, view);
    h.emulator
        .clock()
        .advance(Duration.ofMinutes(11)); // the sign-in is now too old for a sensitive change

    robot.clickOn("#clerk-profile-password-current").write(ClerkEmulator.DEMO_PASSWORD);
    robot.clickOn("#clerk-profile-password-new").write("a-new-password-2026");
    robot.clickOn("#clerk-profile-password-confirm").write("a-new-password-2026");
    robot.type(KeyCode.ENTER);
    UiFixture.await(() -> robot.lookup("#clerk-reverify-password").tryQuery().isPresent());
    assertThat(h.emulator.journal().count("POST", "/v1/me/change_password")).isEqualTo(1);

    robot.clickOn("#clerk-reverify-password").write(ClerkEmulator.DEMO_PASSWORD);
    robot.type(KeyCode.ENTER); // the dialog's Continue
    UiFixture.await(() -> robot.lookup("Password updated.").tryQuery().isPresent());
    assertThat(h.emulator.journal().count("POST", "/v1/me/change_password")).isEqualTo(2);
    assertThat(
            h.emulator.journal().count("POST", "/v1/client/sessions/*/verify/attempt_first_factor"))
        .isEqualTo(1);
    assertThat(robot.lookup("#clerk-profile-password-new").queryAs(TextField.class).getText())
        .isEmpty();
    assertThat(robot.lookup("#clerk-reverify-password").tryQuery()).isEmpty();
  }

  static String decode(Image image) throws Exception {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    image
        .getPixelReader()
        .getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
    // the image is a whole, unrotated code with its quiet zone: read it as such rather than by
    // searching for finder patterns, which can misjudge a few random payloads
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, argb))),
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }
}
