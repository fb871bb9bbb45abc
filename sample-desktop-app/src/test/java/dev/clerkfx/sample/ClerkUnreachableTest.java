package dev.clerkfx.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.RefreshPolicy;
import dev.clerkfx.store.TokenStores;
import dev.clerkfx.testkit.ClerkEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * A well-formed {@code CLERK_PUBLISHABLE_KEY} whose Frontend API cannot be reached opens a window
 * that names the variable, the host and the problem, with the retry countdown and "Retry now"; once
 * Clerk answers, "Retry now" brings the normal signed-out window.
 */
class ClerkUnreachableTest {
  private final SampleRobot window = new SampleRobot();
  private SampleApp app;
  private ClerkEmulator emulator;

  @BeforeAll
  static void toolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void stop() throws TimeoutException {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void anUnreachableHostIsExplainedAndRetryNowRecoversOnceClerkAnswers() throws Exception {
    int port = closedLoopbackPort();
    String host = "127.0.0.1:" + port;
    String key =
        "pk_test_"
            + Base64.getEncoder().encodeToString((host + "$").getBytes(StandardCharsets.UTF_8));
    // Automatic retries ten minutes apart: only "Retry now" can bring the window back in this test.
    RefreshPolicy slowRetries =
        RefreshPolicy.defaults().withRetry(Duration.ofMinutes(10), Duration.ofMinutes(10), 0);
    app =
        (SampleApp)
            FxToolkit.setupApplication(
                () ->
                    new SampleApp(
                        null,
                        Map.of(ClerkInstance.PUBLISHABLE_KEY_VARIABLE, key),
                        client ->
                            client.tokenStore(TokenStores.inMemory()).refreshPolicy(slowRetries),
                        null));

    window.awaitShowing("#configuration-problem");
    assertThat(window.text("#configuration-problem-title")).isEqualTo("Waiting for Clerk");
    assertThat(window.text("#configuration-problem"))
        .isEqualTo("Can't reach Clerk at " + host + ": connection refused");
    assertThat(window.text("#configuration-problem")).doesNotContain("Exception");
    assertThat(window.text("#configuration-problem-hint"))
        .contains("CLERK_PUBLISHABLE_KEY names the Clerk instance at " + host);
    assertThat(window.text("#configuration-problem-detail"))
        .matches("Retrying automatically in \\d+ s");
    assertThat(window.isShowing("#retry-now")).isTrue();
    assertThat(window.isShowing("#sign-in")).isFalse();

    emulator = ClerkEmulator.builder().port(port).start();
    assertThat(emulator.publishableKey()).isEqualTo(key);
    assertThat(window.isShowing("#configuration-problem")).as("no automatic retry yet").isTrue();

    window.click("#retry-now");

    window.awaitShowing("#sign-in");
    assertThat(window.isShowing("#configuration-problem")).isFalse();
    assertThat(window.text("#instance")).isEqualTo("http://" + host);
  }

  /** A loopback port nothing listens on (free a moment ago). */
  private static int closedLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
