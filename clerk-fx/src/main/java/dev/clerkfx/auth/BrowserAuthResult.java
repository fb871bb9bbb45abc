package dev.clerkfx.auth;

import dev.clerkfx.model.SignIn;
import dev.clerkfx.model.SignInStatus;
import dev.clerkfx.model.SignUp;
import dev.clerkfx.model.SignUpStatus;
import java.util.Optional;

/**
 * How a browser sign-in or sign-up ended: the final sign-in or sign-up (an OAuth sign-in for an
 * unknown account is transferred to a sign-up, and a sign-up for an existing account to a sign-in,
 * as Clerk's SDKs do), or, for Clerk's hosted pages, only the created session. When {@link
 * #complete()} is true the session is already current.
 *
 * @param signIn the final sign-in, when the flow ended as one
 * @param signUp the final sign-up, when the flow ended as one
 * @param createdSessionId the new session, when the flow completed
 */
public record BrowserAuthResult(
    Optional<SignIn> signIn, Optional<SignUp> signUp, Optional<String> createdSessionId) {

  /** Normalises nulls. */
  public BrowserAuthResult {
    signIn = signIn == null ? Optional.empty() : signIn;
    signUp = signUp == null ? Optional.empty() : signUp;
    createdSessionId = createdSessionId == null ? Optional.empty() : createdSessionId;
  }

  /**
   * Returns the result of a flow that ended as a sign-in.
   *
   * @param signIn the sign-in
   * @return the result
   */
  public static BrowserAuthResult of(SignIn signIn) {
    return new BrowserAuthResult(Optional.of(signIn), Optional.empty(), signIn.createdSessionId());
  }

  /**
   * Returns the result of a flow that ended as a sign-up.
   *
   * @param signUp the sign-up
   * @return the result
   */
  public static BrowserAuthResult of(SignUp signUp) {
    return new BrowserAuthResult(Optional.empty(), Optional.of(signUp), signUp.createdSessionId());
  }

  /**
   * Returns the result of a hosted-pages flow.
   *
   * @param sessionId the created session
   * @return the result
   */
  public static BrowserAuthResult ofSession(String sessionId) {
    return new BrowserAuthResult(Optional.empty(), Optional.empty(), Optional.of(sessionId));
  }

  /**
   * Tells whether the flow signed the user in (a sign-in that needs a second factor is not complete
   * yet: continue with {@code clerk.signIn().attemptSecondFactor}).
   *
   * @return true when a session was created
   */
  public boolean complete() {
    if (signIn.isPresent()) return signIn.get().status() == SignInStatus.COMPLETE;
    if (signUp.isPresent()) return signUp.get().status() == SignUpStatus.COMPLETE;
    return createdSessionId.isPresent();
  }
}
