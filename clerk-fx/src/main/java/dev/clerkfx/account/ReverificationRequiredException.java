package dev.clerkfx.account;

import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Clerk refused a sensitive action ({@code session_reverification_required}, HTTP 403) because the
 * session's factors were verified too long ago. Reverify with the level it names ({@link
 * Account#reverifyWithPassword}, {@link Account#startReverification} and the factor verbs), then
 * retry the action — or let {@link Account#withReverification} do the retry.
 *
 * <pre>{@code
 * clerk.account().changePassword(current, next, false).exceptionallyCompose(e -> {
 *   if (Account.reverificationRequired(e).isEmpty()) return CompletableFuture.failedFuture(e);
 *   return askPassword().thenCompose(clerk.account()::reverifyWithPassword)
 *       .thenCompose(v -> clerk.account().changePassword(current, next, false));
 * });
 * }</pre>
 */
public final class ReverificationRequiredException extends ClerkApiException {
  private static final long serialVersionUID = 1L;

  /** The error code Clerk sends. */
  public static final String CODE = "session_reverification_required";

  private final ReverificationLevel level;
  private final Duration window;

  /**
   * Creates the error.
   *
   * @param status the HTTP status (403)
   * @param errors the error entries
   * @param traceId {@code clerk_trace_id}, or null
   * @param level the level to reverify at
   * @param window how recent the verification must be, or null when Clerk did not say
   */
  public ReverificationRequiredException(
      int status,
      List<ClerkError> errors,
      String traceId,
      ReverificationLevel level,
      Duration window) {
    super(status, errors, traceId, null);
    this.level = level == null ? ReverificationLevel.SECOND_FACTOR : level;
    this.window = window;
  }

  /**
   * Returns the level to reverify at ({@link ReverificationLevel#SECOND_FACTOR} when Clerk did not
   * say).
   */
  public ReverificationLevel level() {
    return level;
  }

  /** Returns how recent the verification must be (for example 10 minutes), when Clerk said. */
  public Optional<Duration> window() {
    return Optional.ofNullable(window);
  }
}
