package dev.clerkfx.internal.session;

import java.util.Optional;

/**
 * A token in the cache, with its expiry translated to the local clock (skew-corrected) and the
 * completed future every {@code getToken()} caller shares while it is fresh.
 */
final class CachedToken {
  final MintedToken minted;

  /** Local-clock millis at which the token expires. */
  final long expiresAtLocal;

  /**
   * Local-clock millis until which the token is served straight from the cache (expiry minus the
   * buffer).
   */
  final long freshUntilLocal;

  /** Local-clock millis until which the token may still be served while a refresh is in flight. */
  final long graceUntilLocal;

  /**
   * Local-clock millis before which this entry is not fetched again unless a caller forces it
   * (receipt plus the minimum refetch interval for fetched tokens; {@code Long.MIN_VALUE} for
   * seeds, which may be old).
   */
  final long refetchNotBeforeLocal;

  final CompletedTokenFuture future;

  CachedToken(
      MintedToken minted,
      long serverMinusLocalMillis,
      long bufferMillis,
      long refetchNotBeforeLocal) {
    this.minted = minted;
    this.refetchNotBeforeLocal = refetchNotBeforeLocal;
    this.expiresAtLocal = minted.expiresAtMillis() - serverMinusLocalMillis;
    this.freshUntilLocal = expiresAtLocal - bufferMillis;
    this.graceUntilLocal = expiresAtLocal - bufferMillis / 2;
    this.future = new CompletedTokenFuture(Optional.of(minted.jwt()));
  }

  /**
   * True when {@code candidate} should replace {@code current}: another session always wins;
   * otherwise prefer an unexpired token, then the higher {@code oiat} (when both carry one), then
   * the higher {@code iat}, then (the same token, or one minted in the same second) the one judged
   * to live longer, so a token fetched with a sound view of time replaces the same token seeded
   * with a skewed one.
   */
  static boolean isFresher(CachedToken candidate, CachedToken current, long nowLocal) {
    if (current == null) return true;
    MintedToken a = candidate.minted;
    MintedToken b = current.minted;
    if (a.sessionId() == null ? b.sessionId() != null : !a.sessionId().equals(b.sessionId()))
      return true;
    boolean aLive = nowLocal < candidate.expiresAtLocal;
    boolean bLive = nowLocal < current.expiresAtLocal;
    if (aLive != bLive) return aLive;
    if (a.originIssuedAtMillis() > 0
        && b.originIssuedAtMillis() > 0
        && a.originIssuedAtMillis() != b.originIssuedAtMillis()) {
      return a.originIssuedAtMillis() > b.originIssuedAtMillis();
    }
    if (a.issuedAtMillis() != b.issuedAtMillis()) return a.issuedAtMillis() > b.issuedAtMillis();
    return candidate.expiresAtLocal > current.expiresAtLocal;
  }
}
