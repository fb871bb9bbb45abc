package dev.clerkfx.internal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The loopback listener: bound to 127.0.0.1 only, one-shot, state-checked, closed afterwards. */
class LoopbackReceiverTest {
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private int get(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void boundToLoopbackOnlyAndOneShot() throws Exception {
    LoopbackReceiver r = LoopbackReceiver.start(0, "/cb", "st4te", null);
    int port = r.address().getPort();
    try {
      assertThat(r.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
      assertThat(r.address().getAddress().isLoopbackAddress()).isTrue();
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
            assertThatThrownBy(() -> new Socket(a, port).close())
                .as("not reachable on %s", a)
                .isInstanceOf(java.io.IOException.class);
          }
        }
      }
      assertThat(r.redirectUrlWithState().toString())
          .isEqualTo("http://127.0.0.1:" + port + "/cb?state=st4te");
      assertThat(get("http://127.0.0.1:" + port + "/cb?state=wrong&rotating_token_nonce=n"))
          .isEqualTo(400);
      assertThat(r.callback()).isNotDone();
      assertThat(get(r.redirectUrlWithState() + "&rotating_token_nonce=n1")).isEqualTo(200);
      assertThat(get(r.redirectUrlWithState() + "&rotating_token_nonce=n2"))
          .as("replayed")
          .isEqualTo(410);
      Map<String, String> q = r.callback().get(5, TimeUnit.SECONDS);
      assertThat(q).containsEntry("rotating_token_nonce", "n1").containsEntry("state", "st4te");
    } finally {
      r.close();
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void redirectsToTheAppsCompletionPage() throws Exception {
    LoopbackReceiver r =
        LoopbackReceiver.start(0, "/done", "s", URI.create("https://example.com/signed-in"));
    try {
      HttpResponse<Void> resp =
          http.send(
              HttpRequest.newBuilder(r.redirectUrlWithState()).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      assertThat(resp.statusCode()).isEqualTo(302);
      assertThat(resp.headers().firstValue("Location")).contains("https://example.com/signed-in");
    } finally {
      r.close();
    }
  }

  @Test
  void pkceChallengeIsS256OfTheVerifier() {
    Pkce p = Pkce.create();
    assertThat(p.verifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
    // expected value computed independently: base64url(sha256(verifier)) without padding, with
    // Python's hashlib
    assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gXWFOEjXk"))
        .isEqualTo("FXejttrNfkgImX5-C0uWavhThVBfXj-sbX1JvQiFa_s");
    assertThat(p.toString()).doesNotContain(p.verifier());
    assertThat(Pkce.create().verifier()).isNotEqualTo(p.verifier());
  }
}
