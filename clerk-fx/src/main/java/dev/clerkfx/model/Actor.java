package dev.clerkfx.model;

import java.util.Optional;

/**
 * Who is acting on a user's behalf (impersonation): the session's {@code actor} and the token's
 * {@code act} claim.
 *
 * @param sub the acting user's id (such as an admin's {@code user_…})
 * @param type the actor type when given
 */
public record Actor(String sub, Optional<String> type) {

  /** Normalises nulls. */
  public Actor {
    sub = sub == null ? "" : sub;
    type = Models.opt(type);
  }
}
