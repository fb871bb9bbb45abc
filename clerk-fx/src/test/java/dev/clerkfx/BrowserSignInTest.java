package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.clerkfx.auth.BrowserAuthResult;
import dev.clerkfx.auth.SignUpParams;
import dev.clerkfx.browser.BrowserSignInException;
import dev.clerkfx.browser.BrowserSignInOptions;
import dev.clerkfx.browser.RedirectStrategy;
import dev.clerkfx.model.SignInStatus;
import dev.clerkfx.model.SignUp;
import dev.clerkfx.model.SignUpStatus;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.RecordedRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Browser sign-in end to end against the emulator, with a headless browser following the pages'
 * redirects.
 */
class BrowserSignInTest {
  private EmulatorHarness h;
  private final TestBrowser browser = new TestBrowser();

  @AfterEach
  void tearDown() {
    if (h != null) h.close();
  }

  private ClerkClient client(
      Consumer<ClerkEmulator.Builder> emulator, Consumer<BrowserSignInOptions.Builder> opts) {
    h = EmulatorHarness.start(emulator);
    BrowserSignInOptions.Builder b = BrowserSignInOptions.builder().opener(browser);
    opts.accept(b);
    ClerkClient c = h.newClient(cb -> cb.browserSignIn(b.build()));
    await().until(() -> c.snapshot().loaded());
    return c;
  }

  private ClerkClient client() {
    return client(e -> {}, o -> {});
  }

  private static <T> T join(CompletableFuture<T> f) {
    return f.orTimeout(20, TimeUnit.SECONDS).join();
  }

  /** The loopback redirect URL the SDK gave Clerk in its last request carrying one. */
  private URI lastRedirectUrl() {
    List<RecordedRequest> all = h.emulator.journal().requests();
    for (int i = all.size() - 1; i >= 0; i--) {
      var v = all.get(i).formField("redirect_url");
      if (v.isPresent()) return URI.create(v.get());
    }
    throw new AssertionError("no redirect_url sent");
  }

  /**
   * Lets the browser open the provider page and stop there (the user has not acted yet); returns
   * the loopback redirect URL once it did.
   */
  private URI browserIsOpen() {
    await().until(() -> !browser.opened.isEmpty());
    return lastRedirectUrl();
  }

  private static void assertNothingListens(URI url) {
    assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close())
        .isInstanceOf(ConnectException.class);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    return BrowserFlowsAccess.unwrap(catchFailure(f));
  }

  private static Throwable catchFailure(CompletableFuture<?> f) {
    try {
      f.orTimeout(20, TimeUnit.SECONDS).join();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("the flow did not fail");
  }

  @Test
  void oauthSignInCompletesOnLoopbackAndTheAuthStateFollows() throws Exception {
    ClerkClient c = client();
    browser.continueAs(ClerkEmulator.DEMO_EMAIL);
    BrowserAuthResult r = join(c.signIn().withOAuth("oauth_google"));
    assertThat(r.complete()).isTrue();
    assertThat(r.signIn().orElseThrow().status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(c.snapshot().signedIn()).isTrue();
    assertThat(c.snapshot().sessionId()).isEqualTo(r.createdSessionId());
    assertThat(c.snapshot().user().orElseThrow().id())
        .isEqualTo(h.emulator.demoUser().id().orElseThrow());

    URI redirect = lastRedirectUrl();
    assertThat(redirect.getScheme()).isEqualTo("http");
    assertThat(redirect.getHost()).as("RFC 8252: the loopback IP literal").isEqualTo("127.0.0.1");
    assertThat(redirect.getPath()).isEqualTo(RedirectStrategy.DEFAULT_PATH);
    assertThat(redirect.getQuery()).startsWith("state=");
    RecordedRequest created = h.emulator.journal().requests("POST", "/v1/client/sign_ins").get(0);
    assertThat(created.formField("action_complete_redirect_url")).contains(redirect.toString());
    HttpResponse<String> page = browser.landed.get(5, TimeUnit.SECONDS);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("close this tab");
    assertThat(browser.opened)
        .singleElement()
        .satisfies(u -> assertThat(u.getScheme()).isEqualTo("http"));
    assertThat(h.emulator.journal().requests("GET", "/v1/client/sign_ins/*"))
        .filteredOn(x -> x.query().containsKey("rotating_token_nonce"))
        .as("the nonce is redeemed exactly once")
        .hasSize(1);
    assertNothingListens(redirect);
  }

  @Test
  void oauthSignInForAnUnknownAccountBecomesASignUp() {
    ClerkClient c = client();
    browser.continueAs("newcomer@example.com");
    BrowserAuthResult r = join(c.signIn().withOAuth("oauth_github"));
    assertThat(r.signUp()).get().extracting(SignUp::status).isEqualTo(SignUpStatus.COMPLETE);
    assertThat(c.snapshot().signedIn()).isTrue();
    assertThat(h.emulator.userByIdentifier("newcomer@example.com")).isPresent();
    assertNothingListens(lastRedirectUrl());
  }

  @Test
  void oauthSignUpForAnExistingAccountBecomesASignIn() {
    ClerkClient c = client();
    browser.continueAs(ClerkEmulator.DEMO_EMAIL);
    BrowserAuthResult r = join(c.signUp().withOAuth("oauth_google"));
    assertThat(r.signIn()).isPresent();
    assertThat(r.complete()).isTrue();
    assertThat(c.snapshot().user().orElseThrow().id())
        .isEqualTo(h.emulator.demoUser().id().orElseThrow());
  }

  @Test
  void oauthSignUpForANewAccount() {
    ClerkClient c = client();
    browser.continueAs("fresh@example.com");
    BrowserAuthResult r = join(c.signUp().withOAuth("oauth_github"));
    assertThat(r.signUp()).get().extracting(SignUp::status).isEqualTo(SignUpStatus.COMPLETE);
    assertThat(c.snapshot().signedIn()).isTrue();
  }

  @Test
  void enterpriseSso() {
    ClerkClient c = client();
    browser.continueAs(ClerkEmulator.DEMO_EMAIL);
    BrowserAuthResult r = join(c.signIn().withEnterpriseSso(ClerkEmulator.DEMO_EMAIL));
    assertThat(r.complete()).isTrue();
    assertThat(
            h.emulator
                .journal()
                .requests("POST", "/v1/client/sign_ins")
                .get(0)
                .formField("strategy"))
        .contains("enterprise_sso");
    assertThat(c.snapshot().signedIn()).isTrue();
  }

  @Test
  void hostedSignInWithPkce() {
    ClerkClient c = client();
    browser.submit("identifier", ClerkEmulator.DEMO_EMAIL, "password", ClerkEmulator.DEMO_PASSWORD);
    BrowserAuthResult r = join(c.signIn().withHostedPages());
    assertThat(r.complete()).isTrue();
    assertThat(c.snapshot().signedIn()).isTrue();
    assertThat(c.snapshot().sessionId()).isEqualTo(r.createdSessionId());
    RecordedRequest start = h.emulator.journal().requests("POST", "/v1/client/hosted_auth").get(0);
    assertThat(start.formField("code_challenge_method")).contains("S256");
    assertThat(start.formField("code_challenge").orElseThrow()).hasSize(43);
    assertThat(start.formField("mode")).contains("sign-in");
    assertThat(start.formField("redirect_url").orElseThrow()).doesNotContain("state=");
    RecordedRequest redeem =
        h.emulator.journal().requests("GET", "/v1/client").stream()
            .filter(x -> x.wireMethod().equals("POST"))
            .findFirst()
            .orElseThrow();
    assertThat(redeem.formField("code_verifier")).isPresent();
    assertNothingListens(URI.create(start.formField("redirect_url").orElseThrow()));
  }

  @Test
  void hostedSignUpWithPkce() {
    ClerkClient c = client();
    browser.submit(
        "email_address",
        "hosted.new@example.com",
        "password",
        "a-long-passphrase-42",
        "first_name",
        "Grace");
    BrowserAuthResult r = join(c.signUp().withHostedPages());
    assertThat(r.complete()).isTrue();
    assertThat(c.snapshot().user().orElseThrow().firstName()).contains("Grace");
    assertThat(
            h.emulator
                .journal()
                .requests("POST", "/v1/client/hosted_auth")
                .get(0)
                .formField("mode"))
        .contains("sign-up");
  }

  @Test
  void hostedAuthWithAnEndedClientsTokenRetriesOnceWithTheReplacement() throws Exception {
    ClerkClient c = client();
    join(c.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD));
    // another app instance deletes the client: our token now names an ended client
    HttpDelete.client(
        h.emulator.frontendApiUrl(),
        await().until(h.tokenStore::load, java.util.Optional::isPresent).orElseThrow());
    browser.submit("identifier", ClerkEmulator.DEMO_EMAIL, "password", ClerkEmulator.DEMO_PASSWORD);
    BrowserAuthResult r = join(c.signIn().withHostedPages());
    assertThat(r.complete()).isTrue();
    assertThat(h.emulator.journal().requests("POST", "/v1/client/hosted_auth"))
        .extracting(RecordedRequest::status)
        .containsExactly(401, 200);
  }

  @Test
  void emailLinkSignInCompletesWhenTheLinkIsOpened() throws Exception {
    ClerkClient c = client();
    CompletableFuture<BrowserAuthResult> flow = c.signIn().withEmailLink(ClerkEmulator.DEMO_EMAIL);
    String link =
        await()
            .until(
                () -> h.emulator.lastEmailLink(ClerkEmulator.DEMO_EMAIL),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(flow).isNotDone();
    h.advance(c, Duration.ofSeconds(2), Duration.ofSeconds(2)); // a poll before the link is opened
    assertThat(flow).isNotDone();
    new TestBrowser()
        .follow(TestBrowser.get(link)); // on this machine: the link's redirect reaches the listener
    BrowserAuthResult r = join(flow);
    assertThat(r.complete()).isTrue();
    assertThat(c.snapshot().signedIn()).isTrue();
    assertNothingListens(lastRedirectUrl());
  }

  @Test
  void emailLinkOpenedOnAnotherDeviceIsFoundByPolling() throws Exception {
    ClerkClient c = client();
    String email = "linked@example.com";
    SignUp started =
        join(c.signUp().create(SignUpParams.emailAndPassword(email, "a-long-passphrase-42")));
    CompletableFuture<BrowserAuthResult> flow = c.signUp().verifyWithEmailLink(started.id());
    String link =
        await()
            .until(() -> h.emulator.lastEmailLink(email), java.util.Optional::isPresent)
            .orElseThrow();
    TestBrowser phone = new TestBrowser();
    phone.http.send(
        TestBrowser.get(link), HttpResponse.BodyHandlers.ofString()); // no redirect followed
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              h.scheduler.advance(Duration.ofSeconds(2)); // the next poll finds the link opened
              return flow.isDone();
            });
    BrowserAuthResult r = join(flow);
    assertThat(r.signUp()).get().extracting(SignUp::status).isEqualTo(SignUpStatus.COMPLETE);
    assertThat(c.snapshot().signedIn()).isTrue();
  }

  @Test
  void aWrongStateIsRefusedAndAReplayedCallbackFindsNothing() throws Exception {
    ClerkClient c = client();
    CompletableFuture<BrowserAuthResult> flow = c.signIn().withOAuth("oauth_google");
    URI loopback = browserIsOpen();
    URI base = URI.create("http://127.0.0.1:" + loopback.getPort() + loopback.getPath());
    HttpResponse<String> wrong =
        browser.http.send(
            TestBrowser.get(base + "?state=forged&rotating_token_nonce=x"),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(400);
    HttpResponse<String> otherPath =
        browser.http.send(
            TestBrowser.get(
                "http://127.0.0.1:" + loopback.getPort() + "/elsewhere?" + loopback.getQuery()),
            HttpResponse.BodyHandlers.ofString());
    assertThat(otherPath.statusCode()).isEqualTo(404);
    assertThat(flow).isNotDone();

    String url = browser.opened.get(0).toString();
    HttpResponse<String> done =
        browser.follow(
            TestBrowser.get(url + "&email=" + TestBrowser.enc(ClerkEmulator.DEMO_EMAIL)));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(join(flow).complete()).isTrue();
    assertNothingListens(loopback);
    assertThatThrownBy(
            () ->
                browser.http.send(
                    TestBrowser.get(loopback.toString()), HttpResponse.BodyHandlers.ofString()))
        .as("replay")
        .isInstanceOf(IOException.class);
  }

  @Test
  void aSecondFlowFailsNamingThePendingOneAndCancellingClosesTheListener() throws Exception {
    ClerkClient c = client();
    CompletableFuture<BrowserAuthResult> first = c.signIn().withOAuth("oauth_google");
    URI loopback = browserIsOpen();
    Throwable second = failure(c.signIn().withHostedPages());
    assertThat(second)
        .isInstanceOf(BrowserSignInException.class)
        .hasMessageContaining("oauth_google sign-in");
    assertThat(((BrowserSignInException) second).code())
        .isEqualTo(BrowserSignInException.FLOW_PENDING);

    first.cancel(true);
    await().untilAsserted(() -> assertNothingListens(loopback));
    // the browser comes back after cancellation: nothing receives it, and no nonce is redeemed
    String url = browser.opened.get(0).toString();
    assertThatThrownBy(
            () ->
                browser.follow(
                    TestBrowser.get(url + "&email=" + TestBrowser.enc(ClerkEmulator.DEMO_EMAIL))))
        .isInstanceOf(IOException.class);
    assertThat(h.emulator.journal().requests("GET", "/v1/client/sign_ins/*")).isEmpty();
    assertThat(c.snapshot().signedIn()).isFalse();
    browser.continueAs(ClerkEmulator.DEMO_EMAIL);
    assertThat(join(c.signIn().withOAuth("oauth_google")).complete())
        .as("a new flow may start")
        .isTrue();
  }

  @Test
  void deniedConsentFailsTyped() {
    ClerkClient c = client();
    browser.deny();
    Throwable e = failure(c.signIn().withOAuth("oauth_github"));
    assertThat(e).isInstanceOf(BrowserSignInException.class);
    assertThat(((BrowserSignInException) e).code()).isEqualTo(BrowserSignInException.ACCESS_DENIED);
    assertThat(c.snapshot().signedIn()).isFalse();
    assertNothingListens(lastRedirectUrl());
  }

  @Test
  void aClosedTabTimesOut() throws Exception {
    ClerkClient c = client(e -> {}, o -> o.timeout(Duration.ofMinutes(3)));
    CompletableFuture<BrowserAuthResult> flow = c.signIn().withOAuth("oauth_google");
    URI loopback = browserIsOpen();
    h.scheduler.advance(Duration.ofMinutes(2));
    assertThat(flow).isNotDone();
    h.scheduler.advance(Duration.ofMinutes(1));
    Throwable e = failure(flow);
    assertThat(((BrowserSignInException) e).code()).isEqualTo(BrowserSignInException.TIMEOUT);
    assertNothingListens(loopback);
  }

  @Test
  void aFixedPortInUseFailsNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      ClerkClient c = client(e -> {}, o -> o.redirect(RedirectStrategy.loopback(port)));
      Throwable e = failure(c.signIn().withOAuth("oauth_google"));
      assertThat(((BrowserSignInException) e).code()).isEqualTo(BrowserSignInException.PORT_IN_USE);
      assertThat(e).hasMessageContaining(String.valueOf(port));
      assertThat(h.emulator.journal().requests("POST", "/v1/client/sign_ins")).isEmpty();
    }
  }

  @Test
  void productionWithAnUnlistedRedirectUrlFailsTyped() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ClerkClient c =
        client(
            e -> e.production(true).allowedRedirectUrls("http://127.0.0.1:1/sso-callback"),
            o -> o.redirect(RedirectStrategy.loopback(port)));
    browser.continueAs(ClerkEmulator.DEMO_EMAIL);
    Throwable e = failure(c.signIn().withOAuth("oauth_google"));
    assertThat(((BrowserSignInException) e).code()).isEqualTo(BrowserSignInException.NONCE_MISSING);
    assertThat(e).hasMessageContaining("http://127.0.0.1:" + port + "/sso-callback");
    assertThat(c.snapshot().signedIn()).isFalse();
    assertNothingListens(lastRedirectUrl());
  }

  @Test
  void productionWithARegisteredFixedPortSignsIn() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ClerkClient c =
        client(
            e ->
                e.production(true)
                    .allowedRedirectUrls("http://127.0.0.1:" + port + "/sso-callback"),
            o -> o.redirect(RedirectStrategy.loopback(port)));
    browser.continueAs(ClerkEmulator.DEMO_EMAIL);
    assertThat(join(c.signIn().withOAuth("oauth_google")).complete()).isTrue();
  }

  @Test
  void aFailingOpenerLeavesTheUrlToShow() {
    CompletableFuture<URI> shown = new CompletableFuture<>();
    ClerkClient c =
        client(
            e -> {},
            o ->
                o.opener(
                        u -> {
                          throw new IOException("no browser");
                        })
                    .onUrl(shown::complete));
    CompletableFuture<BrowserAuthResult> flow = c.signIn().withOAuth("oauth_google");
    URI url = shown.orTimeout(10, TimeUnit.SECONDS).join();
    assertThat(url.toString()).startsWith(h.emulator.frontendApiUrl());
    assertThat(flow).isNotDone();
    flow.cancel(true);
  }
}
