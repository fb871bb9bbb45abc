package dev.clerkfx.internal.fapi;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Makes every request a native FAPI request: query {@code _is_native=true}; headers {@code Authorization: <client
 * token>} (raw, no {@code Bearer}, only when one is held), {@code clerk-api-version}, {@code x-mobile: 1}, the SDK
 * version, {@code x-native-device-id} and {@code Accept: application/json}; and the app's {@code User-Agent} when
 * one is configured ({@link UserAgents}).
 */
public final class NativeRequestInterceptor implements Interceptor {
  private final ClientTokenHolder tokens;
  private final String deviceId;
  private final String sdkVersion;
  private final String userAgent;

  /**
   * Creates the interceptor.
   *
   * @param tokens where the client token is read from at send time
   * @param deviceId the per-install device id
   * @param sdkVersion the SDK version to send
   */
  public NativeRequestInterceptor(ClientTokenHolder tokens, String deviceId, String sdkVersion) {
    this(tokens, deviceId, sdkVersion, null);
  }

  /**
   * Creates the interceptor with a {@code User-Agent}.
   *
   * @param tokens where the client token is read from at send time
   * @param deviceId the per-install device id
   * @param sdkVersion the SDK version to send
   * @param userAgent the {@code User-Agent} value, or null to leave OkHttp's
   */
  public NativeRequestInterceptor(ClientTokenHolder tokens, String deviceId, String sdkVersion, String userAgent) {
    this.userAgent = userAgent;
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
    this.sdkVersion = Objects.requireNonNull(sdkVersion, "sdkVersion");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    Request.Builder b = original.newBuilder()
        .url(original.url().newBuilder().setQueryParameter("_is_native", "true").build())
        .header("clerk-api-version", SdkInfo.API_VERSION)
        .header("x-mobile", "1")
        .header(SdkInfo.SDK_VERSION_HEADER, sdkVersion)
        .header("x-native-device-id", deviceId)
        .header("Accept", "application/json");
    if (userAgent != null) b.header("User-Agent", userAgent);
    tokens.current().ifPresentOrElse(t -> b.header("Authorization", t), () -> b.removeHeader("Authorization"));
    return chain.proceed(b.build());
  }
}
