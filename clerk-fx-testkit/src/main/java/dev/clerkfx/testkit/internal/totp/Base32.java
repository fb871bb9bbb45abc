package dev.clerkfx.testkit.internal.totp;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * RFC 4648 base32 (alphabet {@code A–Z2–7}), the encoding authenticator apps use for TOTP secrets.
 * Decoding ignores case, spaces, hyphens and {@code =} padding.
 */
public final class Base32 {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Base32() {}

  /**
   * Encodes bytes without padding.
   *
   * @param bytes the bytes
   * @return the base32 text
   */
  public static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /**
   * Decodes base32 text.
   *
   * @param text the text
   * @return the bytes
   * @throws IllegalArgumentException if the text is missing, empty or has a character outside the
   *     alphabet
   */
  public static byte[] decode(String text) {
    if (text == null) {
      throw new IllegalArgumentException("A base32 secret must not be missing");
    }
    String clean = text.replace(" ", "").replace("-", "").replace("=", "").toUpperCase(Locale.ROOT);
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("A base32 secret must not be empty");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < clean.length(); i++) {
      int value = ALPHABET.indexOf(clean.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException(
            "Not a base32 character at position " + i + " of the secret");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
