package dev.clerkfx.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A session: one signed-in user on this client.
 *
 * @param id the session id ({@code sess_…})
 * @param status the status ({@link SessionStatus#UNKNOWN} when new or absent)
 * @param expireAt when the session expires
 * @param abandonAt when it is abandoned if inactive
 * @param lastActiveAt last activity
 * @param lastActiveToken the newest session token Clerk issued for it (seeds the token cache)
 * @param lastActiveOrganizationId the active organization, empty for the personal account
 * @param actor the impersonating actor, if any
 * @param user the signed-in user
 * @param publicUserData the user's public data
 * @param factorVerificationAge minutes since the first and second factor were verified ({@code -1}
 *     = never)
 * @param tasks tasks left for a pending session
 * @param currentTask the task to do next
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record Session(
    String id,
    SessionStatus status,
    Optional<Instant> expireAt,
    Optional<Instant> abandonAt,
    Optional<Instant> lastActiveAt,
    Optional<Token> lastActiveToken,
    Optional<String> lastActiveOrganizationId,
    Optional<Actor> actor,
    Optional<User> user,
    Optional<PublicUserData> publicUserData,
    List<Integer> factorVerificationAge,
    List<SessionTask> tasks,
    Optional<SessionTask> currentTask,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** Rejects a missing id; normalises nulls. */
  public Session {
    id = Models.id(id, "session");
    status = Models.status(status, SessionStatus.UNKNOWN);
    expireAt = Models.opt(expireAt);
    abandonAt = Models.opt(abandonAt);
    lastActiveAt = Models.opt(lastActiveAt);
    lastActiveToken = Models.opt(lastActiveToken);
    lastActiveOrganizationId = Models.opt(lastActiveOrganizationId);
    actor = Models.opt(actor);
    user = Models.opt(user);
    publicUserData = Models.opt(publicUserData);
    factorVerificationAge = Models.list(factorVerificationAge);
    tasks = Models.list(tasks);
    currentTask = Models.opt(currentTask);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }

  /**
   * Tells whether the session is still alive: status {@code active}, or {@code pending} (tasks such
   * as choosing an organization remain). Only an active session means "signed in" ({@link
   * dev.clerkfx.AuthSnapshot#signedIn()}).
   */
  public boolean isActiveOrPending() {
    return status == SessionStatus.ACTIVE || status == SessionStatus.PENDING;
  }
}
