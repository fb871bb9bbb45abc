package dev.clerkfx;

import static dev.clerkfx.EmulatorHarness.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clerkfx.model.SessionClaims;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The session core against a hostile path to the Frontend API: a proxy with a fast clock, a stalled
 * response, malformed tokens, absurd {@code Retry-After} values. The "proxy" is an OkHttp network
 * interceptor in front of the emulator, so every SDK layer sees what it would see on the wire.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileNetworkTest {
  private static final String TOKEN_PATH = "/v1/client/sessions/[^/]+/tokens";

  private EmulatorHarness h;

  @AfterEach
  void tearDown() {
    if (h != null) h.close();
  }

  /**
   * A client whose requests pass {@code proxy} (an OkHttp network interceptor) on their way to the
   * emulator.
   */
  private ClerkClient signedInThrough(Interceptor proxy) {
    return signedInWith(h.http.newBuilder().addNetworkInterceptor(proxy).build());
  }

  private ClerkClient signedInWith(OkHttpClient http) {
    ClerkClient c = h.newClient(b -> b.okHttpClient(http));
    c.whenLoaded().join();
    h.settle(c); // the client shares the harness's dispatcher, so the harness sees its calls
    c.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    h.settle(c);
    return c;
  }

  /** A proxy whose clock runs {@code ahead}: it rewrites every response {@code Date}. */
  private static Interceptor fastDate(Duration ahead) {
    return chain -> {
      Response r = chain.proceed(chain.request());
      Date date = r.headers().getDate("Date");
      if (date == null) return r;
      return r.newBuilder()
          .headers(
              r.headers()
                  .newBuilder()
                  .set("Date", new Date(date.getTime() + ahead.toMillis()))
                  .build())
          .build();
    };
  }

  @ParameterizedTest(name = "Date {0} s ahead")
  @ValueSource(ints = {50, 55})
  void aFastDateHeaderDoesNotCauseARefreshStorm(int secondsAhead) {
    h = EmulatorHarness.start();
    ClerkClient c = signedInThrough(fastDate(Duration.ofSeconds(secondsAhead)));
    int start = h.tokenRequests();
    for (int s = 0; s < 10 * 60; s += 5) {
      h.advance(c, Duration.ofSeconds(5), Duration.ofSeconds(5));
      CompletableFuture<Optional<String>> f = c.getToken();
      assertThat(f).as("getToken at %d s", s).isDone();
      long exp = SessionClaims.decode(f.join().orElseThrow()).expiresAt().toEpochMilli();
      assertThat(exp - h.emulator.clock().millis()).as("remaining life at %d s", s).isPositive();
    }
    double perMinute = (h.tokenRequests() - start) / 10.0;
    assertThat(perMinute).as("token requests per minute").isLessThanOrEqualTo(1.3);
  }

  @Test
  void callersWaitingOnAStalledRequestGetAFresherTokenAtOnce() throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    c.setAppActive(false); // no background refresh: only the callers below make requests
    h.advance(c, Duration.ofSeconds(61), Duration.ofSeconds(61)); // the cached token expired
    Fault stall = Fault.on("POST", TOKENS).latency(Duration.ofSeconds(60)).times(1);
    h.emulator.faults().add(stall);
    CompletableFuture<Optional<String>> first = c.getToken();
    CompletableFuture<Optional<String>> second = c.getToken(); // joins the same request
    await().until(() -> stall.remaining() == 0); // the emulator holds that request now
    assertThat(first).isNotDone();

    String fresh =
        c.getToken(GetTokenOptions.defaults().withSkipCache(true))
            .get(10, TimeUnit.SECONDS)
            .orElseThrow();

    assertThat(first.get(5, TimeUnit.SECONDS)).contains(fresh);
    assertThat(second.get(5, TimeUnit.SECONDS)).contains(fresh);
    assertThat(c.getToken()).isCompletedWithValue(Optional.of(fresh));
  }

  @Test
  void backgroundRefreshOutlivesMalformedTokens() {
    h = EmulatorHarness.start();
    Deque<String> bad =
        new ArrayDeque<>(
            List.of(
                "{\"sub\":\"user_1\",\"iat\":1700000000,\"exp\":1e300}",
                "{\"sub\":\"user_1\",\"iat\":1700000000,\"exp\":-1e300}",
                "{\"sub\":\"user_1\",\"iat\":1700000000,\"exp\":18446744073709551617}",
                "{\"sub\":\"user_1\",\"iat\":1700000000,\"exp\":\"soon\"}",
                "{\"sub\":\"user_1\",\"iat\":1700000060,\"exp\":1700000000}",
                "{\"sub\":\"user_1\",\"iat\":1e300,\"exp\":1e301}"));
    ClerkClient c =
        signedInThrough(
            rewriteTokenBody(
                body -> {
                  String payload;
                  synchronized (bad) {
                    payload = bad.poll();
                  }
                  return payload == null
                      ? body
                      : "{\"object\":\"token\",\"jwt\":\"" + jwt(payload) + "\"}";
                }));
    int start = h.tokenRequests();
    // No caller asks for a token: only the background refresher works through the malformed ones.
    h.advance(c, Duration.ofMinutes(4), Duration.ofSeconds(1));

    assertThat(bad).as("every malformed token was served").isEmpty();
    assertThat(h.tokenRequests()).isGreaterThan(start);
    assertThat(c.snapshot().signedIn()).isTrue();
    CompletableFuture<Optional<String>> f = c.getToken();
    assertThat(f).as("a fresh token is cached").isDone();
    long exp = SessionClaims.decode(f.join().orElseThrow()).expiresAt().toEpochMilli();
    assertThat(exp).isGreaterThan(h.emulator.clock().millis());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"9223372036854775807", "99999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"})
  void anAbsurdRetryAfterIsClampedToThePolicyMaximum(String retryAfter) {
    h = EmulatorHarness.start();
    int[] refused = {0};
    // a rate-limiting proxy in front of the emulator answers the first three token requests itself
    ClerkClient c =
        signedInWith(
            h.http
                .newBuilder()
                .addInterceptor(
                    chain -> {
                      if (chain.request().url().encodedPath().matches(TOKEN_PATH)) {
                        synchronized (refused) {
                          if (refused[0] < 3) {
                            refused[0]++;
                            return new Response.Builder()
                                .request(chain.request())
                                .protocol(Protocol.HTTP_1_1)
                                .code(429)
                                .message("Too Many Requests")
                                .headers(
                                    new Headers.Builder()
                                        .set("Retry-After", retryAfter)
                                        .set("Date", new Date(h.emulator.clock().millis()))
                                        .build())
                                .body(
                                    ResponseBody.create(
                                        "{\"errors\":[{\"code\":\"too_many_requests\",\"message\":\"slow down\"}]}",
                                        MediaType.get("application/json")))
                                .build();
                          }
                        }
                      }
                      return chain.proceed(chain.request());
                    })
                .build());
    // the token seeded at sign-in goes stale after 50 s; three refusals later (each wait capped at
    // 30 s) a fresh
    // token arrives, without any caller asking
    h.advance(c, Duration.ofSeconds(50 + 3 * 37 + 5), Duration.ofSeconds(1));

    assertThat(refused[0]).isEqualTo(3);
    assertThat(c.snapshot().signedIn()).isTrue();
    CompletableFuture<Optional<String>> f = c.getToken();
    assertThat(f).isDone();
    assertThat(SessionClaims.decode(f.join().orElseThrow()).expiresAt().toEpochMilli())
        .isGreaterThan(h.emulator.clock().millis());
  }

  /** A proxy that rewrites the body of token responses. */
  private static Interceptor rewriteTokenBody(UnaryOperator<String> rewrite) {
    return chain -> {
      Response r = chain.proceed(chain.request());
      if (!chain.request().url().encodedPath().matches(TOKEN_PATH)
          || r.code() != 200
          || r.body() == null) return r;
      String body = r.body().string();
      return r.newBuilder()
          .body(ResponseBody.create(rewrite.apply(body), MediaType.get("application/json")))
          .build();
    };
  }

  private static String jwt(String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".c2ln";
  }
}
