package dev.clerkfx.internal.session;

import dev.clerkfx.ClerkResponseException;
import dev.clerkfx.model.SessionClaims;
import dev.clerkfx.model.Token;
import java.time.Instant;

/** Decodes a fetched or seeded {@link Token} into the form the cache works with. */
final class Tokens {
  private Tokens() {}

  /**
   * Decodes {@code token}'s claims into a {@link MintedToken}. Never throws anything but a {@link
   * ClerkResponseException}, whatever the token holds.
   *
   * @param token the token
   * @param serverDateMillis the response's {@code Date} (0 = unknown)
   * @return the decoded token
   * @throws ClerkResponseException when the JWT cannot be decoded, lacks {@code sub}, {@code iat}
   *     or {@code exp}, or expires before it was issued (a transient failure to the engine: retried
   *     with backoff)
   */
  static MintedToken decode(Token token, long serverDateMillis) {
    SessionClaims c = SessionClaims.decode(token.jwt());
    long issuedAt = c.issuedAt().toEpochMilli();
    long expiresAt = c.expiresAt().toEpochMilli();
    if (expiresAt <= issuedAt) {
      throw new ClerkResponseException(
          0, "The session token expires before it was issued (exp <= iat)", null);
    }
    return new MintedToken(
        token.jwt(),
        c.sessionId().orElse(null),
        c.organizationId().orElse(""),
        issuedAt,
        expiresAt,
        c.originIssuedAt().map(Instant::toEpochMilli).orElse(0L),
        serverDateMillis,
        c);
  }

  /** Like {@link #decode} but null when the token cannot be used (a seed is optional). */
  static MintedToken tryDecode(Token token) {
    try {
      return decode(token, 0);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
