package dev.clerkfx.testkit.internal.token;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/**
 * RSA 2048 key pairs generated once per test JVM (generation is slow), for fast {@link
 * SigningKey#of}.
 */
public final class TestKeys {
  private static final KeyPair[] PAIRS = new KeyPair[3];

  private TestKeys() {}

  /**
   * Returns the {@code i}-th shared key pair (0–2).
   *
   * @param i the index
   * @return the pair
   */
  public static synchronized KeyPair pair(int i) {
    if (PAIRS[i] == null) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PAIRS[i] = generator.generateKeyPair();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return PAIRS[i];
  }

  /**
   * A signing key with a fresh {@code ins_} id around the {@code i}-th shared pair.
   *
   * @param i the index
   * @return the key
   */
  public static SigningKey key(int i) {
    return SigningKey.of(pair(i));
  }
}
