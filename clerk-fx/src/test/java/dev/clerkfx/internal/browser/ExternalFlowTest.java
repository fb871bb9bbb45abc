package dev.clerkfx.internal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.browser.BrowserSignInOptions;
import dev.clerkfx.internal.fapi.FapiClient;
import dev.clerkfx.internal.fapi.Form;
import dev.clerkfx.model.Verification;
import dev.clerkfx.testkit.ClerkEmulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The reusable "open this URL, wait for the redirect, return its parameters" entry point. */
class ExternalFlowTest {

  @Test
  void returnsTheCallbackParametersOfAnyClerkFlowThatYieldsABrowserUrl() throws Exception {
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    try (ClerkEmulator emulator = ClerkEmulator.start()) {
      FapiClient fapi =
          FapiClient.builder(emulator.frontendApiUrl()).deviceId("test-device").build();
      BrowserSignInOptions options =
          BrowserSignInOptions.builder()
              .opener(
                  url -> {
                    String next =
                        url
                            + "&email="
                            + URLEncoder.encode(ClerkEmulator.DEMO_EMAIL, StandardCharsets.UTF_8);
                    try {
                      for (int i = 0; i < 5 && next != null; i++) {
                        HttpResponse<Void> r =
                            http.send(
                                HttpRequest.newBuilder(URI.create(next)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        next = r.headers().firstValue("Location").orElse(null);
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  })
              .build();
      try (BrowserFlows flows = new BrowserFlows(() -> fapi, options, timers)) {
        Map<String, String> q =
            flows
                .external(
                    "connect oauth_github",
                    redirect ->
                        fapi.createSignIn(
                                Form.builder()
                                    .add("strategy", "oauth_github")
                                    .add("redirect_url", redirect)
                                    .build())
                            .thenApply(
                                si ->
                                    si.firstFactorVerification()
                                        .flatMap(Verification::externalVerificationRedirectUrl)
                                        .orElseThrow()))
                .get(20, TimeUnit.SECONDS);
        assertThat(q).containsKey("rotating_token_nonce").containsKey("state");
        assertThat(flows.pendingFlow()).isEmpty();
      }
    } finally {
      timers.shutdownNow();
    }
  }
}
