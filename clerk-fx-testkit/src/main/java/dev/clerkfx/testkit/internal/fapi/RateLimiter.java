package dev.clerkfx.testkit.internal.fapi;

import dev.clerkfx.testkit.internal.server.Errors;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Clerk's documented per-IP FAPI limits (system-limits docs): creating sign-ins and sign-ups 5 per
 * 10 s, factor attempts and sign-up verification attempts 3 per 10 s; sliding windows on the
 * emulator clock.
 */
public final class RateLimiter {
  /** A limited action. */
  public enum Bucket {
    /** {@code POST /v1/client/sign_ins}. */
    CREATE_SIGN_IN(5),
    /** {@code POST /v1/client/sign_ups}. */
    CREATE_SIGN_UP(5),
    /** attempt_first_factor, attempt_second_factor, attempt_verification. */
    ATTEMPT(3);

    private final int limit;

    Bucket(int limit) {
      this.limit = limit;
    }
  }

  private static final Duration WINDOW = Duration.ofSeconds(10);
  private final Clock clock;
  private final boolean enabled;
  private final Map<String, ArrayDeque<Long>> hits = new HashMap<>();

  /**
   * Makes a limiter.
   *
   * @param clock the emulator clock
   * @param enabled whether limits apply
   */
  public RateLimiter(Clock clock, boolean enabled) {
    this.clock = clock;
    this.enabled = enabled;
  }

  /**
   * Counts one request, or refuses it with 429 {@code too_many_requests} and {@code Retry-After}.
   *
   * @param ip the caller
   * @param bucket the action
   */
  public synchronized void check(String ip, Bucket bucket) {
    if (!enabled) {
      return;
    }
    long now = clock.millis();
    ArrayDeque<Long> q = hits.computeIfAbsent(ip + "|" + bucket, k -> new ArrayDeque<>());
    while (!q.isEmpty() && q.peekFirst() <= now - WINDOW.toMillis()) {
      q.removeFirst();
    }
    if (q.size() >= bucket.limit) {
      long wait = q.peekFirst() + WINDOW.toMillis() - now;
      throw Errors.tooManyRequests((wait + 999) / 1000);
    }
    q.addLast(now);
  }
}
