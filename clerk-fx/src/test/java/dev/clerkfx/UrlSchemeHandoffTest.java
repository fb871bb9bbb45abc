package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clerkfx.auth.BrowserAuthResult;
import dev.clerkfx.browser.BrowserSignInOptions;
import dev.clerkfx.browser.RedirectStrategy;
import dev.clerkfx.browser.UrlSchemeHandoff;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.RecordedRequest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custom-scheme redirect with the single-instance hand-off, across two JVMs as the OS would
 * start them.
 */
class UrlSchemeHandoffTest {
  private static final String REDIRECT = "com.example.app://callback";
  @TempDir Path dir;
  private EmulatorHarness h;
  private UrlSchemeHandoff handoff;

  @AfterEach
  void tearDown() {
    if (h != null) h.close();
    if (handoff != null) handoff.close();
  }

  /** Starts a second JVM like the OS does for a custom-scheme URL; returns its exit code. */
  private int secondInstance(String... args) {
    String cp = System.getProperty("java.class.path", "");
    String mp = System.getProperty("jdk.module.path", "");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                mp.isEmpty() ? cp : cp + File.pathSeparator + mp,
                HandoffMain.class.getName(),
                dir.toString()));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).inheritIO().start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the second instance did not exit");
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void theSecondProcessForwardsTheCallbackAndTheFirstSignsIn() {
    handoff = UrlSchemeHandoff.claim(dir).orElseThrow();
    TestBrowser browser = new TestBrowser().continueAs(ClerkEmulator.DEMO_EMAIL);
    List<Integer> exits = new java.util.concurrent.CopyOnWriteArrayList<>();
    browser.onCustomScheme = url -> exits.add(secondInstance("--some-flag", url));
    h = EmulatorHarness.start();
    ClerkClient c =
        h.newClient(
            b ->
                b.browserSignIn(
                    BrowserSignInOptions.builder()
                        .opener(browser)
                        .redirect(RedirectStrategy.customScheme(REDIRECT, handoff))
                        .build()));
    BrowserAuthResult r =
        c.signIn().withOAuth("oauth_google").orTimeout(90, TimeUnit.SECONDS).join();
    assertThat(r.complete()).isTrue();
    assertThat(c.snapshot().signedIn()).isTrue();
    await()
        .atMost(java.time.Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(exits)
                    .as("the second instance forwarded and exited")
                    .containsExactly(0));
    RecordedRequest created = h.emulator.journal().requests("POST", "/v1/client/sign_ins").get(0);
    assertThat(created.formField("redirect_url").orElseThrow()).startsWith(REDIRECT + "?state=");
  }

  @Test
  void onlyTheFlowsOwnRedirectIsAccepted() {
    handoff = UrlSchemeHandoff.claim(dir).orElseThrow();
    TestBrowser browser = new TestBrowser().closeTab();
    h = EmulatorHarness.start();
    ClerkClient c =
        h.newClient(
            b ->
                b.browserSignIn(
                    BrowserSignInOptions.builder()
                        .opener(browser)
                        .redirect(RedirectStrategy.customScheme(REDIRECT, handoff))
                        .build()));
    CompletableFuture<BrowserAuthResult> flow = c.signIn().withOAuth("oauth_google");
    await().until(() -> !browser.opened.isEmpty());
    String redirect =
        h.emulator
            .journal()
            .requests("POST", "/v1/client/sign_ins")
            .get(0)
            .formField("redirect_url")
            .orElseThrow();
    String state = redirect.substring(redirect.indexOf("state=") + 6);
    handoff.deliver(
        "com.example.app://other?state=" + state + "&rotating_token_nonce=x"); // wrong host
    handoff.deliver(
        "com.example.evil://callback?state=" + state + "&rotating_token_nonce=x"); // wrong scheme
    handoff.deliver(REDIRECT + "?state=forged&rotating_token_nonce=x"); // wrong state
    assertThat(flow).isNotDone();
    assertThat(h.emulator.journal().requests("GET", "/v1/client/sign_ins/*")).isEmpty();

    // the user finishes in the browser; the OS delivers the real callback
    browser.onCustomScheme = handoff::deliver;
    try {
      browser.follow(
          TestBrowser.get(
              browser.opened.get(0) + "&email=" + TestBrowser.enc(ClerkEmulator.DEMO_EMAIL)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(flow.orTimeout(20, TimeUnit.SECONDS).join().complete()).isTrue();
  }

  @Test
  void whileOneInstanceHoldsTheHandoffEveryLaterClaimForwards() {
    handoff = UrlSchemeHandoff.claim(dir, "--flag", REDIRECT + "?state=cold").orElseThrow();
    assertThat(secondInstance(REDIRECT + "?state=warm")).isZero();
    assertThat(UrlSchemeHandoff.claim(dir, REDIRECT + "?state=same-jvm"))
        .as("already claimed")
        .isEmpty();
  }
}
