package dev.clerkfx.internal.session;

import dev.clerkfx.RefreshPolicy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for transient failures. A server's {@code Retry-After} can only
 * lengthen a delay, and never beyond the policy's maximum: a huge, zero or negative value is safe.
 */
final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final double jitter;
  private final DoubleSupplier random;

  Backoff(RefreshPolicy policy) {
    this(policy, () -> ThreadLocalRandom.current().nextDouble());
  }

  Backoff(RefreshPolicy policy, DoubleSupplier random) {
    this.initialMillis = saturatedMillis(policy.retryInitialDelay());
    this.maxMillis = saturatedMillis(policy.retryMaxDelay());
    this.jitter = policy.retryJitter();
    this.random = random;
  }

  /**
   * Returns the delay before retry number {@code attempt} (0 = first retry): the jittered
   * exponential delay, or the server's {@code Retry-After} when that is longer, capped at the
   * policy's maximum delay.
   *
   * @param attempt how many retries came before this one (any value, negative counts as 0)
   * @param retryAfter the server's {@code Retry-After}, or null
   * @return a delay between 1 ms and the policy's maximum (plus its jitter)
   */
  Duration delay(int attempt, Duration retryAfter) {
    Duration backoff = exponential(attempt);
    if (retryAfter == null || retryAfter.compareTo(backoff) <= 0) {
      return backoff;
    }
    // Compared as Durations: Duration.ofSeconds(Long.MAX_VALUE).toMillis() would overflow.
    return retryAfter.compareTo(Duration.ofMillis(maxMillis)) >= 0
        ? Duration.ofMillis(maxMillis)
        : retryAfter;
  }

  private Duration exponential(int attempt) {
    long base = initialMillis;
    for (int i = 0; i < attempt && base < maxMillis; i++) {
      base = base > maxMillis / 2 ? maxMillis : base * 2;
    }
    base = Math.min(base, maxMillis);
    double factor = 1.0 + jitter * (2.0 * random.getAsDouble() - 1.0);
    return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
  }

  private static long saturatedMillis(Duration d) {
    return d.compareTo(Duration.ofMillis(Long.MAX_VALUE / 4)) > 0
        ? Long.MAX_VALUE / 4
        : d.toMillis();
  }
}
