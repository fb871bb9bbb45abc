package dev.clerkfx.internal.session;

/**
 * A session token as fetched, with the decoded times the cache needs (all epoch milliseconds,
 * server clock).
 *
 * @param jwt the token itself (never printed)
 * @param sessionId the {@code sid} claim, or null for template tokens without one
 * @param organizationId the organization claim ({@code org_id} or {@code o.id}), {@code ""} when
 *     none
 * @param issuedAtMillis {@code iat}
 * @param expiresAtMillis {@code exp}
 * @param originIssuedAtMillis the {@code oiat} header, or 0 when absent
 * @param serverDateMillis the response's {@code Date}, or 0 when unknown (ignored for seeded
 *     tokens, which are judged with the offset of the latest response)
 * @param model the public token object published on the token stream (opaque here)
 */
record MintedToken(
    String jwt,
    String sessionId,
    String organizationId,
    long issuedAtMillis,
    long expiresAtMillis,
    long originIssuedAtMillis,
    long serverDateMillis,
    Object model) {

  MintedToken {
    organizationId = organizationId == null ? "" : organizationId;
  }

  @Override
  public String toString() {
    return "MintedToken[sid="
        + sessionId
        + ", org="
        + organizationId
        + ", iat="
        + issuedAtMillis
        + ", exp="
        + expiresAtMillis
        + ", jwt=<redacted>]";
  }
}
