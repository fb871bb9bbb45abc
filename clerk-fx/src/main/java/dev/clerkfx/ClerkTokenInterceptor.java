package dev.clerkfx;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp interceptor for the app's own backend: adds {@code Authorization: Bearer <session token>} from
 * {@code getToken()} and, when the backend answers 401, retries once with a freshly fetched token.
 *
 * <p>Requests that already carry an {@code Authorization} header, and requests made while signed out, pass through
 * unchanged. The interceptor waits for a token on OkHttp's thread (cached tokens are returned at once); do not
 * call {@code execute()} on the FX Application Thread.
 *
 * <pre>{@code
 * OkHttpClient api = new OkHttpClient.Builder()
 *     .addInterceptor(client.tokenInterceptor())
 *     .build();
 * }</pre>
 */
public final class ClerkTokenInterceptor implements Interceptor {
  private static final long DEFAULT_WAIT_MILLIS = 30_000;

  private final ClerkClient client;
  private final GetTokenOptions options;

  ClerkTokenInterceptor(ClerkClient client, GetTokenOptions options) {
    this.client = client;
    this.options = options;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header("Authorization") != null) return chain.proceed(request);
    Optional<String> token = await(chain, options);
    if (token.isEmpty()) return chain.proceed(request);
    Response response = chain.proceed(withBearer(request, token.get()));
    if (response.code() != 401) return response;
    Optional<String> fresh = await(chain, options.withSkipCache(true));
    if (fresh.isEmpty() || fresh.get().equals(token.get())) return response;
    response.close();
    return chain.proceed(withBearer(request, fresh.get()));
  }

  private static Request withBearer(Request request, String jwt) {
    return request.newBuilder().header("Authorization", "Bearer " + jwt).build();
  }

  private Optional<String> await(Chain chain, GetTokenOptions opts) throws IOException {
    long wait = chain.call().timeout().timeoutNanos() > 0
        ? TimeUnit.NANOSECONDS.toMillis(chain.call().timeout().timeoutNanos())
        : DEFAULT_WAIT_MILLIS;
    try {
      return client.getToken(opts).get(wait, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting for a Clerk session token");
    } catch (TimeoutException e) {
      throw new InterruptedIOException("Timed out waiting for a Clerk session token");
    } catch (ExecutionException e) {
      throw new IOException("Could not get a Clerk session token: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
