package dev.clerkfx.sample.backend;

import java.util.List;
import java.util.Objects;

/**
 * Who a verified session token speaks for: the fields of Clerk's {@code getAuth(req)} for a
 * signed-in request.
 *
 * @param userId the user ({@code sub})
 * @param sessionId the session ({@code sid})
 * @param sessionStatus the session status the token states ({@code sts}; {@code active} here, since
 *     pending sessions are refused)
 * @param orgId the active organization, or null for the personal account
 * @param orgSlug its slug, or null
 * @param orgRole the user's role in it ({@code org:admin} …), or null
 * @param orgPermissions the role's permissions; empty without an organization
 */
public record Auth(
    String userId,
    String sessionId,
    String sessionStatus,
    String orgId,
    String orgSlug,
    String orgRole,
    List<String> orgPermissions) {
  /** Checks the ids and copies the permissions. */
  public Auth {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(sessionId, "sessionId");
    orgPermissions = orgPermissions == null ? List.of() : List.copyOf(orgPermissions);
  }
}
