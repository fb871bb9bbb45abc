package dev.clerkfx.internal.ui;

import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import dev.clerkfx.ClerkException;
import dev.clerkfx.ClerkNetworkException;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns a failed action into the inline message a component shows: Clerk's {@code long_message} with the field it
 * names ({@code meta.param_name}), a network failure named as such, a rate limit with the seconds to wait, a locked
 * account with the lockout time.
 */
public final class ErrorMessages {
  private ErrorMessages() {}

  /**
   * What to show for a failure.
   *
   * @param text the message, or the pattern with {@code {0}} for the seconds left when {@code countdown} is present
   * @param param the form field the message is about ({@code meta.param_name}), when Clerk named one
   * @param countdown how long until the user may try again (rate limit, lockout), when known
   * @param code Clerk's error code, or a local one such as {@code network_error}
   */
  public record Message(String text, Optional<String> param, Optional<Duration> countdown, String code) {
    /** The text for {@code secondsLeft} seconds left (the text itself when there is no countdown). */
    public String at(UiText words, long secondsLeft) {
      return countdown.isPresent() ? new MessageFormat(text, words.locale()).format(new Object[] {secondsLeft}) : text;
    }
  }

  /** Unwraps {@link CompletionException} and {@link ExecutionException} to the failure inside. */
  public static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /**
   * Describes a failure in the words of {@code common}.
   *
   * @param failure what the action failed with (wrapped or not)
   * @param common the {@code common} bundle
   * @return the message
   */
  public static Message describe(Throwable failure, UiText common) {
    Throwable t = unwrap(failure);
    if (t instanceof ClerkNetworkException) {
      return new Message(common.get("common.error.network"), Optional.empty(), Optional.empty(), "network_error");
    }
    if (t instanceof ClerkApiException api) {
      Optional<ClerkError> first = api.error();
      if (api.status() == 429) {
        Duration wait = api.retryAfter().orElse(Duration.ofSeconds(10));
        return new Message(common.get("common.error.rateLimited"), Optional.empty(), Optional.of(wait), api.code());
      }
      Optional<Long> lockout = first.flatMap(ClerkError::lockoutExpiresInSeconds);
      if ("user_locked".equals(api.code()) && lockout.isPresent()) {
        return new Message(common.get("common.error.locked"), Optional.empty(),
            Optional.of(Duration.ofSeconds(lockout.get())), api.code());
      }
      String text = first.map(ClerkError::displayMessage).filter(s -> !s.isBlank())
          .orElse(common.get("common.error.unknown"));
      return new Message(text, first.flatMap(ClerkError::paramName), Optional.empty(), api.code());
    }
    if (t instanceof ClerkException ce) {
      return new Message(common.get("common.error.unknown"), Optional.empty(), Optional.empty(), ce.code());
    }
    return new Message(common.get("common.error.unknown"), Optional.empty(), Optional.empty(), "unknown");
  }
}
