package dev.clerkfx.testkit.internal.token;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JWT template as configured in Clerk's dashboard: a name, the claims (static JSON values and
 * shortcodes such as {@code "{{user.id}}"}), the token lifetime and the allowed clock skew. See
 * {@link Shortcodes} for what the shortcodes may contain.
 *
 * @param name the template name used in {@code POST /v1/client/sessions/{id}/tokens/{name}}
 * @param claims the claims template (maps, lists, strings, numbers, booleans, nulls)
 * @param lifetime token lifetime: {@code exp = iat + lifetime} (Clerk's default: 60 s)
 * @param allowedClockSkew {@code nbf = iat - allowedClockSkew} (Clerk's default: 5 s)
 */
public record JwtTemplate(
    String name, Map<String, Object> claims, Duration lifetime, Duration allowedClockSkew) {
  /** Clerk's default template token lifetime. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

  /** Clerk's default template clock skew. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(5);

  /**
   * Checks the values; {@code null} lifetime or skew means Clerk's default.
   *
   * @param name the template name
   * @param claims the claims template, or {@code null}
   * @param lifetime the token lifetime, or {@code null}
   * @param allowedClockSkew the clock skew, or {@code null}
   * @throws IllegalArgumentException if the name is blank, the lifetime is under a second or the
   *     skew is negative
   */
  public JwtTemplate {
    SessionTokenRequest.requireText(name, "JWT template name");
    claims = claims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    lifetime = lifetime == null ? DEFAULT_LIFETIME : lifetime;
    allowedClockSkew = allowedClockSkew == null ? DEFAULT_CLOCK_SKEW : allowedClockSkew;
    if (lifetime.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "JWT template lifetime must be at least 1 s, got " + lifetime);
    }
    if (allowedClockSkew.isNegative()) {
      throw new IllegalArgumentException(
          "JWT template clock skew must not be negative, got " + allowedClockSkew);
    }
  }

  /**
   * A template with Clerk's default lifetime (60 s) and clock skew (5 s).
   *
   * @param name the name
   * @param claims the claims template
   * @return the template
   */
  public static JwtTemplate of(String name, Map<String, Object> claims) {
    return new JwtTemplate(name, claims, DEFAULT_LIFETIME, DEFAULT_CLOCK_SKEW);
  }

  /**
   * A template with the given lifetime and Clerk's default clock skew (5 s).
   *
   * @param name the name
   * @param claims the claims template
   * @param lifetime the token lifetime
   * @return the template
   */
  public static JwtTemplate of(String name, Map<String, Object> claims, Duration lifetime) {
    return new JwtTemplate(name, claims, lifetime, DEFAULT_CLOCK_SKEW);
  }
}
