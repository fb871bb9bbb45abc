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
import org.testfx.api.FxToolkit;

/**
 * The developer panel's key rotation, network outage and clock jump, clicked in the running sample:
 * each one visibly changes what the app shows.
 */
class DeveloperPanelTest {
  private final SampleRobot window = new SampleRobot();

  /**
   * The panel's timer: the network comes back when the test moves it, not after 30 real seconds.
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
    window.awaitShowing("#sign-in");
    window.signInThroughTheDialog();
  }

  @AfterEach
  void stop() throws TimeoutException {
    FxToolkit.cleanupApplication(app);
    emulator.close();
  }

  @Test
  void rotatingTheSigningKeyRefreshesTheTokenAndTheApiVerifiesItWithTheNewKey() {
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
    await()
        .atMost(SampleRobot.PATIENCE)
        .until(() -> !window.text("#api-result").startsWith("Calling"));
    return window.text("#api-result");
  }
}
