package dev.clerkfx.testkit.internal.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.util.Base64;

/**
 * Test helpers: decode JWT parts with Jackson and verify signatures with nimbus against a JWKS
 * document.
 */
public final class Jwts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Jwts() {}

  /** Returns the decoded JOSE header. */
  public static JsonNode header(String jwt) {
    return part(jwt, 0);
  }

  /** Returns the decoded claims. */
  public static JsonNode payload(String jwt) {
    return part(jwt, 1);
  }

  private static JsonNode part(String jwt, int i) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]));
    } catch (IOException e) {
      throw new AssertionError("Not JSON: part " + i + " of the token", e);
    }
  }

  /**
   * Verifies the RS256 signature with the JWKS key named by the token's {@code kid}.
   *
   * @return whether the signature verifies; false if no key has that {@code kid}
   */
  public static boolean verifies(String jwt, String jwksJson) {
    try {
      JWSObject jws = JWSObject.parse(jwt);
      JWKSet set = JWKSet.parse(jwksJson);
      RSAKey key = (RSAKey) set.getKeyByKeyId(jws.getHeader().getKeyID());
      return key != null && jws.verify(new RSASSAVerifier(key));
    } catch (Exception e) {
      throw new AssertionError("Cannot verify token", e);
    }
  }
}
