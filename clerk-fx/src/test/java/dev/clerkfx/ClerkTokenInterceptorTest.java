package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OkHttp interceptor for the app's own backend (mockwebserver3 stands in for the backend). */
class ClerkTokenInterceptorTest {
  private EmulatorHarness h;
  private final MockWebServer backend = new MockWebServer();

  @BeforeEach
  void setUp() throws Exception {
    backend.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    backend.close();
    if (h != null) h.close();
  }

  private OkHttpClient api(ClerkClient c) {
    return new OkHttpClient.Builder()
        .addInterceptor(c.tokenInterceptor(hostAndPort(backend)))
        .build();
  }

  private static String hostAndPort(MockWebServer server) {
    HttpUrl url = server.url("/");
    return url.host() + ":" + url.port();
  }

  /**
   * Sends {@code url} through {@code interceptor} to a stand-in network and returns the
   * Authorization sent.
   */
  private static String authorizationSentTo(String url, Interceptor interceptor)
      throws IOException {
    AtomicReference<String> sent = new AtomicReference<>("<none>");
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addInterceptor(interceptor)
            .addInterceptor(
                chain -> {
                  sent.set(chain.request().header("Authorization"));
                  return new Response.Builder()
                      .request(chain.request())
                      .protocol(Protocol.HTTP_1_1)
                      .code(200)
                      .message("OK")
                      .body(ResponseBody.create("", null))
                      .build();
                })
            .build();
    client.newCall(new Request.Builder().url(url).build()).execute().close();
    return sent.get();
  }

  @Test
  void theTokenGoesOnlyToListedHostsOverHttpsOrLoopback() throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    String bearer = "Bearer " + c.getToken().join().orElseThrow();
    Interceptor interceptor =
        c.tokenInterceptor(
            TokenInterceptorOptions.forHosts(
                "API.example.com", "localhost:8080", "admin.example.com:8443"));

    assertThat(authorizationSentTo("https://api.example.com/orders", interceptor))
        .isEqualTo(bearer);
    assertThat(authorizationSentTo("https://api.example.com:9443/orders", interceptor))
        .isEqualTo(bearer);
    assertThat(authorizationSentTo("http://localhost:8080/orders", interceptor)).isEqualTo(bearer);
    assertThat(authorizationSentTo("https://admin.example.com:8443/", interceptor))
        .isEqualTo(bearer);
    // not listed: another host, a subdomain, a suffix trick, another port
    assertThat(authorizationSentTo("https://evil.example.net/", interceptor)).isNull();
    assertThat(authorizationSentTo("https://eu.api.example.com/", interceptor)).isNull();
    assertThat(authorizationSentTo("https://api.example.com.evil.net/", interceptor)).isNull();
    assertThat(authorizationSentTo("https://admin.example.com/", interceptor)).isNull();
    assertThat(authorizationSentTo("http://localhost:8081/", interceptor)).isNull();
    // listed, but plain http to a remote host: never in clear text
    assertThat(authorizationSentTo("http://api.example.com/orders", interceptor)).isNull();
  }

  @Test
  void a401FromAHostARedirectLedToDoesNotForceARefresh() throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    h.advance(c, Duration.ofSeconds(3), Duration.ofSeconds(3));
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      elsewhere.enqueue(new MockResponse.Builder().code(401).build());
      backend.enqueue(
          new MockResponse.Builder()
              .code(302)
              .setHeader("Location", elsewhere.url("/login"))
              .build());
      int tokenRequests = h.tokenRequests();

      try (Response r =
          api(c).newCall(new Request.Builder().url(backend.url("/orders")).build()).execute()) {
        assertThat(r.code()).isEqualTo(401);
      }

      assertThat(backend.takeRequest().getHeaders().get("Authorization")).startsWith("Bearer ");
      assertThat(elsewhere.takeRequest().getHeaders().get("Authorization")).isNull();
      assertThat(h.tokenRequests()).as("no forced token refresh").isEqualTo(tokenRequests);
      assertThat(backend.getRequestCount()).isEqualTo(1);
      assertThat(elsewhere.getRequestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "https://api.example.com",
        "api.example.com/v1",
        "*.example.com",
        "user@api.example.com",
        "api.example.com:0",
        "api.example.com:65536",
        "api.example.com:x",
        "[::1",
        ":8080"
      })
  void unusableHostEntriesAreRejected(String entry) {
    assertThatThrownBy(() -> TokenInterceptorOptions.forHosts(entry))
        .isInstanceOf(ClerkConfigurationException.class)
        .extracting(e -> ((ClerkException) e).code())
        .isEqualTo("invalid_interceptor_host");
  }

  @Test
  void optionsNormaliseHostsAndNeedAtLeastOne() {
    TokenInterceptorOptions options =
        TokenInterceptorOptions.forHosts(" API.Example.com ", "[::1]:9000")
            .withToken(GetTokenOptions.template("orders"));
    assertThat(options.hosts()).containsExactly("api.example.com", "[::1]:9000");
    assertThat(options.token().template()).isEqualTo("orders");
    assertThatThrownBy(TokenInterceptorOptions::forHosts)
        .isInstanceOf(ClerkConfigurationException.class)
        .hasMessageContaining("List the hosts");
    assertThat(new TokenInterceptorOptions(java.util.Set.of("a.example.com"), null).token())
        .isEqualTo(GetTokenOptions.defaults());
  }

  @Test
  void attachesTheSessionTokenAsBearer() throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    backend.enqueue(new MockResponse.Builder().code(200).body("ok").build());
    try (Response r =
        api(c).newCall(new Request.Builder().url(backend.url("/me")).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    RecordedRequest req = backend.takeRequest();
    assertThat(req.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + c.getToken().join().orElseThrow());
  }

  @Test
  void retriesOnceWithAFreshTokenAfterA401() throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    h.advance(
        c,
        Duration.ofSeconds(3),
        Duration.ofSeconds(3)); // a token minted now differs from the cached one
    String cached = c.getToken().join().orElseThrow();
    int tokenRequests = h.tokenRequests();
    backend.enqueue(new MockResponse.Builder().code(401).build());
    backend.enqueue(new MockResponse.Builder().code(200).body("ok").build());
    try (Response r =
        api(c).newCall(new Request.Builder().url(backend.url("/orders")).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(backend.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + cached);
    String retried = backend.takeRequest().getHeaders().get("Authorization");
    assertThat(retried).startsWith("Bearer ").isNotEqualTo("Bearer " + cached);
    assertThat(h.tokenRequests()).isEqualTo(tokenRequests + 1);
    assertThat(backend.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aSecond401IsReturnedToTheCaller() throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    h.advance(c, Duration.ofSeconds(3), Duration.ofSeconds(3));
    backend.enqueue(new MockResponse.Builder().code(401).build());
    backend.enqueue(new MockResponse.Builder().code(401).build());
    try (Response r =
        api(c).newCall(new Request.Builder().url(backend.url("/x")).build()).execute()) {
      assertThat(r.code()).isEqualTo(401);
    }
    assertThat(backend.getRequestCount()).isEqualTo(2);
  }

  @Test
  void signedOutRequestsAndExplicitAuthorizationPassThrough() throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    backend.enqueue(new MockResponse.Builder().code(200).build());
    backend.enqueue(new MockResponse.Builder().code(200).build());
    api(c).newCall(new Request.Builder().url(backend.url("/public")).build()).execute().close();
    api(c)
        .newCall(
            new Request.Builder()
                .url(backend.url("/own"))
                .header("Authorization", "Basic abc")
                .build())
        .execute()
        .close();
    assertThat(backend.takeRequest().getHeaders().get("Authorization")).isNull();
    assertThat(backend.takeRequest().getHeaders().get("Authorization")).isEqualTo("Basic abc");
  }
}
