package dev.clerkfx.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The client: this app install as Clerk knows it, with its sessions and any sign-in or sign-up in
 * progress.
 *
 * @param id the client id ({@code client_…})
 * @param sessions all sessions on this client, any status
 * @param signIn the sign-in attempt in progress
 * @param signUp the sign-up attempt in progress
 * @param lastActiveSessionId the current session's id
 * @param lastAuthenticationStrategy the strategy last used to sign in
 * @param cookieExpiresAt when the client expires
 * @param captchaBypass whether captcha is bypassed for this client
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record Client(
    String id,
    List<Session> sessions,
    Optional<SignIn> signIn,
    Optional<SignUp> signUp,
    Optional<String> lastActiveSessionId,
    Optional<String> lastAuthenticationStrategy,
    Optional<Instant> cookieExpiresAt,
    boolean captchaBypass,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** Rejects a missing id; normalises nulls. */
  public Client {
    id = Models.id(id, "client");
    sessions = Models.list(sessions);
    signIn = Models.opt(signIn);
    signUp = Models.opt(signUp);
    lastActiveSessionId = Models.opt(lastActiveSessionId);
    lastAuthenticationStrategy = Models.opt(lastAuthenticationStrategy);
    cookieExpiresAt = Models.opt(cookieExpiresAt);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }

  /** Returns the session whose id is {@link #lastActiveSessionId()}, whatever its status. */
  public Optional<Session> currentSession() {
    return lastActiveSessionId.flatMap(this::session);
  }

  /**
   * Returns the session with an id.
   *
   * @param sessionId a session id
   * @return the session, or empty
   */
  public Optional<Session> session(String sessionId) {
    return sessions.stream().filter(s -> s.id().equals(sessionId)).findFirst();
  }

  /**
   * Returns the sessions still alive (status {@code active} or {@code pending}), in client order.
   */
  public List<Session> activeOrPendingSessions() {
    return sessions.stream().filter(Session::isActiveOrPending).toList();
  }
}
