package dev.clerkfx;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Clerk's Frontend API answered with an error: the HTTP status, every error entry with its code,
 * messages and meta, the {@code clerk_trace_id} for Clerk support, and for HTTP 429 the {@code
 * Retry-After} delay.
 *
 * <p>{@link #code()} and {@link #getMessage()} come from the first error entry. Subclasses name
 * answers that call for a particular response, such as {@code
 * dev.clerkfx.account.ReverificationRequiredException}.
 */
public class ClerkApiException extends ClerkException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<ClerkError> errors;
  private final String traceId;
  private final Duration retryAfter;

  /**
   * Creates an API error.
   *
   * @param status the HTTP status
   * @param errors the error entries, first one most relevant; may be empty
   * @param traceId {@code clerk_trace_id} from the body, or null
   * @param retryAfter the {@code Retry-After} delay, or null
   */
  public ClerkApiException(
      int status, List<ClerkError> errors, String traceId, Duration retryAfter) {
    super(firstCode(errors, status), firstMessage(errors, status), null);
    this.status = status;
    this.errors = List.copyOf(errors);
    this.traceId = traceId;
    this.retryAfter = retryAfter;
  }

  /** Returns the HTTP status (401, 403, 422, 429…). */
  public int status() {
    return status;
  }

  /** Returns every error entry in the body, never null. */
  public List<ClerkError> errors() {
    return errors;
  }

  /** Returns the first error entry, if the body had one. */
  public Optional<ClerkError> error() {
    return errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(0));
  }

  /** Returns {@code clerk_trace_id}, to quote when contacting Clerk support. */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /** Returns how long to wait before retrying, from {@code Retry-After} (sent with HTTP 429). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  private static String firstCode(List<ClerkError> errors, int status) {
    if (!errors.isEmpty() && !errors.get(0).code().isEmpty()) return errors.get(0).code();
    return status == 429 ? "too_many_requests" : "http_" + status;
  }

  private static String firstMessage(List<ClerkError> errors, int status) {
    if (errors.isEmpty()) return "Clerk answered HTTP " + status + " without an error message";
    ClerkError e = errors.get(0);
    return e.displayMessage() + " (" + (e.code().isEmpty() ? "HTTP " + status : e.code()) + ")";
  }
}
