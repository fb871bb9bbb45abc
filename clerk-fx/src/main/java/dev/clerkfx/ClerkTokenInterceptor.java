package dev.clerkfx;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp interceptor for the app's own backend: adds {@code Authorization: Bearer <session
 * token>} from {@code getToken()} to requests for the hosts the app lists, and, when such a host
 * answers 401, retries once with a freshly fetched token.
 *
 * <p>Only requests to a listed host get the token, and only over {@code https} (plain {@code http}
 * only to a loopback host); every other request passes through unchanged, and a 401 from any other
 * host (one a listed host redirected to, say) is returned as it is, without a token refresh.
 * Requests that already carry an {@code Authorization} header, and requests made while signed out,
 * pass through unchanged too. The interceptor waits for a token on OkHttp's thread (cached tokens
 * are returned at once); do not call {@code execute()} on the FX Application Thread.
 *
 * <pre>{@code
 * OkHttpClient api = new OkHttpClient.Builder()
 *     .addInterceptor(clerk.tokenInterceptor("api.example.com"))
 *     .build();
 * }</pre>
 *
 * @see TokenInterceptorOptions
 */
public final class ClerkTokenInterceptor implements Interceptor {
  private static final System.Logger LOG = System.getLogger(ClerkTokenInterceptor.class.getName());
  private static final long DEFAULT_WAIT_MILLIS = 30_000;

  private final ClerkClient client;
  private final GetTokenOptions options;
  private final List<TokenInterceptorOptions.HostRule> rules;
  private final AtomicBoolean warnedPlainHttp = new AtomicBoolean();

  ClerkTokenInterceptor(ClerkClient client, TokenInterceptorOptions options) {
    this.client = client;
    this.options = options.token();
    this.rules = options.rules();
  }

  /**
   * Adds the session token when the request goes to a listed host over https (or to loopback), else
   * proceeds unchanged. Runs on the calling OkHttp thread.
   *
   * @param chain the OkHttp chain
   * @return the response
   * @throws IOException when the request fails, or waiting for a token fails or times out
   */
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header("Authorization") != null || !mayReceiveToken(request.url()))
      return chain.proceed(request);
    Optional<String> token = await(chain, options);
    if (token.isEmpty()) return chain.proceed(request);
    Response response = chain.proceed(withBearer(request, token.get()));
    // The final response may come from another host (a redirect, which OkHttp sends without our
    // header): its 401
    // says nothing about our token.
    if (response.code() != 401 || !mayReceiveToken(response.request().url())) return response;
    Optional<String> fresh = await(chain, options.withSkipCache(true));
    if (fresh.isEmpty() || fresh.get().equals(token.get())) return response;
    response.close();
    return chain.proceed(withBearer(request, fresh.get()));
  }

  private boolean mayReceiveToken(HttpUrl url) {
    boolean listed = false;
    for (TokenInterceptorOptions.HostRule rule : rules) {
      if (rule.matches(url.host(), url.port())) {
        listed = true;
        break;
      }
    }
    if (!listed) return false;
    if (url.isHttps()) return true;
    String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
    if (PublishableKey.isLoopbackHost(host)) return true;
    if (warnedPlainHttp.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "Not sending the Clerk session token to {0} over plain http; use https",
          url.host());
    }
    return false;
  }

  private static Request withBearer(Request request, String jwt) {
    return request.newBuilder().header("Authorization", "Bearer " + jwt).build();
  }

  private Optional<String> await(Chain chain, GetTokenOptions opts) throws IOException {
    long wait =
        chain.call().timeout().timeoutNanos() > 0
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
      throw new IOException(
          "Could not get a Clerk session token: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
