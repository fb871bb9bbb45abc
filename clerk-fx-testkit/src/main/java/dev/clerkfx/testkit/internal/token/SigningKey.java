package dev.clerkfx.testkit.internal.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One RS256 signing key of the emulator: an RSA key pair, its Clerk-shaped key id ({@code ins_} +
 * 27 base62 characters, like a Clerk instance id) and a ready-made {@link JWSSigner}, so minting a
 * token does no key work.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows only the key id.
 */
public final class SigningKey {
  /** RSA modulus size Clerk uses for instance keys. */
  public static final int KEY_SIZE_BITS = 2048;

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int ID_LENGTH = 27;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SIGNATURE_CACHE_SIZE = 4096;

  private final String kid;
  private final RSAPublicKey publicKey;
  private final JWSSigner signer;
  private final JWSHeader header;
  private final String encodedHeader;
  private final Map<String, Object> publicJwk;
  private final String publicKeyPem;

  /**
   * RS256 (RSASSA-PKCS1-v1_5) is deterministic: the same key and input always give the same
   * signature. Session tokens have second resolution and no nonce, so a client polling one session
   * gets identical tokens within a second; remembering recent signatures returns the very same
   * bytes without a 1–2 ms RSA operation, which is what lets the emulator serve thousands of token
   * requests per second on two cores.
   */
  private final Map<String, String> recentSignatures = new ConcurrentHashMap<>();

  private SigningKey(String kid, KeyPair pair) {
    if (!(pair.getPublic() instanceof RSAPublicKey pub)
        || !(pair.getPrivate() instanceof RSAPrivateKey priv)) {
      throw new IllegalArgumentException(
          "A signing key must be an RSA key pair, got "
              + pair.getPublic().getAlgorithm()
              + "/"
              + pair.getPrivate().getAlgorithm());
    }
    if (pub.getModulus().bitLength() < KEY_SIZE_BITS) {
      throw new IllegalArgumentException(
          "RS256 needs an RSA key of at least "
              + KEY_SIZE_BITS
              + " bits, got "
              + pub.getModulus().bitLength());
    }
    this.kid = kid;
    this.publicKey = pub;
    this.signer = new RSASSASigner(priv);
    // Clerk's header is exactly {"alg":"RS256","kid":"ins_…","typ":"JWT"}; encoded once per key.
    this.header =
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build();
    this.encodedHeader =
        base64Url(
            ("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}")
                .getBytes(StandardCharsets.UTF_8));
    RSAKey jwk =
        new RSAKey.Builder(pub)
            .keyID(kid)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .build();
    Map<String, Object> shaped =
        new LinkedHashMap<>(); // member order as Clerk serves it (protocol doc §5.8)
    shaped.put("use", "sig");
    shaped.put("kty", "RSA");
    shaped.put("kid", kid);
    shaped.put("alg", "RS256");
    shaped.put("n", jwk.getModulus().toString());
    shaped.put("e", jwk.getPublicExponent().toString());
    this.publicJwk = Collections.unmodifiableMap(shaped);
    this.publicKeyPem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pub.getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * Generates a new RSA 2048 key pair with a fresh {@code ins_…} key id. Takes tens to hundreds of
   * milliseconds: tests that start many emulators should generate once and use {@link
   * #of(KeyPair)}.
   *
   * @return a new key
   */
  public static SigningKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(KEY_SIZE_BITS, RANDOM);
      return new SigningKey(newKid(), generator.generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM cannot generate RSA keys", e);
    }
  }

  /**
   * Wraps a pre-made RSA key pair (at least 2048 bits) under a fresh {@code ins_…} key id.
   *
   * @param pair the key pair
   * @return the key
   * @throws IllegalArgumentException if the pair is missing, not RSA, or too short
   */
  public static SigningKey of(KeyPair pair) {
    if (pair == null || pair.getPublic() == null || pair.getPrivate() == null) {
      throw new IllegalArgumentException("A signing key needs a key pair with both keys");
    }
    return new SigningKey(newKid(), pair);
  }

  /**
   * Wraps a pre-made RSA key pair under the given key id.
   *
   * @param kid the key id, such as {@code ins_2GIoQhbUpy0hX7B2cVkuTMinXoD}
   * @param pair the key pair
   * @return the key
   * @throws IllegalArgumentException if the key id is blank or the pair is missing, not RSA, or too
   *     short
   */
  public static SigningKey of(String kid, KeyPair pair) {
    if (kid == null || kid.isBlank()) {
      throw new IllegalArgumentException("A signing key id must not be blank");
    }
    if (pair == null || pair.getPublic() == null || pair.getPrivate() == null) {
      throw new IllegalArgumentException("A signing key needs a key pair with both keys");
    }
    return new SigningKey(kid, pair);
  }

  /**
   * Returns a new id shaped like a Clerk instance id: {@code ins_} followed by 27 base62
   * characters.
   *
   * @return the id
   */
  public static String newKid() {
    char[] chars = new char[ID_LENGTH];
    for (int i = 0; i < ID_LENGTH; i++) {
      chars[i] = BASE62.charAt(RANDOM.nextInt(BASE62.length()));
    }
    return "ins_" + new String(chars);
  }

  /**
   * Returns the key id ({@code kid} header and JWKS member).
   *
   * @return the key id ({@code kid} header and JWKS member)
   */
  public String kid() {
    return kid;
  }

  /**
   * Returns the public half of the key.
   *
   * @return the public half of the key
   */
  public RSAPublicKey publicKey() {
    return publicKey;
  }

  /**
   * Returns the public key as a JWK map in Clerk's member order {@code use, kty, kid, alg, n, e}
   * (unmodifiable).
   *
   * @return the JWK members
   */
  public Map<String, Object> publicJwk() {
    return publicJwk;
  }

  /**
   * Returns the public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo),
   * the form Clerk's backend SDKs accept as {@code jwtKey} for networkless verification.
   *
   * @return the PEM text
   */
  public String publicKeyPem() {
    return publicKeyPem;
  }

  /** The JOSE header of tokens this key signs (without optional fields such as {@code oiat}). */
  JWSHeader header() {
    return header;
  }

  /** The base64url form of {@link #header()}, encoded once. */
  String encodedHeader() {
    return encodedHeader;
  }

  /**
   * Signs the JWS signing input ({@code base64url(header) + "." + base64url(payload)}) and returns
   * the base64url signature. Thread-safe: the underlying signer takes a new {@code Signature} per
   * call; repeated inputs are answered from a small cache of recent signatures (identical to a
   * fresh signature, see the field's note).
   */
  String sign(String signingInput) {
    String cached = recentSignatures.get(signingInput);
    if (cached != null) {
      return cached;
    }
    String signature;
    try {
      signature = signer.sign(header, signingInput.getBytes(StandardCharsets.US_ASCII)).toString();
    } catch (JOSEException e) {
      throw new IllegalStateException("RS256 signing failed with key " + kid, e);
    }
    if (recentSignatures.size() >= SIGNATURE_CACHE_SIZE) {
      recentSignatures.clear(); // entries are only useful within the second their iat names
    }
    recentSignatures.put(signingInput, signature);
    return signature;
  }

  static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigningKey other
        && kid.equals(other.kid)
        && publicKey.equals(other.publicKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kid, publicKey);
  }

  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + "]";
  }
}
