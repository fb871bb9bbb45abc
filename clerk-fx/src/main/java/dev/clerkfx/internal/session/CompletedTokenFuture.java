package dev.clerkfx.internal.session;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An already-completed {@code getToken()} result shared by every caller while its token is cached,
 * so the cached path allocates nothing. It is complete from birth, so {@code complete}/{@code
 * cancel} are no-ops; the two {@code obtrude*} methods, which could change it under other callers,
 * are refused.
 */
final class CompletedTokenFuture extends CompletableFuture<Optional<String>> {
  static final CompletedTokenFuture EMPTY = new CompletedTokenFuture(Optional.empty());

  CompletedTokenFuture(Optional<String> value) {
    super.complete(value);
  }

  @Override
  public void obtrudeValue(Optional<String> value) {
    throw new UnsupportedOperationException("A shared getToken() result cannot be changed");
  }

  @Override
  public void obtrudeException(Throwable ex) {
    throw new UnsupportedOperationException("A shared getToken() result cannot be changed");
  }
}
