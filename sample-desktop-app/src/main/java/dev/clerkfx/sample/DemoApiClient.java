package dev.clerkfx.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clerkfx.ClerkTokenInterceptor;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Calls the sample's protected API the way an app calls its own backend: OkHttp with the SDK's
 * {@link ClerkTokenInterceptor}, which attaches {@code Authorization: Bearer <getToken()>} and
 * retries once with a fresh token on 401. Calls run on OkHttp's threads; the futures complete
 * there.
 */
final class DemoApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;
  private final URI baseUri;

  DemoApiClient(ClerkTokenInterceptor tokens, URI baseUri) {
    this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
    this.http =
        new OkHttpClient.Builder()
            .addInterceptor(Objects.requireNonNull(tokens, "tokens"))
            .callTimeout(Duration.ofSeconds(20))
            .build();
  }

  /** The API refused the call or could not be reached; the message is fit to show. */
  static final class DemoApiException extends IOException {
    private static final long serialVersionUID = 1L;

    DemoApiException(String message) {
      super(message);
    }

    DemoApiException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Calls {@code GET <path>} ({@code /api/me} or {@code /api/profile}).
   *
   * @param path the route
   * @return the JSON answer, pretty-printed, or a future failed with a {@link DemoApiException}
   */
  CompletableFuture<String> get(String path) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Call call =
        http.newCall(new Request.Builder().url(baseUri.resolve(path).toString()).get().build());
    call.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call c, Response response) {
            try (response;
                ResponseBody body = response.body()) {
              JsonNode json = JSON.readTree(body.string());
              if (response.code() == 200) {
                result.complete(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
              } else {
                result.completeExceptionally(
                    new DemoApiException(
                        "API answered "
                            + response.code()
                            + ": "
                            + json.path("message")
                                .asText(json.path("error").asText("no reason given"))));
              }
            } catch (IOException | RuntimeException e) {
              result.completeExceptionally(
                  new DemoApiException("Unreadable API answer: " + e.getMessage(), e));
            }
          }

          @Override
          public void onFailure(Call c, IOException e) {
            result.completeExceptionally(
                new DemoApiException("API call failed: " + e.getMessage(), e));
          }
        });
    return result;
  }

  /** Releases OkHttp's threads and connections. */
  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
