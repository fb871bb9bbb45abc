package dev.clerkfx.testkit.internal.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulator's signing keys: one current key that signs, plus the previous key's public half kept
 * in the JWKS after a {@link #rotate()}, so tokens minted just before a rotation still verify until
 * they expire.
 *
 * <p>Thread-safe: readers see an immutable snapshot; {@link #rotate()} swaps it atomically.
 *
 * <pre>{@code
 * SigningKeyRing keys = SigningKeyRing.generate();      // or SigningKeyRing.of(SigningKey.of(preMadePair))
 * String jwks = keys.jwksJson();                        // {"keys":[{"use":"sig","kty":"RSA","kid":"ins_…",…}]}
 * String pem = keys.current().publicKeyPem();           // for Clerk backend SDKs' jwtKey option
 * keys.rotate();                                        // new current key; the old public key stays in the JWKS
 * }</pre>
 */
public final class SigningKeyRing {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record State(SigningKey current, Optional<SigningKey> previous, String jwksJson) {}

  private volatile State state;

  private SigningKeyRing(SigningKey first) {
    this.state = stateOf(first, Optional.empty());
  }

  /**
   * Creates a ring around a freshly generated RSA 2048 key (slow: see {@link
   * SigningKey#generate()}).
   *
   * @return the ring
   */
  public static SigningKeyRing generate() {
    return new SigningKeyRing(SigningKey.generate());
  }

  /**
   * Creates a ring around a pre-made key (fast, for tests).
   *
   * @param first the first current key
   * @return the ring
   * @throws IllegalArgumentException if the key is missing
   */
  public static SigningKeyRing of(SigningKey first) {
    if (first == null) {
      throw new IllegalArgumentException("A signing key ring needs a first key");
    }
    return new SigningKeyRing(first);
  }

  /**
   * Returns the key that signs new tokens.
   *
   * @return the key that signs new tokens
   */
  public SigningKey current() {
    return state.current();
  }

  /**
   * Returns the key that signed before the last rotation, if any; its public half is still in the
   * JWKS.
   *
   * @return the key that signed before the last rotation, if any; its public half is still in the
   *     JWKS
   */
  public Optional<SigningKey> previous() {
    return state.previous();
  }

  /**
   * Makes a freshly generated key current and keeps the old current key's public half in the JWKS.
   *
   * @return the new current key
   */
  public SigningKey rotate() {
    return rotate(SigningKey.generate());
  }

  /**
   * Makes {@code next} current and keeps the old current key's public half in the JWKS (the key
   * before that is dropped).
   *
   * @param next the new signing key
   * @return {@code next}
   * @throws IllegalArgumentException if {@code next} is missing or has the current key's id
   */
  public synchronized SigningKey rotate(SigningKey next) {
    if (next == null) {
      throw new IllegalArgumentException("Cannot rotate to a missing signing key");
    }
    State old = state;
    if (next.kid().equals(old.current().kid())) {
      throw new IllegalArgumentException(
          "The next signing key must have a new key id, got the current one: " + next.kid());
    }
    state = stateOf(next, Optional.of(old.current()));
    return next;
  }

  /**
   * Returns the verification keys, current first.
   *
   * @return the verification keys, current first
   */
  public List<SigningKey> verificationKeys() {
    State s = state;
    List<SigningKey> keys = new ArrayList<>(2);
    keys.add(s.current());
    s.previous().ifPresent(keys::add);
    return List.copyOf(keys);
  }

  /**
   * Returns the key with the given id among the verification keys.
   *
   * @param kid a key id
   * @return the key, or empty if it is neither current nor previous
   */
  public Optional<SigningKey> find(String kid) {
    return verificationKeys().stream().filter(k -> k.kid().equals(kid)).findFirst();
  }

  /**
   * Returns the JWKS document exactly as Clerk serves it at {@code /.well-known/jwks.json} and BAPI
   * {@code GET /v1/jwks}: {@code
   * {"keys":[{"use":"sig","kty":"RSA","kid":"ins_…","alg":"RS256","n":"…","e":"AQAB"}]}}, current
   * key first. Computed once per rotation.
   *
   * @return the JWKS JSON
   */
  public String jwksJson() {
    return state.jwksJson();
  }

  private static State stateOf(SigningKey current, Optional<SigningKey> previous) {
    List<Map<String, Object>> keys = new ArrayList<>(2);
    keys.add(current.publicJwk());
    previous.ifPresent(p -> keys.add(p.publicJwk()));
    try {
      return new State(current, previous, JSON.writeValueAsString(Map.of("keys", keys)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render the JWKS", e);
    }
  }

  @Override
  public String toString() {
    State s = state;
    return "SigningKeyRing[current="
        + s.current().kid()
        + s.previous().map(p -> ", previous=" + p.kid()).orElse("")
        + "]";
  }
}
