package dev.clerkfx.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorClock;
import dev.clerkfx.testkit.VirtualTimeScheduler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Drives the whole sample on an emulator the test controls: sign in through the SDK's dialog, see
 * the user, call the protected API with the session token, and watch the window react to each of
 * the developer panel's server-side changes (revoke, expire, ban, rename, key rotation, network
 * outage, clock jump).
 */
class SampleAppTest {
  private static final Duration PATIENCE = SampleRobot.PATIENCE;

  private final SampleRobot window = new SampleRobot();
  private final FxRobot robot = window.robot();

  /**
   * The developer panel's timer: the network comes back when the test moves it, not after 30 real
   * seconds.
   */
  private final VirtualTimeScheduler timer = VirtualTimeScheduler.on(EmulatorClock.startingNow());

  private ClerkEmulator emulator;
  private SampleApp app;

  @BeforeAll
  static void toolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void start() throws TimeoutException {
    emulator = ClerkEmulator.start();
    app =
        (SampleApp)
            FxToolkit.setupApplication(
                () -> new SampleApp(ClerkInstance.emulator(emulator), Map.of(), b -> {}, timer));
    await().atMost(PATIENCE).until(() -> window.isShowing("#sign-in"));
  }

  @AfterEach
  void stop() throws TimeoutException {
    FxToolkit.cleanupApplication(app);
    emulator.close();
  }

  @Test
  void signInThroughTheDialogCallTheApiAndRevokeFromTheDeveloperPanel() {
    String userId = emulator.demoUser().id().orElseThrow();
    assertThat(window.text("#demo-hint"))
        .startsWith("Embedded emulator — demo user: " + ClerkEmulator.DEMO_EMAIL)
        .contains("424242");

    window.signInThroughTheDialog();

    assertThat(window.text("#email-address")).isEqualTo(ClerkEmulator.DEMO_EMAIL);
    assertThat(window.text("#user-id")).isEqualTo(userId);
    String sessionId = window.text("#session-id");
    assertThat(emulator.session(sessionId))
        .hasValueSatisfying(s -> assertThat(s.userId()).isEqualTo(userId));
    assertThat(window.isShowing("#user-button")).isTrue();
    assertThat(window.isShowing("#organization-switcher")).isTrue();
    assertThat(window.isShowing("#sign-in")).isFalse();
    window.awaitLogEntry("Signed in as Ada Lovelace (" + sessionId + ")");

    window.click("#call-api");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(window.text("#api-result"))
                    .contains("\"userId\" : \"" + userId + "\"")
                    .contains("\"sessionId\" : \"" + sessionId + "\""));
    // Still signed in, so the sign-out below can only come from the revocation.
    assertThat(window.logEntries()).noneMatch(entry -> entry.contains("Signed out"));

    window.click("#dev-revoke");

    window.awaitLogEntry("Signed out: session revoked");
    assertThat(emulator.session(sessionId))
        .hasValueSatisfying(s -> assertThat(s.isActive()).isFalse());
    await().atMost(PATIENCE).until(() -> window.isShowing("#sign-in"));
    assertThat(window.isShowing("#call-api")).isFalse();
    assertThat(window.text("#name")).isNullOrEmpty();
    assertThat(window.text("#session-id")).isNullOrEmpty();
  }

  @Test
  void renamingTheUserOnTheServerChangesTheLabel() {
    window.signInThroughTheDialog();
    String userId = window.text("#user-id");

    window.type("#dev-first-name", "Grace");
    window.click("#dev-rename");

    window.awaitText("#name", "Grace Lovelace");
    assertThat(emulator.user(userId))
        .hasValueSatisfying(u -> assertThat(u.firstName()).hasValue("Grace"));
    window.awaitLogEntry("User updated: Grace Lovelace");
  }

  @Test
  void expiringTheSessionFromTheDeveloperPanelSignsOutWithThatReason() {
    window.signInThroughTheDialog();
    String sessionId = window.text("#session-id");

    window.click("#dev-expire");

    window.awaitLogEntry("Signed out: session expired");
    assertThat(emulator.session(sessionId))
        .hasValueSatisfying(s -> assertThat(s.isActive()).isFalse());
    await().atMost(PATIENCE).until(() -> window.isShowing("#sign-in"));
  }

  @Test
  void banningTheUserFromTheDeveloperPanelSignsOut() {
    window.signInThroughTheDialog();
    String userId = window.text("#user-id");

    window.click("#dev-ban");

    window.awaitLogEntry("Server: user banned");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(window.logEntries()).anyMatch(e -> e.contains("Signed out")));
    assertThat(emulator.sessionsOf(userId)).allSatisfy(s -> assertThat(s.isActive()).isFalse());
    await().atMost(PATIENCE).until(() -> window.isShowing("#sign-in"));
  }

  @Test
  void theWindowHasADefaultAndAMinimumSize() {
    javafx.stage.Window stage = robot.lookup("#sign-in").query().getScene().getWindow();
    assertThat(stage.getWidth()).isGreaterThanOrEqualTo(SampleApp.WIDTH);
    assertThat(((javafx.stage.Stage) stage).getMinWidth()).isEqualTo(SampleApp.MIN_WIDTH);
    assertThat(((javafx.stage.Stage) stage).getMinHeight()).isEqualTo(SampleApp.MIN_HEIGHT);
  }

  @Test
  void rotatingTheSigningKeyRefreshesTheTokenAndTheApiVerifiesItWithTheNewKey() {
    window.signInThroughTheDialog();
    String userId = window.text("#user-id");
    assertThat(callApi()).contains("\"userId\" : \"" + userId + "\"");
    int jwksReads = emulator.journal().count("GET", "/.well-known/jwks.json");
    int before = window.logEntries().size();

    window.click("#dev-rotate");

    window.awaitLogEntryAfter(before, "Server: signing key rotated");
    window.awaitLogEntryAfter(before, "Token refreshed");
    assertThat(callApi()).contains("\"userId\" : \"" + userId + "\"");
    // The API met a key id it did not know and read the JWKS again: the token is on the new key.
    assertThat(emulator.journal().count("GET", "/.well-known/jwks.json")).isEqualTo(jwksReads + 1);
  }

  @Test
  void takingTheNetworkDownFailsCallsThatNeedANewTokenUntilItIsBackUp() {
    window.signInThroughTheDialog();
    String userId = window.text("#user-id");
    String host = "127.0.0.1:" + emulator.port();
    assertThat(callApi()).contains("\"userId\" : \"" + userId + "\"");
    int before = window.logEntries().size();

    window.click("#dev-network");

    window.awaitLogEntryAfter(before, "Server: network down for 30 s");
    // The panel asks the client to look at once: the failure is logged in plain words.
    window.awaitLogEntryAfter(
        before, "Can't reach Clerk at " + host + ": the connection was dropped");
    // A minute later the cached session token has expired and a new one cannot be fetched.
    emulator.clock().advance(Duration.ofSeconds(61));
    assertThat(callApi()).startsWith("API call failed: ").contains("Could not reach Clerk");
    assertThat(window.text("#user-id")).as("still signed in").isEqualTo(userId);
    assertThat(window.logEntries().subList(before, window.logEntries().size()))
        .noneMatch(entry -> entry.contains("Signed out"));

    timer.advance(DeveloperPanel.NETWORK_DOWN);

    window.awaitLogEntryAfter(before, "Server: network back up");
    assertThat(emulator.faults().active()).isEmpty();
    assertThat(callApi()).contains("\"userId\" : \"" + userId + "\"");
  }

  @Test
  void movingTheClockAnHourRefreshesTheTokenAndStaysSignedIn() {
    window.signInThroughTheDialog();
    String userId = window.text("#user-id");
    String sessionId = window.text("#session-id");
    int before = window.logEntries().size();

    window.click("#dev-clock");

    window.awaitLogEntryAfter(before, "Server: clock moved forward 1 h");
    window.awaitLogEntryAfter(before, "Token refreshed");
    // The emulator's sessions last 7 days: an hour later the session is still active.
    assertThat(window.text("#session-id")).isEqualTo(sessionId);
    assertThat(window.logEntries().subList(before, window.logEntries().size()))
        .noneMatch(entry -> entry.contains("Signed out"));
    // The API judges tokens on the emulator's time too: the new token is accepted.
    assertThat(callApi())
        .contains("\"userId\" : \"" + userId + "\"")
        .contains("\"sessionId\" : \"" + sessionId + "\"");
  }

  /** Clicks "Call protected API" and returns what the window shows once the call has finished. */
  private String callApi() {
    // The click runs the handler, which shows "Calling /api/me…" until this call's answer.
    window.click("#call-api");
    await().atMost(PATIENCE).until(() -> !window.text("#api-result").startsWith("Calling"));
    return window.text("#api-result");
  }
}
