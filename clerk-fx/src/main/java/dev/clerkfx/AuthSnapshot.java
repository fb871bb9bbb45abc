package dev.clerkfx;

import dev.clerkfx.model.Actor;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.OrganizationMembership;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.SessionClaims;
import dev.clerkfx.model.SessionStatus;
import dev.clerkfx.model.SessionTask;
import dev.clerkfx.model.User;
import java.util.List;
import java.util.Optional;

/**
 * One consistent picture of the auth state: everything {@code useAuth()} and {@code useUser()}
 * show, taken at one moment. Snapshots are immutable; the SDK publishes a new one whenever anything
 * changes.
 *
 * <p>Signed in means: the client's current session ({@code last_active_session_id}) has status
 * {@code active} and carries its user. A {@code pending} session (tasks such as MFA setup remain)
 * is visible in {@link #session()} but not signed in, because Clerk mints no tokens for it.
 *
 * @param loaded true once the client is known, from the network or from the persisted snapshot
 * @param client the client (this app install as Clerk knows it), empty before loading or when none
 *     exists yet
 * @param session the current session, any status
 * @param user the signed-in user (present exactly when {@link #signedIn()})
 * @param organization the membership of the session's active organization, if any
 * @param sessionClaims the claims of the newest session token, if one was fetched or seeded
 */
public record AuthSnapshot(
    boolean loaded,
    Optional<Client> client,
    Optional<Session> session,
    Optional<User> user,
    Optional<OrganizationMembership> organization,
    Optional<SessionClaims> sessionClaims) {

  private static final AuthSnapshot INITIAL =
      new AuthSnapshot(
          false,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  /** Normalises nulls to empty; drops the user and organization unless the session is signed in. */
  public AuthSnapshot {
    client = client == null ? Optional.empty() : client;
    session = session == null ? Optional.empty() : session;
    user = user == null ? Optional.empty() : user;
    organization = organization == null ? Optional.empty() : organization;
    sessionClaims = sessionClaims == null ? Optional.empty() : sessionClaims;
    boolean active =
        session.isPresent() && session.get().status() == SessionStatus.ACTIVE && user.isPresent();
    if (!active) {
      user = Optional.empty();
      organization = Optional.empty();
    }
  }

  /** Returns the state before anything is known: not loaded, signed out. */
  public static AuthSnapshot initial() {
    return INITIAL;
  }

  /**
   * Derives the snapshot of a client: its current session, that session's user and active
   * organization.
   *
   * @param client the client, or null when none exists
   * @param claims the newest session-token claims, or null
   * @return the snapshot, loaded
   */
  public static AuthSnapshot of(Client client, SessionClaims claims) {
    if (client == null) {
      return new AuthSnapshot(
          true,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
    Optional<Session> session = client.currentSession();
    Optional<User> user = session.flatMap(Session::user);
    Optional<OrganizationMembership> org =
        session
            .flatMap(Session::lastActiveOrganizationId)
            .filter(id -> !id.isEmpty())
            .flatMap(id -> user.flatMap(u -> u.membership(id)));
    Optional<SessionClaims> c =
        Optional.ofNullable(claims)
            .filter(
                x ->
                    session.isPresent()
                        && x.sessionId().map(session.get().id()::equals).orElse(false));
    return new AuthSnapshot(true, Optional.of(client), session, user, org, c);
  }

  /**
   * True when a user is signed in: the current session is {@code active} and carries its user. This
   * is the one meaning of "signed in" across clerk-fx ({@code signedInProperty()}, {@code
   * AuthEvent.SignedIn}); a {@code pending} session is not signed in yet.
   */
  public boolean signedIn() {
    return user.isPresent();
  }

  /** Returns the signed-in user's id. */
  public Optional<String> userId() {
    return user.map(User::id);
  }

  /** Returns the current session's id while signed in. */
  public Optional<String> sessionId() {
    return signedIn() ? session.map(Session::id) : Optional.empty();
  }

  /** Returns the active organization's id (empty for the personal account). */
  public Optional<String> organizationId() {
    if (!signedIn()) return Optional.empty();
    return session.flatMap(Session::lastActiveOrganizationId).filter(id -> !id.isEmpty());
  }

  /**
   * Returns the role in the active organization, such as {@code org:admin}, from the membership or
   * the token.
   */
  public Optional<String> organizationRole() {
    Optional<String> role =
        organization.map(OrganizationMembership::role).filter(r -> !r.isEmpty());
    return role.isPresent()
        ? role
        : activeOrgClaims().flatMap(SessionClaims.OrganizationClaims::role);
  }

  /** Returns the active organization's slug, from the membership or the token. */
  public Optional<String> organizationSlug() {
    Optional<String> slug = organization.flatMap(m -> m.organization().slug());
    return slug.isPresent()
        ? slug
        : activeOrgClaims().flatMap(SessionClaims.OrganizationClaims::slug);
  }

  private Optional<SessionClaims.OrganizationClaims> activeOrgClaims() {
    Optional<String> id = organizationId();
    if (id.isEmpty()) return Optional.empty();
    return sessionClaims.flatMap(SessionClaims::organization).filter(o -> o.id().equals(id.get()));
  }

  /** Returns the impersonating actor, when an admin is signed in as this user. */
  public Optional<Actor> actor() {
    return signedIn() ? session.flatMap(Session::actor) : Optional.empty();
  }

  /**
   * Returns the client's active sessions (signed in and able to get tokens), for an account
   * switcher.
   */
  public List<Session> activeSessions() {
    return client
        .map(c -> c.sessions().stream().filter(x -> x.status() == SessionStatus.ACTIVE).toList())
        .orElse(List.of());
  }

  /**
   * Returns the task the current session must finish first when it is {@code pending} (such as
   * {@code setup-mfa} or {@code choose-organization}); empty otherwise.
   */
  public Optional<SessionTask> pendingTask() {
    return session
        .filter(x -> x.status() == SessionStatus.PENDING)
        .flatMap(x -> x.currentTask().or(() -> x.tasks().stream().findFirst()));
  }

  /** Returns the signed-in user's organization memberships (empty while signed out). */
  public List<OrganizationMembership> organizationMemberships() {
    return user.map(User::organizationMemberships).orElse(List.of());
  }

  /** Returns the client's sessions still alive (status {@code active} or {@code pending}). */
  public List<Session> activeOrPendingSessions() {
    return client.map(Client::activeOrPendingSessions).orElse(List.of());
  }

  /**
   * Tells whether the user has a role or a permission in the active organization.
   *
   * <p>Checks the role ({@code org:admin}) and the permission keys ({@code org:invoices:create}) of
   * the membership and of the newest token's organization claims. False when signed out or in the
   * personal account.
   *
   * @param roleOrPermission a role key or permission key
   * @return true when granted
   */
  public boolean has(String roleOrPermission) {
    if (roleOrPermission == null || roleOrPermission.isBlank()) return false;
    if (organization.isPresent()) {
      OrganizationMembership m = organization.get();
      if (roleOrPermission.equals(m.role()) || m.hasPermission(roleOrPermission)) return true;
    }
    return activeOrgClaims()
        .map(
            o ->
                o.role().map(roleOrPermission::equals).orElse(false)
                    || o.permissions().contains(roleOrPermission))
        .orElse(false);
  }
}
