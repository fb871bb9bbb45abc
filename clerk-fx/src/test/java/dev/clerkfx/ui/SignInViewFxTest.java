package dev.clerkfx.ui;

import static dev.clerkfx.ui.UiFixture.await;
import static dev.clerkfx.ui.UiFixture.awaitStep;
import static dev.clerkfx.ui.UiFixture.shown;
import static dev.clerkfx.ui.UiFixture.text;
import static dev.clerkfx.ui.UiFixture.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.TestBrowser;
import dev.clerkfx.browser.BrowserSignInOptions;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorSession;
import dev.clerkfx.testkit.EmulatorUser;
import dev.clerkfx.testkit.Fault;
import dev.clerkfx.testkit.internal.totp.Totp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Each sign-in and sign-up flow of {@link SignInView}, end to end on a headless stage against the
 * emulator.
 */
@ExtendWith(ApplicationExtension.class)
class SignInViewFxTest {
  private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
  private static final String MFA_EMAIL = "mfa+clerk_test@example.com";
  private static final String MFA_PASSWORD = "two-factors-1";

  private Stage stage;
  private UiFixture fx;
  private SignInView view;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 420, 640));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    if (fx != null) fx.close();
  }

  private void open(FxRobot robot, Consumer<ClerkEmulator.Builder> settings, SignInView.Mode mode) {
    open(robot, settings, mode, Locale.ENGLISH);
  }

  private void open(
      FxRobot robot,
      Consumer<ClerkEmulator.Builder> settings,
      SignInView.Mode mode,
      Locale locale) {
    open(robot, settings, mode, locale, c -> {});
  }

  private void open(
      FxRobot robot,
      Consumer<ClerkEmulator.Builder> settings,
      SignInView.Mode mode,
      Locale locale,
      Consumer<ClerkClient.Builder> clientSettings) {
    fx = new UiFixture(settings, locale, clientSettings);
    robot.interact(
        () -> {
          view = new SignInView(fx.client, fx.uiClock);
          view.setMode(mode);
          stage.getScene().setRoot(view);
        });
  }

  private static EmulatorUser mfaUser() {
    return EmulatorUser.builder()
        .email(MFA_EMAIL)
        .password(MFA_PASSWORD)
        .firstName("Grace")
        .lastName("Hopper")
        .totpSecret(TOTP_SECRET)
        .backupCodes(List.of("11112222", "33334444"))
        .build();
  }

  private void assertSignedIn() {
    try {
      await(() -> view.getSession() != null);
    } catch (AssertionError e) {
      throw new AssertionError(
          "not signed in; step "
              + UiFixture.stepName(new FxRobot())
              + " says: "
              + new FxRobot()
                  .lookup(".clerk-field-error, .clerk-step-error").queryAll().stream()
                      .filter(n -> n.isVisible())
                      .map(n -> ((javafx.scene.control.Label) n).getText())
                      .toList(),
          e);
    }
    assertThat(fx.client.snapshot().signedIn()).isTrue();
    assertThat(view.getSession().id()).isEqualTo(fx.client.snapshot().sessionId().orElseThrow());
  }

  private void passIdentifier(FxRobot robot, String identifier) {
    awaitStep(robot, "start");
    UiFixture.assertFocused(robot, "clerk-identifier");
    robot.write(identifier);
    robot.type(KeyCode.ENTER);
  }

  @Test
  void password(FxRobot robot) {
    open(robot, b -> {}, SignInView.Mode.SIGN_IN);
    passIdentifier(robot, ClerkEmulator.DEMO_EMAIL);
    awaitStep(robot, "password");
    UiFixture.assertFocused(robot, "clerk-password");
    robot.write(ClerkEmulator.DEMO_PASSWORD);
    robot.type(KeyCode.ENTER);
    assertSignedIn();
    awaitStep(robot, "done");
    // the view's language went to Clerk with the new sign-in
    assertThat(
            fx.emulator
                .journal()
                .requests("POST", "/v1/client/sign_ins")
                .get(0)
                .formField("locale"))
        .contains("en");
  }

  @Test
  void wrongPasswordShowsClerksMessageBesideTheFieldAndKeepsIt(FxRobot robot) {
    open(robot, b -> {}, SignInView.Mode.SIGN_IN);
    passIdentifier(robot, ClerkEmulator.DEMO_EMAIL);
    awaitStep(robot, "password");
    robot.write("not-the-password");
    robot.type(KeyCode.ENTER);
    await(() -> shown(robot, "clerk-error-password"));
    assertThat(text(robot, "clerk-error-password")).containsIgnoringCase("password");
    assertThat(text(robot, "clerk-password")).isEqualTo("not-the-password");
    assertThat(robot.lookup("#clerk-continue").queryButton().isDisabled()).isFalse();
    assertThat(fx.client.snapshot().signedIn()).isFalse();
    // typing again clears the message; the right password signs in
    UiFixture.retype(robot, "clerk-password", ClerkEmulator.DEMO_PASSWORD);
    assertThat(shown(robot, "clerk-error-password")).isFalse();
    robot.type(KeyCode.ENTER);
    assertSignedIn();
  }

  @Test
  void emailCodeWithResendCountdown(FxRobot robot) {
    String email = "otp+clerk_test@example.com";
    open(
        robot,
        b -> b.user(EmulatorUser.builder().email(email).firstName("Otto").build()),
        SignInView.Mode.SIGN_IN);
    passIdentifier(robot, email);
    awaitStep(robot, "email-code");
    assertThat(fx.emulator.journal().count("POST", "/v1/client/sign_ins/*/prepare_first_factor"))
        .isEqualTo(1);
    Hyperlink resend = robot.lookup("#clerk-resend").queryAs(Hyperlink.class);
    assertThat(resend.isDisabled()).isTrue();
    assertThat(resend.getText()).contains("30 s");
    fx.uiClock.advance(Duration.ofSeconds(12));
    await(() -> resend.getText().contains("18 s"));
    fx.uiClock.advance(Duration.ofSeconds(18));
    await(() -> !resend.isDisabled());
    robot.clickOn(resend);
    await(
        () ->
            fx.emulator.journal().count("POST", "/v1/client/sign_ins/*/prepare_first_factor") == 2);
    await(resend::isDisabled);
    type(robot, "clerk-code", fx.emulator.lastVerificationCode(email).orElseThrow());
    robot.type(KeyCode.ENTER);
    assertSignedIn();
  }

  @Test
  void totpSecondFactor(FxRobot robot) {
    open(robot, b -> b.user(mfaUser()), SignInView.Mode.SIGN_IN);
    passIdentifier(robot, MFA_EMAIL);
    awaitStep(robot, "password");
    robot.write(MFA_PASSWORD).type(KeyCode.ENTER);
    awaitStep(robot, "totp");
    UiFixture.assertFocused(robot, "clerk-code");
    robot.write(Totp.currentCode(TOTP_SECRET, Clock.systemUTC())).type(KeyCode.ENTER);
    assertSignedIn();
  }

  @Test
  void backupCodeThroughAnotherMethod(FxRobot robot) {
    open(robot, b -> b.user(mfaUser()), SignInView.Mode.SIGN_IN);
    passIdentifier(robot, MFA_EMAIL);
    awaitStep(robot, "password");
    robot.write(MFA_PASSWORD).type(KeyCode.ENTER);
    awaitStep(robot, "totp");
    robot.clickOn("#clerk-another-method");
    awaitStep(robot, "alternatives");
    robot.clickOn("#clerk-method-backup-code");
    awaitStep(robot, "backup-code");
    robot.write("33334444").type(KeyCode.ENTER);
    assertSignedIn();
  }

  @Test
  void clientTrustOnANewDevice(FxRobot robot) {
    open(robot, b -> b.clientTrust(true), SignInView.Mode.SIGN_IN);
    passIdentifier(robot, ClerkEmulator.DEMO_EMAIL);
    awaitStep(robot, "password");
    robot.write(ClerkEmulator.DEMO_PASSWORD).type(KeyCode.ENTER);
    awaitStep(robot, "client-trust");
    assertThat(fx.client.snapshot().signedIn()).isFalse();
    robot
        .write(fx.emulator.lastVerificationCode(ClerkEmulator.DEMO_EMAIL).orElseThrow())
        .type(KeyCode.ENTER);
    assertSignedIn();
  }

  @Test
  void forgottenPassword(FxRobot robot) {
    open(robot, b -> {}, SignInView.Mode.SIGN_IN);
    passIdentifier(robot, ClerkEmulator.DEMO_EMAIL);
    awaitStep(robot, "password");
    robot.clickOn("#clerk-forgot-password");
    awaitStep(robot, "reset-code");
    robot
        .write(fx.emulator.lastVerificationCode(ClerkEmulator.DEMO_EMAIL).orElseThrow())
        .type(KeyCode.ENTER);
    awaitStep(robot, "new-password");
    robot.write("a-new-secret-42");
    type(robot, "clerk-confirm-password", "a-different-one");
    robot.type(KeyCode.ENTER);
    await(() -> shown(robot, "clerk-error-confirm-password"));
    UiFixture.retype(robot, "clerk-confirm-password", "a-new-secret-42");
    robot.type(KeyCode.ENTER);
    assertSignedIn();
    assertThat(fx.emulator.demoUser().password()).contains("a-new-secret-42");
  }

  @Test
  void signUpWithEmailVerification(FxRobot robot) {
    String email = "newcomer+clerk_test@example.com";
    open(robot, b -> {}, SignInView.Mode.SIGN_UP);
    awaitStep(robot, "sign-up");
    // first empty field gets focus: the optional first name comes first
    UiFixture.assertFocused(robot, "clerk-first-name");
    robot.write("Mary");
    type(robot, "clerk-email-address", email);
    type(robot, "clerk-password", "long-enough-secret");
    robot.type(KeyCode.ENTER);
    awaitStep(robot, "verify-email");
    robot.write(fx.emulator.lastVerificationCode(email).orElseThrow()).type(KeyCode.ENTER);
    assertSignedIn();
    assertThat(fx.emulator.userByIdentifier(email).orElseThrow().firstName()).contains("Mary");
    assertThat(
            fx.emulator
                .journal()
                .requests("POST", "/v1/client/sign_ups")
                .get(0)
                .formField("locale"))
        .contains("en");
  }

  @Test
  void missingRequirementsAreAskedForOneAtATime(FxRobot robot) {
    String email = "unknown+clerk_test@example.com";
    open(robot, b -> {}, SignInView.Mode.SIGN_IN_OR_UP);
    passIdentifier(robot, email);
    // no account has it: a sign-up starts with it and Clerk reports the password missing
    awaitStep(robot, "missing-password");
    UiFixture.assertFocused(robot, "clerk-password");
    robot.write("short").type(KeyCode.ENTER);
    await(() -> shown(robot, "clerk-error-password"));
    UiFixture.retype(robot, "clerk-password", "long-enough-secret");
    robot.type(KeyCode.ENTER);
    awaitStep(robot, "verify-email");
    robot.write(fx.emulator.lastVerificationCode(email).orElseThrow()).type(KeyCode.ENTER);
    assertSignedIn();
  }

  @Test
  void rateLimitedShowsALiveCountdownAndBlocksTheStep(FxRobot robot) {
    open(robot, b -> {}, SignInView.Mode.SIGN_IN);
    fx.emulator
        .faults()
        .add(Fault.on("POST", "/v1/client/sign_ins").rateLimited(Duration.ofSeconds(5)).times(1));
    passIdentifier(robot, ClerkEmulator.DEMO_EMAIL);
    await(() -> shown(robot, "clerk-step-error"));
    Button next = robot.lookup("#clerk-continue").queryButton();
    assertThat(text(robot, "clerk-step-error"))
        .isEqualTo("Too many attempts \u2014 try again in 5 s");
    assertThat(next.isDisabled()).isTrue();
    // focus is back on the field after the request: Enter means this step, which is blocked
    UiFixture.assertFocused(robot, "clerk-identifier");
    robot.type(KeyCode.ENTER);
    fx.uiClock.advance(Duration.ofSeconds(2));
    await(() -> text(robot, "clerk-step-error").contains("3 s"));
    assertThat(UiFixture.stepName(robot)).isEqualTo("start");
    assertThat(next.isDisabled()).isTrue();
    assertThat(fx.emulator.journal().count("POST", "/v1/client/sign_ins")).isEqualTo(1);
    fx.uiClock.advance(Duration.ofSeconds(3));
    await(() -> !next.isDisabled() && !shown(robot, "clerk-step-error"));
    assertThat(text(robot, "clerk-identifier")).isEqualTo(ClerkEmulator.DEMO_EMAIL);
    robot.clickOn(next);
    awaitStep(robot, "password");
  }

  @Test
  void networkDownIsNamedAsSuch(FxRobot robot) {
    open(robot, b -> {}, SignInView.Mode.SIGN_IN);
    fx.emulator.faults().add(Fault.on("POST", "/v1/client/sign_ins").dropConnection());
    passIdentifier(robot, ClerkEmulator.DEMO_EMAIL);
    await(() -> shown(robot, "clerk-step-error"));
    assertThat(text(robot, "clerk-step-error")).startsWith("Can't reach Clerk");
    assertThat(text(robot, "clerk-identifier")).isEqualTo(ClerkEmulator.DEMO_EMAIL);
    fx.emulator.faults().clear();
    robot.clickOn("#clerk-continue");
    awaitStep(robot, "password");
  }

  @Test
  void aLockedAccountShowsTheLockoutTime(FxRobot robot) {
    open(robot, b -> {}, SignInView.Mode.SIGN_IN);
    fx.emulator.lockUser(fx.emulator.demoUser().id().orElseThrow(), Duration.ofMinutes(30));
    passIdentifier(robot, ClerkEmulator.DEMO_EMAIL);
    await(() -> shown(robot, "clerk-step-error") || "password".equals(UiFixture.stepName(robot)));
    if ("password".equals(UiFixture.stepName(robot))) {
      robot.write(ClerkEmulator.DEMO_PASSWORD).type(KeyCode.ENTER);
      await(() -> shown(robot, "clerk-step-error"));
    }
    assertThat(text(robot, "clerk-step-error"))
        .isEqualTo("Your account is locked. You can try again in 30 min.");
  }

  @Test
  void wordsFollowTheClientsLocale(FxRobot robot) {
    open(robot, b -> {}, SignInView.Mode.SIGN_IN, Locale.GERMAN);
    awaitStep(robot, "start");
    assertThat(robot.lookup(".clerk-title").queryLabeled().getText())
        .startsWith("Bei ")
        .endsWith(" anmelden");
    assertThat(robot.lookup("#clerk-continue").queryButton().getText()).isEqualTo("Weiter");
    robot.write(ClerkEmulator.DEMO_EMAIL).type(KeyCode.ENTER);
    awaitStep(robot, "password");
    assertThat(
            fx.emulator
                .journal()
                .requests("POST", "/v1/client/sign_ins")
                .get(0)
                .formField("locale"))
        .contains("de");
  }

  @Test
  void everyControlHasAccessibleTextAndNarrowWindowsScroll(FxRobot robot) {
    open(robot, b -> {}, SignInView.Mode.SIGN_UP);
    awaitStep(robot, "sign-up");
    robot.interact(
        () -> {
          stage.setWidth(360);
          stage.setHeight(420);
        });
    await(() -> view.getWidth() <= 360);
    robot
        .lookup(".clerk-step .text-field")
        .queryAll()
        .forEach(n -> assertThat(n.getAccessibleText()).isNotBlank());
    robot
        .lookup(".clerk-step .button")
        .queryAll()
        .forEach(n -> assertThat(n.getAccessibleText()).isNotBlank());
    javafx.scene.control.ScrollPane scroll =
        robot.lookup(".clerk-scroll").queryAs(javafx.scene.control.ScrollPane.class);
    // the card fits the width, and the form is taller than the window: it scrolls rather than clips
    assertThat(robot.lookup(".clerk-card").query().getBoundsInParent().getMaxX())
        .isLessThanOrEqualTo(360);
    assertThat(scroll.getContent().getBoundsInLocal().getHeight())
        .isGreaterThan(scroll.getViewportBounds().getHeight());
    assertThat(robot.lookup("#clerk-continue").queryButton().getWidth()).isGreaterThan(200);
  }

  // ---------------------------------------------------------------- email link

  /** Password step → "Use another method" → "Email a sign-in link": the waiting screen. */
  private void chooseEmailLink(FxRobot robot) {
    robot.clickOn("#clerk-another-method");
    awaitStep(robot, "alternatives");
    robot.clickOn("#clerk-method-email-link");
    awaitStep(robot, "email-link");
  }

  private String subtitle(FxRobot robot) {
    return robot
        .lookup("#clerk-step-" + UiFixture.stepName(robot) + " .clerk-subtitle")
        .queryLabeled()
        .getText();
  }

  /** The demo user on an instance with email links, waiting for the link. */
  private void openAtTheEmailLinkScreen(FxRobot robot) {
    open(robot, b -> b.emailLinkSignIn(true), SignInView.Mode.SIGN_IN);
    passIdentifier(robot, ClerkEmulator.DEMO_EMAIL);
    awaitStep(robot, "password");
    chooseEmailLink(robot);
  }

  /** Opens the last link the emulator emailed, as a browser would (following its redirect). */
  private void openEmailLink(String email) throws Exception {
    await(() -> fx.emulator.lastEmailLink(email).isPresent());
    new TestBrowser().follow(TestBrowser.get(fx.emulator.lastEmailLink(email).orElseThrow()));
  }

  @Test
  void emailLinkWaitsUntilTheLinkIsOpened(FxRobot robot) throws Exception {
    openAtTheEmailLinkScreen(robot);
    assertThat(subtitle(robot)).contains(ClerkEmulator.DEMO_EMAIL);
    await(() -> text(robot, "clerk-step-error").startsWith("Waiting for you to open the link"));
    assertThat(shown(robot, "clerk-another-method")).isTrue();
    assertThat(fx.client.snapshot().signedIn()).isFalse();
    openEmailLink(ClerkEmulator.DEMO_EMAIL);
    assertSignedIn();
    awaitStep(robot, "done");
  }

  @Test
  void theEmailLinkScreenLeadsBackToOtherMethodsAndStopsWaiting(FxRobot robot) throws Exception {
    openAtTheEmailLinkScreen(robot);
    // "Use another method" ends the wait: the password step, then the link again (no flow left
    // pending from the first wait)
    robot.clickOn("#clerk-another-method");
    awaitStep(robot, "alternatives");
    assertThat(shown(robot, "clerk-method-email-link")).isFalse();
    robot.clickOn("#clerk-method-password");
    awaitStep(robot, "password");
    chooseEmailLink(robot);
    await(() -> text(robot, "clerk-step-error").startsWith("Waiting"));
    // changing the identifier cancels the wait and goes back to the start, which works as before
    robot.clickOn("#clerk-edit-identifier");
    awaitStep(robot, "start");
    assertThat(text(robot, "clerk-identifier")).isEqualTo(ClerkEmulator.DEMO_EMAIL);
    robot.clickOn("#clerk-continue");
    awaitStep(robot, "password");
    robot.write(ClerkEmulator.DEMO_PASSWORD).type(KeyCode.ENTER);
    assertSignedIn();
  }

  // ---------------------------------------------------------------- enterprise SSO

  @Test
  void anEnterpriseDomainSignsInThroughTheIdentityProvider(FxRobot robot) {
    String email = "ada@acme-corp.example";
    TestBrowser browser = new TestBrowser().continueAs(email);
    open(
        robot,
        b ->
            b.enterpriseSsoDomains("acme-corp.example")
                .user(EmulatorUser.builder().email(email).firstName("Ada").build()),
        SignInView.Mode.SIGN_IN,
        Locale.ENGLISH,
        c -> c.browserSignIn(BrowserSignInOptions.builder().opener(browser).build()));
    passIdentifier(robot, email);
    assertSignedIn();
    assertThat(browser.opened).hasSize(1);
    assertThat(browser.opened.get(0).getPath())
        .isEqualTo("/emulator/oauth/enterprise_sso/authorize");
    assertThat(fx.client.snapshot().userId())
        .isEqualTo(fx.emulator.userByIdentifier(email).orElseThrow().id());
  }

  // ---------------------------------------------------------------- legal consent

  @Test
  void signUpNeedsTheTermsAccepted(FxRobot robot) {
    String email = "consenting+clerk_test@example.com";
    open(robot, b -> b.legalConsent(true), SignInView.Mode.SIGN_UP);
    awaitStep(robot, "sign-up");
    CheckBox consent = robot.lookup("#clerk-legal-accepted").queryAs(CheckBox.class);
    assertThat(consent.isSelected()).isFalse();
    UiFixture.scrollIntoView(robot, "#clerk-email-address");
    type(robot, "clerk-email-address", email);
    UiFixture.scrollIntoView(robot, "#clerk-password");
    type(robot, "clerk-password", "long-enough-secret");
    robot.type(KeyCode.ENTER);
    await(() -> shown(robot, "clerk-error-legal-accepted"));
    assertThat(text(robot, "clerk-error-legal-accepted"))
        .isEqualTo("Accept the terms to continue.");
    assertThat(fx.emulator.journal().count("POST", "/v1/client/sign_ups")).isZero();
    UiFixture.scrollIntoView(robot, "#clerk-legal-accepted");
    robot.clickOn(consent);
    UiFixture.scrollIntoView(robot, "#clerk-continue");
    robot.clickOn("#clerk-continue");
    awaitStep(robot, "verify-email");
    assertThat(
            fx.emulator
                .journal()
                .requests("POST", "/v1/client/sign_ups")
                .get(0)
                .formField("legal_accepted"))
        .contains("true");
    robot.write(fx.emulator.lastVerificationCode(email).orElseThrow()).type(KeyCode.ENTER);
    assertSignedIn();
  }

  @Test
  void signInOrUpAsksForTheTermsWhenClerkReportsThemMissing(FxRobot robot) {
    String email = "later+clerk_test@example.com";
    open(robot, b -> b.legalConsent(true), SignInView.Mode.SIGN_IN_OR_UP);
    passIdentifier(robot, email);
    awaitStep(robot, "missing-password");
    robot.write("long-enough-secret").type(KeyCode.ENTER);
    awaitStep(robot, "missing-legal-accepted");
    robot.clickOn("#clerk-continue");
    await(() -> shown(robot, "clerk-error-legal-accepted"));
    robot.clickOn("#clerk-legal-accepted");
    robot.clickOn("#clerk-continue");
    awaitStep(robot, "verify-email");
    robot.write(fx.emulator.lastVerificationCode(email).orElseThrow()).type(KeyCode.ENTER);
    assertSignedIn();
  }

  // ---------------------------------------------------------------- session tasks

  @Test
  void aForcedOrganizationIsChosenBeforeTheSessionIsActive(FxRobot robot) {
    open(robot, b -> b.sessionTasks("choose-organization"), SignInView.Mode.SIGN_IN);
    passIdentifier(robot, ClerkEmulator.DEMO_EMAIL);
    awaitStep(robot, "password");
    robot.write(ClerkEmulator.DEMO_PASSWORD).type(KeyCode.ENTER);
    awaitStep(robot, "task");
    assertThat(subtitle(robot)).isEqualTo("Choose or create an organization to continue.");
    assertThat(view.getSession()).isNull();
    // signed in, but pending: not signed in for the app yet
    assertThat(fx.client.snapshot().signedIn()).isFalse();
    assertThat(fx.client.snapshot().pendingTask().map(t -> t.key()))
        .contains("choose-organization");
    assertThat(fx.emulator.sessions()).hasSize(1);
    String sessionId = fx.emulator.sessions().get(0).id();
    assertThat(fx.emulator.sessions().get(0).status()).isEqualTo("pending");
    List<Button> choices =
        List.copyOf(robot.lookup("#clerk-step-task .clerk-choice-button").queryAllAs(Button.class));
    assertThat(choices).hasSize(1);
    String orgId = choices.get(0).getId().substring("clerk-organization-".length());
    robot.clickOn(choices.get(0));
    assertSignedIn();
    awaitStep(robot, "done");
    EmulatorSession session = fx.emulator.session(sessionId).orElseThrow();
    assertThat(session.isActive()).isTrue();
    assertThat(session.lastActiveOrganizationId()).isEqualTo(orgId);
    assertThat(fx.client.snapshot().organizationId()).contains(orgId);
  }
}
