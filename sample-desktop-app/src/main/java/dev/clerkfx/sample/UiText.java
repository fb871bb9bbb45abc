package dev.clerkfx.sample;

import dev.clerkfx.AuthEvent;
import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import dev.clerkfx.ClerkException;
import dev.clerkfx.ClerkNetworkException;
import dev.clerkfx.ClerkResponseException;
import dev.clerkfx.SignOutReason;
import java.time.Duration;
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
   * Describes why Clerk could not be loaded, in plain words naming the host.
   *
   * @param host the Frontend API host, such as {@code clerk.example.com}
   * @param failure the typed error of the failed load, possibly wrapped
   * @return such as "Can't reach Clerk at clerk.example.com: connection refused"
   */
  static String loadProblem(String host, Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof ClerkNetworkException network) {
      String why =
          switch (network.kind()) {
            case DNS -> "the host name does not resolve (offline, or a wrong host)";
            case CONNECT -> "connection refused";
            case TIMEOUT -> "the connection timed out";
            case CONNECTION_RESET -> "the connection was dropped";
            case TLS -> "the secure (TLS) connection failed";
            case OTHER -> "a network error";
          };
      return "Can't reach Clerk at " + host + ": " + why;
    }
    if (t instanceof ClerkResponseException) {
      return "Can't reach Clerk at " + host + ": the server there does not answer like Clerk";
    }
    if (t instanceof ClerkApiException api) {
      return "Clerk at " + host + " refused to load (HTTP " + api.status() + "): " + describe(api);
    }
    String code = t instanceof ClerkException clerk ? " (" + clerk.code() + ")" : "";
    return "Can't load Clerk from " + host + ": " + describe(t) + code;
  }

  /**
   * Returns the countdown line of an automatic retry.
   *
   * @param left time until the retry (zero or negative once due)
   * @return such as "Retrying automatically in 8 s" or "Retrying…"
   */
  static String retryingIn(Duration left) {
    long seconds = (left.toMillis() + 999) / 1000;
    return seconds <= 0 ? "Retrying…" : "Retrying automatically in " + seconds + " s";
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
