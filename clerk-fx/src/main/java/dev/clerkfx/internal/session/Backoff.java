package dev.clerkfx.internal.session;

import dev.clerkfx.RefreshPolicy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** Exponential backoff with jitter for transient failures; an explicit {@code Retry-After} wins. */
final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final double jitter;
  private final DoubleSupplier random;

  Backoff(RefreshPolicy policy) {
    this(policy, () -> ThreadLocalRandom.current().nextDouble());
  }

  Backoff(RefreshPolicy policy, DoubleSupplier random) {
    this.initialMillis = policy.retryInitialDelay().toMillis();
    this.maxMillis = policy.retryMaxDelay().toMillis();
    this.jitter = policy.retryJitter();
    this.random = random;
  }

  /**
   * Returns the delay before retry number {@code attempt} (0 = first retry).
   *
   * @param attempt how many retries came before this one
   * @param retryAfter the server's {@code Retry-After}, or null
   */
  Duration delay(int attempt, Duration retryAfter) {
    if (retryAfter != null && !retryAfter.isNegative()) {
      return retryAfter;
    }
    long base = initialMillis;
    for (int i = 0; i < attempt && base < maxMillis; i++) {
      base *= 2;
    }
    base = Math.min(base, maxMillis);
    double factor = 1.0 + jitter * (2.0 * random.getAsDouble() - 1.0);
    return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
  }
}
