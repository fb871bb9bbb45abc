package dev.clerkfx.internal.ui;

import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import dev.clerkfx.ClerkException;
import dev.clerkfx.ClerkNetworkException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What went wrong with a network action, in the form the components show it: Clerk's own message
 * beside the field it names ({@code meta.param_name}), a network failure named as such, a rate
 * limit or a lockout with the time to wait.
 *
 * @param kind what kind of failure it is
 * @param code Clerk's error code (empty for failures that are not Clerk's answer)
 * @param message Clerk's {@code long_message} (or message) for {@link Kind#CLERK}; empty otherwise
 *     (the component words network, rate-limit and lockout failures itself)
 * @param field the form field the message belongs beside, such as {@code password}; empty for the
 *     whole step
 * @param retryIn how long to wait before trying again, for {@link Kind#RATE_LIMITED} and {@link
 *     Kind#LOCKED}
 */
public record Problem(
    Kind kind, String code, String message, Optional<String> field, Optional<Duration> retryIn) {

  /** The kinds of failure a component tells apart. */
  public enum Kind {
    /** Clerk refused the action with a message for the user. */
    CLERK,
    /** Clerk could not be reached (offline, DNS, timeout, reset). */
    NETWORK,
    /** Too many attempts: wait {@link Problem#retryIn()}. */
    RATE_LIMITED,
    /** The account is locked for {@link Problem#retryIn()} (or for an unknown time when empty). */
    LOCKED,
    /** Anything else (an unreadable answer, a bug). */
    OTHER
  }

  /**
   * Reads a failure as the components show it.
   *
   * @param error the failure, possibly wrapped in a {@link CompletionException}
   * @return the problem
   */
  public static Problem of(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof ClerkNetworkException) {
      return new Problem(Kind.NETWORK, "network_error", "", Optional.empty(), Optional.empty());
    }
    if (e instanceof ClerkApiException api) {
      Optional<ClerkError> first = api.error();
      String code = first.map(ClerkError::code).orElse("");
      if (api.status() == 429 || code.equals("too_many_requests")) {
        return new Problem(
            Kind.RATE_LIMITED,
            code,
            "",
            Optional.empty(),
            Optional.of(api.retryAfter().orElse(Duration.ofSeconds(10))));
      }
      if (code.equals("user_locked")) {
        return new Problem(
            Kind.LOCKED,
            code,
            first.get().displayMessage(),
            Optional.empty(),
            first.get().lockoutExpiresInSeconds().map(Duration::ofSeconds));
      }
      if (first.isPresent()) {
        return new Problem(
            Kind.CLERK,
            code,
            first.get().displayMessage(),
            first.get().paramName(),
            Optional.empty());
      }
    }
    String code = e instanceof ClerkException ce ? ce.code() : "";
    return new Problem(
        Kind.OTHER, code == null ? "" : code, "", Optional.empty(), Optional.empty());
  }
}
