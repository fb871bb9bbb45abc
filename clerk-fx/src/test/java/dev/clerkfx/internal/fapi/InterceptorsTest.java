package dev.clerkfx.internal.fapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.FormBody;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Each interceptor on its own, in a bare OkHttp client. */
class InterceptorsTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  private Response call(Interceptor interceptor, Request request) throws Exception {
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(interceptor).build();
    return http.newCall(request).execute();
  }

  private Request get(String path) {
    return new Request.Builder().url(server.url(path)).build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(r).isNotNull();
    return r;
  }

  @Test
  void nativeRequestInterceptorKeepsExistingQueryAndAddsNativeFlag() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    RecordingFacts tokens = new RecordingFacts("tok");
    try (Response r =
        call(
            new NativeRequestInterceptor(tokens, "dev-1", "1.2.3"),
            get("/v1/me?_clerk_session_id=s1"))) {
      assertThat(r.code()).isEqualTo(200);
    }
    RecordedRequest req = take();
    assertThat(req.getUrl().queryParameter("_clerk_session_id")).isEqualTo("s1");
    assertThat(req.getUrl().queryParameter("_is_native")).isEqualTo("true");
    assertThat(req.getHeaders().get("Authorization")).isEqualTo("tok");
    assertThat(req.getHeaders().get("x-native-device-id")).isEqualTo("dev-1");
    assertThat(req.getHeaders().get("x-clerk-fx-sdk-version")).isEqualTo("1.2.3");
    assertThat(req.getHeaders().get("clerk-api-version")).isEqualTo(SdkInfo.API_VERSION);
    assertThat(req.getHeaders().get("x-mobile")).isEqualTo("1");
  }

  @Test
  void redactingLoggerNeverLogsSecrets() throws Exception {
    CapturingLogger log = new CapturingLogger();
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Authorization", "rotated.secret.token")
            .setHeader("Set-Cookie", "__client=cookie.secret")
            .body("{\"jwt\":\"session.secret.jwt\"}")
            .build());
    Request request =
        new Request.Builder()
            .url(
                server.url(
                    "/v1/client/sign_ins/sia_1?rotating_token_nonce=nonce.secret&_is_native=true"))
            .header("Authorization", "sent.secret.token")
            .post(
                new FormBody.Builder()
                    .add("identifier", "jane@example.com")
                    .add("password", "hunter2secret")
                    .add("code", "424242")
                    .build())
            .build();
    call(new RedactingLoggingInterceptor(log), request).close();
    String all = String.join("\n", log.lines);
    assertThat(all)
        .contains(
            "POST",
            "/v1/client/sign_ins/sia_1",
            "200",
            "identifier=jane@example.com",
            "_is_native=true");
    assertThat(all)
        .doesNotContain(
            "sent.secret.token",
            "rotated.secret.token",
            "cookie.secret",
            "hunter2secret",
            "424242",
            "nonce.secret",
            "session.secret.jwt");
  }

  @Test
  void redactingLoggerIsSilentWhenDebugIsOff() throws Exception {
    CapturingLogger log = new CapturingLogger();
    log.enabled = false;
    server.enqueue(new MockResponse.Builder().body("{}").build());
    call(new RedactingLoggingInterceptor(log), get("/v1/environment")).close();
    assertThat(log.lines).isEmpty();
  }

  /** A System.Logger that records every message at every level. */
  static final class CapturingLogger implements Logger {
    final List<String> lines = new CopyOnWriteArrayList<>();
    volatile boolean enabled = true;

    @Override
    public String getName() {
      return "capture";
    }

    @Override
    public boolean isLoggable(Level level) {
      return enabled;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(msg);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(params == null ? format : java.text.MessageFormat.format(format, params));
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
      lines.add(msgSupplier.get());
    }
  }
}
