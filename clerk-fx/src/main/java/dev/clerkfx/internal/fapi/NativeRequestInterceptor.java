package dev.clerkfx.internal.fapi;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Makes every request a native FAPI request: query {@code _is_native=true}; headers {@code
 * Authorization: <client token>} (raw, no {@code Bearer}, only when one is held), {@code
 * clerk-api-version}, {@code x-mobile: 1}, the SDK version, {@code x-native-device-id} and {@code
 * Accept: application/json}; and the app's {@code User-Agent} when one is configured ({@link
 * UserAgents}). The client token is the one {@link FapiFacts#clientToken()} holds when the request
 * leaves, unless the request carries a {@link SentToken} tag (a sign-out sends the token it just
 * forgot). The response it returns carries that request, token included.
 */
public final class NativeRequestInterceptor implements Interceptor {
  private final FapiFacts facts;
  private final String deviceId;
  private final String sdkVersion;
  private final String userAgent;

  /**
   * Creates the interceptor.
   *
   * @param facts where the client token is read from at send time
   * @param deviceId the per-install device id
   * @param sdkVersion the SDK version to send
   */
  public NativeRequestInterceptor(FapiFacts facts, String deviceId, String sdkVersion) {
    this(facts, deviceId, sdkVersion, null);
  }

  /**
   * Creates the interceptor with a {@code User-Agent}.
   *
   * @param facts where the client token is read from at send time
   * @param deviceId the per-install device id
   * @param sdkVersion the SDK version to send
   * @param userAgent the {@code User-Agent} value, or null to leave OkHttp's
   */
  public NativeRequestInterceptor(
      FapiFacts facts, String deviceId, String sdkVersion, String userAgent) {
    this.userAgent = userAgent;
    this.facts = Objects.requireNonNull(facts, "facts");
    this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
    this.sdkVersion = Objects.requireNonNull(sdkVersion, "sdkVersion");
  }

  /**
   * Pins the client token a request is sent with, whatever is held when it leaves.
   *
   * @param token the token to send, or empty to send none
   */
  public record SentToken(Optional<String> token) {
    /** Normalises null to empty. */
    public SentToken {
      token = token == null ? Optional.empty() : token;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
      return token.isPresent() ? "SentToken[<redacted>]" : "SentToken[none]";
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    Request.Builder b =
        original
            .newBuilder()
            .url(original.url().newBuilder().setQueryParameter("_is_native", "true").build())
            .header("clerk-api-version", SdkInfo.API_VERSION)
            .header("x-mobile", "1")
            .header(SdkInfo.SDK_VERSION_HEADER, sdkVersion)
            .header("x-native-device-id", deviceId)
            .header("Accept", "application/json");
    if (userAgent != null) b.header("User-Agent", userAgent);
    SentToken pinned = original.tag(SentToken.class);
    Optional<String> token = pinned != null ? pinned.token() : facts.clientToken();
    token.ifPresentOrElse(t -> b.header("Authorization", t), () -> b.removeHeader("Authorization"));
    Request sent = b.build();
    Response response = chain.proceed(sent);
    // the response names the request as sent, so its facts know which client token it answers
    return response.newBuilder().request(sent).build();
  }
}
