package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    return new OkHttpClient.Builder().addInterceptor(c.tokenInterceptor()).build();
  }

  @Test
  void attachesTheSessionTokenAsBearer() throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    backend.enqueue(new MockResponse.Builder().code(200).body("ok").build());
    try (Response r = api(c).newCall(new Request.Builder().url(backend.url("/me")).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    RecordedRequest req = backend.takeRequest();
    assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + c.getToken().join().orElseThrow());
  }

  @Test
  void retriesOnceWithAFreshTokenAfterA401() throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    h.advance(c, Duration.ofSeconds(3), Duration.ofSeconds(3)); // a token minted now differs from the cached one
    String cached = c.getToken().join().orElseThrow();
    int tokenRequests = h.tokenRequests();
    backend.enqueue(new MockResponse.Builder().code(401).build());
    backend.enqueue(new MockResponse.Builder().code(200).body("ok").build());
    try (Response r = api(c).newCall(new Request.Builder().url(backend.url("/orders")).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(backend.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + cached);
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
    try (Response r = api(c).newCall(new Request.Builder().url(backend.url("/x")).build()).execute()) {
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
    api(c).newCall(new Request.Builder().url(backend.url("/own")).header("Authorization", "Basic abc").build())
        .execute().close();
    assertThat(backend.takeRequest().getHeaders().get("Authorization")).isNull();
    assertThat(backend.takeRequest().getHeaders().get("Authorization")).isEqualTo("Basic abc");
  }
}
