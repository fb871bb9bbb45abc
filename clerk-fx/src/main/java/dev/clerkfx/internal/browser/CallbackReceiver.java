package dev.clerkfx.internal.browser;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where one browser flow's redirect lands: the redirect URL to give Clerk, and the callback's query
 * parameters once a request with the flow's {@code state} arrived. One-shot; anything else is
 * refused and ignored. Closing it ends listening at once (also in every outcome of the flow).
 */
interface CallbackReceiver extends AutoCloseable {
  /**
   * Returns the redirect URL without the state (hosted auth: Clerk sends the state back itself).
   */
  URI redirectUrl();

  /**
   * Returns the redirect URL carrying {@code state} as a query parameter (OAuth, SSO, email links).
   */
  URI redirectUrlWithState();

  /** Completes with the first matching callback's query parameters; never fails on its own. */
  CompletableFuture<Map<String, String>> callback();

  /** Stops listening; a later callback finds nothing (loopback) or is ignored (custom scheme). */
  @Override
  void close();
}
