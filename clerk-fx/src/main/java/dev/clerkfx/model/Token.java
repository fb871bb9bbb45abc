package dev.clerkfx.model;

import java.util.Optional;

/**
 * A session token (a short-lived JWT) as FAPI returns it: {@code {"object":"token","jwt":"…"}}.
 *
 * <p>{@link #toString()} never prints the JWT.
 *
 * @param jwt the compact JWT, sent as {@code Authorization: Bearer <jwt>} to the app's own backend
 */
public record Token(String jwt) {

  /** Rejects a missing JWT. */
  public Token {
    if (jwt == null || jwt.isBlank()) throw new IllegalArgumentException("token has no jwt");
  }

  /**
   * Decodes the JWT's claims (no signature check: the app's backend verifies tokens). Decodes on
   * every call.
   *
   * @return the claims, or empty when the JWT is not a decodable token with {@code iat} and {@code
   *     exp}
   */
  public Optional<SessionClaims> claims() {
    return SessionClaims.tryDecode(jwt);
  }

  /** Returns {@code Token[jwt=<redacted, N chars>]}. */
  @Override
  public String toString() {
    return "Token[jwt=<redacted, " + jwt.length() + " chars>]";
  }
}
