package dev.clerkfx;

import dev.clerkfx.model.Session;
import dev.clerkfx.model.Token;
import dev.clerkfx.model.User;
import java.util.Objects;

/**
 * Something that happened to the auth state, published on {@code ClerkClient.events()}.
 *
 * <pre>{@code
 * client.events().ofType(AuthEvent.SignedOut.class)
 *     .subscribe(e -> log.info("signed out: " + e.reason()));
 * }</pre>
 */
public sealed interface AuthEvent {

  /**
   * A user became signed in (sign-in, sign-up, or a session restored on start).
   *
   * @param session the new current session
   * @param user its user
   */
  record SignedIn(Session session, User user) implements AuthEvent {
    /** Rejects nulls. */
    public SignedIn {
      Objects.requireNonNull(session, "session");
      Objects.requireNonNull(user, "user");
    }
  }

  /**
   * The user is no longer signed in; local state and stored session data are gone.
   *
   * @param reason why
   */
  record SignedOut(SignOutReason reason) implements AuthEvent {
    /** Rejects a null reason. */
    public SignedOut {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Still signed in, but the current session or its active organization changed ({@code
   * setActive}).
   *
   * @param previousSessionId the session before the change
   * @param session the current session now
   */
  record SessionChanged(String previousSessionId, Session session) implements AuthEvent {
    /** Rejects nulls. */
    public SessionChanged {
      Objects.requireNonNull(previousSessionId, "previousSessionId");
      Objects.requireNonNull(session, "session");
    }
  }

  /**
   * The signed-in user's data changed (profile update, reload, or a change made elsewhere).
   *
   * @param user the user as it is now
   */
  record UserUpdated(User user) implements AuthEvent {
    /** Rejects a null user. */
    public UserUpdated {
      Objects.requireNonNull(user, "user");
    }
  }

  /**
   * A new session token for the current session and organization replaced the cached one.
   *
   * @param token the new token ({@code toString()} redacts it)
   */
  record TokenRefreshed(Token token) implements AuthEvent {
    /** Rejects a null token. */
    public TokenRefreshed {
      Objects.requireNonNull(token, "token");
    }
  }
}
