package dev.clerkfx.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An invitation for the signed-in user to join an organization ({@code
 * /v1/me/organization_invitations}).
 *
 * @param id the invitation id ({@code orginv_…})
 * @param emailAddress the invited address
 * @param role the role the user gets on accepting ({@code org:member}…)
 * @param roleName the role's display name
 * @param status {@code pending}, {@code accepted}, {@code revoked} or {@code expired}
 * @param publicOrganizationData the organization
 * @param publicMetadata metadata set by the inviter
 * @param expiresAt when the invitation expires
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record OrganizationInvitation(
    String id,
    String emailAddress,
    String role,
    Optional<String> roleName,
    String status,
    Optional<PublicOrganizationData> publicOrganizationData,
    Map<String, Object> publicMetadata,
    Optional<Instant> expiresAt,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** Rejects a missing id; normalises nulls. */
  public OrganizationInvitation {
    id = Models.id(id, "organization_invitation");
    emailAddress = emailAddress == null ? "" : emailAddress;
    role = role == null ? "" : role;
    roleName = Models.opt(roleName);
    status = status == null ? "" : status;
    publicOrganizationData = Models.opt(publicOrganizationData);
    publicMetadata = Models.metadata(publicMetadata);
    expiresAt = Models.opt(expiresAt);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }
}
