package dev.clerkfx.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One of the signed-in user's sessions on any device ({@code GET /v1/me/sessions/active}), with its
 * latest activity, for a "devices" list.
 *
 * @param id the session id ({@code sess_…})
 * @param status the status
 * @param lastActiveAt last activity
 * @param expireAt when the session expires
 * @param abandonAt when it is abandoned if inactive
 * @param latestActivity device, browser or app, and location of the last use
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record ActiveSession(
    String id,
    SessionStatus status,
    Optional<Instant> lastActiveAt,
    Optional<Instant> expireAt,
    Optional<Instant> abandonAt,
    Optional<SessionActivity> latestActivity,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** Rejects a missing id; normalises nulls. */
  public ActiveSession {
    id = Models.id(id, "session");
    status = Models.status(status, SessionStatus.UNKNOWN);
    lastActiveAt = Models.opt(lastActiveAt);
    expireAt = Models.opt(expireAt);
    abandonAt = Models.opt(abandonAt);
    latestActivity = Models.opt(latestActivity);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }
}
