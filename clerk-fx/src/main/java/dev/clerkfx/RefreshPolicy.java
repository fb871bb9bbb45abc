package dev.clerkfx;

import java.time.Duration;

/**
 * How clerk-fx caches and renews session tokens, and how it retries transient failures.
 *
 * <p>A cached token is served while more than {@link #expiryBuffer()} of its life remains (judged
 * against the server's clock, from the token's own {@code iat}/{@code exp} and the response {@code
 * Date}). While the app is active and signed in, a background refresh starts {@link #refreshLead()}
 * before the cached token reaches that buffer, so callers in steady use never wait on the network.
 * Failed background refreshes and load attempts retry with exponential backoff from {@link
 * #retryInitialDelay()} up to {@link #retryMaxDelay()}, each delay varied by &plusmn;{@link
 * #retryJitter()}; a server's {@code Retry-After} (an HTTP 429, say) lengthens a delay, but never
 * beyond {@link #retryMaxDelay()}. A token whose claims make it look stale on arrival is not
 * refetched within 5 s of its receipt unless a caller asks with {@code skipCache}.
 *
 * <pre>{@code
 * RefreshPolicy policy = RefreshPolicy.defaults().withExpiryBuffer(Duration.ofSeconds(15));
 * }</pre>
 *
 * @param expiryBuffer a cached token is served while more than this much life remains (default 10
 *     s)
 * @param refreshLead how long before the buffer is reached the background refresh starts (default 0
 *     s: with 60 s tokens that is one request per 50 s; the previous token is still served while
 *     that refresh is in flight)
 * @param retryInitialDelay the first retry delay after a transient failure (default 0.5 s)
 * @param retryMaxDelay the largest retry delay (default 30 s)
 * @param retryJitter the random variation applied to each retry delay, 0 to 1 (default 0.2 =
 *     &plusmn;20 %)
 */
public record RefreshPolicy(
    Duration expiryBuffer,
    Duration refreshLead,
    Duration retryInitialDelay,
    Duration retryMaxDelay,
    double retryJitter) {

  private static final RefreshPolicy DEFAULTS =
      new RefreshPolicy(
          Duration.ofSeconds(10),
          Duration.ZERO,
          Duration.ofMillis(500),
          Duration.ofSeconds(30),
          0.2);

  /**
   * Checks the values.
   *
   * @throws ClerkConfigurationException when a duration is null or negative, the maximum delay is
   *     below the initial one, or the jitter is outside 0..1
   */
  public RefreshPolicy {
    requireNonNegative("expiryBuffer", expiryBuffer);
    requireNonNegative("refreshLead", refreshLead);
    requireNonNegative("retryInitialDelay", retryInitialDelay);
    requireNonNegative("retryMaxDelay", retryMaxDelay);
    if (retryInitialDelay.isZero()) {
      throw new ClerkConfigurationException(
          "invalid_refresh_policy", "retryInitialDelay must be positive");
    }
    if (retryMaxDelay.compareTo(retryInitialDelay) < 0) {
      throw new ClerkConfigurationException(
          "invalid_refresh_policy", "retryMaxDelay must not be shorter than retryInitialDelay");
    }
    if (!(retryJitter >= 0.0 && retryJitter <= 1.0)) {
      throw new ClerkConfigurationException(
          "invalid_refresh_policy", "retryJitter must be between 0 and 1");
    }
  }

  /**
   * Returns the defaults: 10 s buffer, no extra lead, retries 0.5 s &rarr; 30 s with &plusmn;20 %
   * jitter.
   */
  public static RefreshPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another expiry buffer.
   *
   * @param buffer a cached token is served while more than this much life remains
   * @return the new policy
   */
  public RefreshPolicy withExpiryBuffer(Duration buffer) {
    return new RefreshPolicy(buffer, refreshLead, retryInitialDelay, retryMaxDelay, retryJitter);
  }

  /**
   * Returns a copy with another refresh lead.
   *
   * @param lead how long before the buffer is reached the background refresh starts
   * @return the new policy
   */
  public RefreshPolicy withRefreshLead(Duration lead) {
    return new RefreshPolicy(expiryBuffer, lead, retryInitialDelay, retryMaxDelay, retryJitter);
  }

  /**
   * Returns a copy with other retry settings.
   *
   * @param initialDelay the first retry delay
   * @param maxDelay the largest retry delay
   * @param jitter the random variation of each delay, 0 to 1
   * @return the new policy
   */
  public RefreshPolicy withRetry(Duration initialDelay, Duration maxDelay, double jitter) {
    return new RefreshPolicy(expiryBuffer, refreshLead, initialDelay, maxDelay, jitter);
  }

  private static void requireNonNegative(String name, Duration value) {
    if (value == null) {
      throw new ClerkConfigurationException("invalid_refresh_policy", name + " must not be null");
    }
    if (value.isNegative()) {
      throw new ClerkConfigurationException(
          "invalid_refresh_policy", name + " must not be negative");
    }
  }
}
