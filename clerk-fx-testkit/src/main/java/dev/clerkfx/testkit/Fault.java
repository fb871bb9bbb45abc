package dev.clerkfx.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A fault the emulator injects into matching requests: added latency, an error status, a 429 with
 * {@code Retry-After}, a dropped connection or a malformed body; for the next N requests or with a
 * probability.
 *
 * <pre>{@code
 * emulator.faults().add(Fault.on("POST", "/v1/client/sessions/{@literal *}/tokens").status(503).times(2));
 * emulator.faults().add(Fault.on("*", "/v1/**").latency(Duration.ofMillis(300)).probability(0.5));
 * }</pre>
 *
 * Path globs: {@code *} matches within one path segment, {@code **} matches across segments. The
 * method is matched after {@code _method} tunnelling; {@code "*"} matches any method. Latency
 * delays the normal response; the other effects replace it. Unless {@link #times(int)} is set, a
 * fault stays until removed.
 */
public final class Fault {
  /** What a fault does to a matching request. */
  public enum Effect {
    /** Delays the normal response. */
    LATENCY,
    /** Answers with an error status and a Clerk-shaped error body. */
    STATUS,
    /** Answers 429 {@code too_many_requests} with {@code Retry-After}. */
    RATE_LIMITED,
    /** Closes the connection without answering. */
    DROP_CONNECTION,
    /** Answers 200 with a truncated, unparseable JSON body. */
    MALFORMED_BODY
  }

  private final String method;
  private final String pathGlob;
  private final Pattern pattern;
  private final Effect effect;
  private final Duration latency;
  private final int status;
  private final Duration retryAfter;
  private final double probability;
  private final AtomicInteger remaining;

  private Fault(
      String method,
      String pathGlob,
      Effect effect,
      Duration latency,
      int status,
      Duration retryAfter,
      double probability,
      int times) {
    this.method = method;
    this.pathGlob = pathGlob;
    this.pattern = globToPattern(pathGlob);
    this.effect = effect;
    this.latency = latency;
    this.status = status;
    this.retryAfter = retryAfter;
    this.probability = probability;
    this.remaining = new AtomicInteger(times);
  }

  /**
   * Starts a fault for requests with the given method and path.
   *
   * @param method an HTTP method, or {@code "*"} for any
   * @param pathGlob a path glob such as {@code /v1/client/sessions/{@literal *}/tokens}
   * @return a builder; choose one effect to get the fault
   */
  public static Builder on(String method, String pathGlob) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathGlob, "pathGlob");
    return new Builder(method.toUpperCase(java.util.Locale.ROOT), pathGlob);
  }

  /**
   * Returns a copy of this fault applied only to the next {@code n} matching requests.
   *
   * @param n how many requests (at least 1)
   * @return the new fault
   */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + n);
    }
    return new Fault(method, pathGlob, effect, latency, status, retryAfter, probability, n);
  }

  /**
   * Returns a copy of this fault applied to each matching request with probability {@code p}.
   *
   * @param p a probability in [0, 1]
   * @return the new fault
   */
  public Fault probability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be within [0, 1], was " + p);
    }
    return new Fault(method, pathGlob, effect, latency, status, retryAfter, p, remaining.get());
  }

  /**
   * Returns the method matched ({@code "*"} for any).
   *
   * @return the method matched ({@code "*"} for any)
   */
  public String method() {
    return method;
  }

  /**
   * Returns the path glob matched.
   *
   * @return the path glob matched
   */
  public String pathGlob() {
    return pathGlob;
  }

  /**
   * Returns the effect.
   *
   * @return the effect
   */
  public Effect effect() {
    return effect;
  }

  /**
   * Returns the added latency (zero unless {@link Effect#LATENCY}).
   *
   * @return the added latency (zero unless {@link Effect#LATENCY})
   */
  public Duration latency() {
    return latency;
  }

  /**
   * Returns the status answered ({@code 0} unless {@link Effect#STATUS} or {@link
   * Effect#RATE_LIMITED}).
   *
   * @return the status answered ({@code 0} unless {@link Effect#STATUS} or {@link
   *     Effect#RATE_LIMITED})
   */
  public int status() {
    return status;
  }

  /**
   * Returns the {@code Retry-After} sent with {@link Effect#RATE_LIMITED}.
   *
   * @return the {@code Retry-After} sent with {@link Effect#RATE_LIMITED}
   */
  public Duration retryAfter() {
    return retryAfter;
  }

  /**
   * Returns how many more requests this fault applies to ({@link Integer#MAX_VALUE} for unlimited).
   *
   * @return how many more requests this fault applies to ({@link Integer#MAX_VALUE} for unlimited)
   */
  public int remaining() {
    return remaining.get();
  }

  /**
   * Tells whether this fault matches a request (used by the emulator).
   *
   * @param requestMethod the effective method
   * @param path the request path
   * @return whether it matches
   */
  boolean matches(String requestMethod, String path) {
    return remaining.get() > 0
        && ("*".equals(method) || method.equalsIgnoreCase(requestMethod))
        && pattern.matcher(path).matches();
  }

  /** Consumes one use if the probability draw says so; returns whether the fault fires. */
  boolean tryFire(double draw) {
    if (draw >= probability) {
      return false;
    }
    while (true) {
      int left = remaining.get();
      if (left <= 0) {
        return false;
      }
      if (left == Integer.MAX_VALUE || remaining.compareAndSet(left, left - 1)) {
        return true;
      }
    }
  }

  static Pattern globToPattern(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          re.append(".*");
          i++;
        } else {
          re.append("[^/]*");
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  @Override
  public String toString() {
    return "Fault["
        + method
        + " "
        + pathGlob
        + " "
        + effect
        + (effect == Effect.LATENCY ? " " + latency : "")
        + (status != 0 ? " " + status : "")
        + ", p="
        + probability
        + ", remaining="
        + (remaining.get() == Integer.MAX_VALUE ? "unlimited" : remaining.get())
        + "]";
  }

  /** Chooses the effect of a {@link Fault}. */
  public static final class Builder {
    private final String method;
    private final String pathGlob;

    private Builder(String method, String pathGlob) {
      this.method = method;
      this.pathGlob = pathGlob;
    }

    private Fault make(Effect effect, Duration latency, int status, Duration retryAfter) {
      return new Fault(
          method, pathGlob, effect, latency, status, retryAfter, 1.0, Integer.MAX_VALUE);
    }

    /**
     * Delays matching responses.
     *
     * @param delay the added latency
     * @return the fault
     */
    public Fault latency(Duration delay) {
      if (Objects.requireNonNull(delay, "delay").isNegative()) {
        throw new IllegalArgumentException("latency must not be negative");
      }
      return make(Effect.LATENCY, delay, 0, Duration.ZERO);
    }

    /**
     * Answers matching requests with an error status and a Clerk-shaped error body.
     *
     * @param httpStatus a status from 400 to 599
     * @return the fault
     */
    public Fault status(int httpStatus) {
      if (httpStatus < 400 || httpStatus > 599) {
        throw new IllegalArgumentException(
            "status must be an error status (400-599), was " + httpStatus);
      }
      return make(Effect.STATUS, Duration.ZERO, httpStatus, Duration.ZERO);
    }

    /**
     * Answers matching requests with 429 {@code too_many_requests} and {@code Retry-After}.
     *
     * @param retryAfter the wait advertised (whole seconds, rounded up)
     * @return the fault
     */
    public Fault rateLimited(Duration retryAfter) {
      Objects.requireNonNull(retryAfter, "retryAfter");
      return make(Effect.RATE_LIMITED, Duration.ZERO, 429, retryAfter);
    }

    /**
     * Closes the connection of matching requests without an answer.
     *
     * @return the fault
     */
    public Fault dropConnection() {
      return make(Effect.DROP_CONNECTION, Duration.ZERO, 0, Duration.ZERO);
    }

    /**
     * Answers matching requests with 200 and a truncated JSON body.
     *
     * @return the fault
     */
    public Fault malformedBody() {
      return make(Effect.MALFORMED_BODY, Duration.ZERO, 200, Duration.ZERO);
    }
  }
}
