package dev.clerkfx.testkit.internal.state;

import java.security.SecureRandom;

/** Clerk-shaped random ids ({@code prefix_} + 27 base62 characters) and other random strings. */
public final class Ids {
  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /**
   * Returns a new id.
   *
   * @param prefix such as {@code sess}
   * @return {@code prefix_} + 27 base62 characters
   */
  public static String next(String prefix) {
    return prefix + "_" + base62(27);
  }

  /**
   * Returns random base62 text.
   *
   * @param length the length
   * @return the text
   */
  public static String base62(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = BASE62[RANDOM.nextInt(BASE62.length)];
    }
    return new String(out);
  }

  /**
   * Returns a random six-digit verification code.
   *
   * @return the code
   */
  public static String sixDigits() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  /**
   * Returns random bytes.
   *
   * @param n how many
   * @return the bytes
   */
  public static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
