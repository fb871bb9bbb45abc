package dev.clerkfx.internal.browser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636, S256): a random verifier kept by the app and its challenge sent to Clerk.
 *
 * @param verifier 43 base64url characters from 32 random bytes
 * @param challenge {@code base64url(SHA-256(verifier))}, no padding
 */
record Pkce(String verifier, String challenge) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Hides the verifier. */
  @Override
  public String toString() {
    return "Pkce[challenge=" + challenge + "]";
  }

  /** Makes a fresh pair. */
  static Pkce create() {
    String verifier = random(32);
    return new Pkce(verifier, challengeOf(verifier));
  }

  static String challengeOf(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Returns {@code bytes} random bytes, base64url without padding (also the flows' {@code state}).
   *
   * @param bytes how many random bytes
   * @return the text
   */
  static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
