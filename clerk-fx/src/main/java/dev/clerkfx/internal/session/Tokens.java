package dev.clerkfx.internal.session;

import dev.clerkfx.model.SessionClaims;
import dev.clerkfx.model.Token;
import java.time.Instant;

/** Turns a fetched or seeded {@link Token} into the decoded form the cache works with. */
final class Tokens {
  private Tokens() {}

  /**
   * Decodes {@code token}.
   *
   * @param token the token
   * @param serverDateMillis the response's {@code Date} (0 = unknown)
   * @return the decoded token
   * @throws dev.clerkfx.ClerkResponseException when the JWT cannot be decoded
   */
  static MintedToken mint(Token token, long serverDateMillis) {
    SessionClaims c = SessionClaims.decode(token.jwt());
    return new MintedToken(token.jwt(), c.sessionId().orElse(null), c.organizationId().orElse(""),
        c.issuedAt().toEpochMilli(), c.expiresAt().toEpochMilli(),
        c.originIssuedAt().map(Instant::toEpochMilli).orElse(0L), serverDateMillis, c);
  }

  /** Like {@link #mint} but null when the JWT cannot be decoded (a seed is optional). */
  static MintedToken tryMint(Token token) {
    try {
      return mint(token, 0);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
