package dev.clerkfx.testkit.internal.totp;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps and Clerk use them: HMAC-SHA1,
 * 30-second steps, 6 digits, base32 secrets; verification accepts the previous, current and next
 * step (±1 step window).
 *
 * <pre>{@code
 * String secret = Totp.generateSecret();             // 32 base32 chars (160 bits)
 * String code = Totp.currentCode(secret, clock);      // what the user's app shows now
 * boolean ok = Totp.verify(secret, code, clock);      // true
 * }</pre>
 *
 * <p>Thread-safe: the generator is immutable (java-otp creates a {@code Mac} per call).
 */
public final class Totp {
  /** The time step authenticator apps use. */
  public static final Duration STEP = Duration.ofSeconds(30);

  /** Digits in a code. */
  public static final int DIGITS = 6;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final TimeBasedOneTimePasswordGenerator SIX_DIGITS =
      new TimeBasedOneTimePasswordGenerator(
          STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

  private Totp() {}

  /**
   * Generates a random 160-bit secret (RFC 4226's recommended length), base32 without padding.
   *
   * @return the secret, 32 characters
   */
  public static String generateSecret() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return Base32.encode(bytes);
  }

  /**
   * Returns the code for the clock's current time step, zero-padded to six digits.
   *
   * @param base32Secret the secret
   * @param clock the time source
   * @return the code
   * @throws IllegalArgumentException if the secret is not base32 or the clock is missing
   */
  public static String currentCode(String base32Secret, Clock clock) {
    if (clock == null) {
      throw new IllegalArgumentException("TOTP needs a clock");
    }
    return code(SIX_DIGITS, key(base32Secret), clock.instant());
  }

  /**
   * Checks a six-digit code against the current step and its neighbours (±30 s).
   *
   * @param base32Secret the secret
   * @param code the code the user typed (spaces are ignored)
   * @param clock the time source
   * @return whether it matches
   * @throws IllegalArgumentException if the secret is not base32 or the clock is missing
   */
  public static boolean verify(String base32Secret, String code, Clock clock) {
    if (clock == null) {
      throw new IllegalArgumentException("TOTP needs a clock");
    }
    Key key = key(base32Secret);
    if (code == null) {
      return false;
    }
    String typed = code.replace(" ", "");
    if (typed.length() != DIGITS || !typed.chars().allMatch(Character::isDigit)) {
      return false;
    }
    Instant now = clock.instant();
    boolean match = false;
    for (int step = -1; step <= 1; step++) {
      // No early exit: every candidate is computed and compared in constant time.
      match |=
          java.security.MessageDigest.isEqual(
              code(SIX_DIGITS, key, now.plus(STEP.multipliedBy(step)))
                  .getBytes(StandardCharsets.US_ASCII),
              typed.getBytes(StandardCharsets.US_ASCII));
    }
    return match;
  }

  /**
   * Computes an RFC 6238 code with any digit count and HMAC algorithm (for the RFC's test vectors).
   *
   * @param secret the raw key bytes
   * @param algorithm {@code HmacSHA1}, {@code HmacSHA256} or {@code HmacSHA512}
   * @param digits the number of digits (6–8)
   * @param at the time
   * @return the zero-padded code
   * @throws IllegalArgumentException if an argument is invalid
   */
  public static String code(byte[] secret, String algorithm, int digits, Instant at) {
    if (secret == null || secret.length == 0 || at == null) {
      throw new IllegalArgumentException("TOTP needs a non-empty secret and a time");
    }
    TimeBasedOneTimePasswordGenerator generator;
    try {
      generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Unsupported TOTP parameters: " + algorithm + ", " + digits + " digits", e);
    }
    return code(generator, new SecretKeySpec(secret, algorithm), at);
  }

  /**
   * Returns the {@code otpauth://} URI authenticator apps scan (what Clerk's {@code POST
   * /v1/me/totp} returns as {@code uri}).
   *
   * @param base32Secret the secret
   * @param issuer the issuer label (the application name)
   * @param account the account label (the user's identifier)
   * @return the URI
   */
  public static String uri(String base32Secret, String issuer, String account) {
    Base32.decode(base32Secret); // validates
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32Secret
        + "&issuer="
        + enc(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP.toSeconds();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Key key(String base32Secret) {
    return new SecretKeySpec(
        Base32.decode(base32Secret), TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
  }

  private static String code(TimeBasedOneTimePasswordGenerator generator, Key key, Instant at) {
    try {
      int value = generator.generateOneTimePassword(key, at);
      return String.format("%0" + generator.getPasswordLength() + "d", value);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("The TOTP secret is not a usable HMAC key", e);
    }
  }
}
