package dev.clerkfx.sample;

import dev.clerkfx.AuthEvent;
import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import dev.clerkfx.SignOutReason;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The sample's user-facing wording: errors, SDK events and sign-out reasons turned into one line of
 * text.
 */
final class UiText {
  private UiText() {}

  /**
   * Describes a failure for an inline error label: Clerk's own message for an API error ({@link
   * ClerkError#displayMessage()}), else the exception's message.
   *
   * @param failure the failure, possibly wrapped by a {@code CompletableFuture}
   * @return one line to show
   */
  static String describe(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof ClerkApiException api) {
      return api.error()
          .map(ClerkError::displayMessage)
          .filter(m -> !m.isBlank())
          .orElse(api.getMessage());
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }

  /**
   * Returns the event-log line for a sign-out.
   *
   * @param reason why the user was signed out
   * @return such as "Signed out: session revoked"
   */
  static String signedOut(SignOutReason reason) {
    return switch (reason) {
      case USER_ACTION -> "Signed out";
      case REVOKED -> "Signed out: session revoked";
      case EXPIRED -> "Signed out: session expired";
      case SIGNED_OUT_ELSEWHERE -> "Signed out: signed out elsewhere";
      case ACCOUNT_DELETED -> "Signed out: account deleted";
    };
  }

  /**
   * Describes an SDK event for the event log (never the token itself).
   *
   * @param event the event
   * @return such as "Signed in as Ada Lovelace (sess_…)" or "Signed out: session revoked"
   */
  static String describe(AuthEvent event) {
    if (event instanceof AuthEvent.SignedIn in) {
      return "Signed in as "
          + in.user().fullName().orElse(in.user().id())
          + " ("
          + in.session().id()
          + ")";
    } else if (event instanceof AuthEvent.SignedOut out) {
      return signedOut(out.reason());
    } else if (event instanceof AuthEvent.SessionChanged changed) {
      return "Session changed: " + changed.previousSessionId() + " → " + changed.session().id();
    } else if (event instanceof AuthEvent.UserUpdated updated) {
      return "User updated: " + updated.user().fullName().orElse(updated.user().id());
    } else if (event instanceof AuthEvent.TokenRefreshed) {
      return "Token refreshed";
    }
    return event.getClass().getSimpleName();
  }

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
