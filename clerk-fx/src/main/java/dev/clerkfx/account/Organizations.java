package dev.clerkfx.account;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.model.Organization;
import dev.clerkfx.model.OrganizationInvitation;
import dev.clerkfx.model.OrganizationMembership;
import dev.clerkfx.model.OrganizationSuggestion;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The signed-in user's organizations, from {@code ClerkClient.organizations()}: memberships,
 * switching, creating, leaving, and pending invitations and suggestions.
 *
 * <p>Verbs are safe from any thread, never block, and complete on a clerk-fx background thread once
 * the auth state has followed: the user's memberships ({@code User.organizationMemberships()}), the
 * active organization and {@code ClerkClient.has(roleOrPermission)} are right after every change (a
 * fresh session token is fetched when the active organization's membership changed). With no one
 * signed in they fail with {@code not_signed_in}.
 *
 * <pre>{@code
 * Organizations orgs = clerk.organizations();
 * Organization acme = orgs.create("Acme", null).join();   // the user becomes org:admin
 * orgs.setActive(acme.id()).join();
 * assert clerk.has("org:admin");
 * }</pre>
 */
public interface Organizations {
  /**
   * Returns the user's memberships from the current state (no request).
   *
   * @return the memberships, empty while signed out
   */
  List<OrganizationMembership> memberships();

  /**
   * Fetches the memberships ({@code GET /v1/me/organization_memberships}) and refreshes the user so
   * the state holds them.
   *
   * @return the memberships
   */
  CompletableFuture<List<OrganizationMembership>> fetchMemberships();

  /**
   * Makes an organization active in the current session, or the personal account with null; this
   * also resolves a pending session's {@code choose-organization} task.
   *
   * @param organizationId an organization id, or null for the personal account
   * @return the state after the switch
   */
  CompletableFuture<AuthSnapshot> setActive(String organizationId);

  /**
   * Creates an organization with the user as its admin ({@code POST /v1/organizations}); it does
   * not become active.
   *
   * @param name the name
   * @param slug the slug, or null to let Clerk derive one
   * @return the organization; fails with {@code organization_not_enabled_in_instance} or {@code
   *     form_identifier_exists} (slug taken)
   */
  CompletableFuture<Organization> create(String name, String slug);

  /**
   * Leaves an organization ({@code DELETE /v1/me/organization_memberships/{id}}). When it was
   * active the session falls back to the personal account.
   *
   * @param organizationId the organization's id
   * @return completes when the state no longer holds the membership
   */
  CompletableFuture<Void> leave(String organizationId);

  /**
   * Lists the user's pending invitations ({@code GET
   * /v1/me/organization_invitations?status=pending}).
   *
   * @return the invitations
   */
  CompletableFuture<List<OrganizationInvitation>> invitations();

  /**
   * Accepts an invitation ({@code POST /v1/me/organization_invitations/{id}/accept}); the
   * membership appears in the state.
   *
   * @param invitationId the invitation's id
   * @return the accepted invitation
   */
  CompletableFuture<OrganizationInvitation> acceptInvitation(String invitationId);

  /**
   * Lists the user's pending suggestions ({@code GET
   * /v1/me/organization_suggestions?status=pending}).
   *
   * @return the suggestions
   */
  CompletableFuture<List<OrganizationSuggestion>> suggestions();

  /**
   * Accepts a suggestion ({@code POST /v1/me/organization_suggestions/{id}/accept}): this asks to
   * join; the organization's admins let the user in.
   *
   * @param suggestionId the suggestion's id
   * @return the accepted suggestion
   */
  CompletableFuture<OrganizationSuggestion> acceptSuggestion(String suggestionId);
}
