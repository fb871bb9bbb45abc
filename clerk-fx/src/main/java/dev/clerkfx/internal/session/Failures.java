package dev.clerkfx.internal.session;

import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkException;
import dev.clerkfx.ClerkNetworkException;
import dev.clerkfx.ClerkResponseException;
import dev.clerkfx.SignOutReason;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Classifies failures: transient (retry, keep state) versus a dead session (clear state at once).
 */
final class Failures {
  private static final Set<String> DEAD_SESSION_CODES =
      Set.of(
          "session_revoked",
          "session_expired",
          "session_ended",
          "session_removed",
          "session_replaced",
          "session_not_found",
          "session_invalid",
          "authentication_invalid");

  private Failures() {}

  /** Unwraps the completion wrappers {@code CompletableFuture} puts around a failure. */
  static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof CompletionException || cur instanceof ExecutionException)
        && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }

  /** Returns the failure as a {@link ClerkException}, wrapping anything unexpected. */
  static ClerkException asClerk(Throwable t) {
    Throwable u = unwrap(t);
    if (u instanceof ClerkException ce) return ce;
    return new ClerkException(
        "internal_error", "Unexpected failure: " + u.getClass().getSimpleName(), u);
  }

  /**
   * True for failures worth retrying: network trouble, unreadable bodies (an undecodable token
   * included), HTTP 408/425/429 and 5xx, and anything unexpected that is not a {@link
   * ClerkException} at all (so a background refresh never stops on a surprise; retries back off).
   */
  static boolean isTransient(Throwable t) {
    Throwable u = unwrap(t);
    if (!(u instanceof ClerkException)) return true;
    if (u instanceof ClerkNetworkException) return true;
    if (u instanceof ClerkResponseException) return true;
    if (u instanceof ClerkApiException api) {
      int s = api.status();
      return s == 408 || s == 425 || s == 429 || s >= 500;
    }
    return false;
  }

  /** Returns the {@code Retry-After} of a 429, or null. */
  static Duration retryAfter(Throwable t) {
    Throwable u = unwrap(t);
    return u instanceof ClerkApiException api ? api.retryAfter().orElse(null) : null;
  }

  /** Returns the sign-out reason when the failure says the session is dead, else null. */
  static SignOutReason deadSessionReason(Throwable t) {
    Throwable u = unwrap(t);
    if (!(u instanceof ClerkApiException api) || isTransient(api)) return null;
    String code = api.code();
    if (!DEAD_SESSION_CODES.contains(code)) return null;
    return switch (code) {
      case "session_expired" -> SignOutReason.EXPIRED;
      case "session_ended", "session_removed", "session_replaced" ->
          SignOutReason.SIGNED_OUT_ELSEWHERE;
      default -> SignOutReason.REVOKED;
    };
  }

  /**
   * True for an HTTP 401 that is not itself a dead-session code: the client should be refetched.
   */
  static boolean isUnauthenticated(Throwable t) {
    Throwable u = unwrap(t);
    return u instanceof ClerkApiException api
        && api.status() == 401
        && deadSessionReason(api) == null;
  }

  /**
   * True when the local client looks out of date: a 401 without a dead-session code, or {@code
   * resource_not_found} (the session is unknown to the server, for example after a concurrent
   * sign-in replaced it). The client should be refetched; the refetched client then says whether
   * anyone is still signed in.
   */
  static boolean needsClientRefresh(Throwable t) {
    Throwable u = unwrap(t);
    return isUnauthenticated(u)
        || (u instanceof ClerkApiException api
            && (api.status() == 404 || "resource_not_found".equals(api.code())));
  }
}
