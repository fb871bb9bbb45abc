package dev.clerkfx.internal.fapi;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Captures and rotates the client token: when a response (success or error) carries an {@code Authorization}
 * header, its value becomes the held token; an empty value (or a bare {@code Bearer}) clears it. A rotation is only
 * accepted when the request was sent with the token still held (Android's stale-response guard).
 *
 * <p>Must run after {@link NativeRequestInterceptor}, which puts the sent token on the request.
 */
public final class ClientTokenInterceptor implements Interceptor {
  private final ClientTokenHolder tokens;

  /**
   * Creates the interceptor.
   *
   * @param tokens the holder to rotate
   */
  public ClientTokenInterceptor(ClientTokenHolder tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    String sent = chain.request().header("Authorization");
    Response response = chain.proceed(chain.request());
    String received = response.header("Authorization");
    if (received != null) {
      String value = received.strip();
      if (value.equalsIgnoreCase("Bearer")) value = "";
      if (!tokens.compareAndSet(sent, value)) {
        FapiLog.LOG.log(System.Logger.Level.DEBUG,
            "Ignored a client-token rotation from a response to a request sent with an older token");
      }
    }
    return response;
  }
}
