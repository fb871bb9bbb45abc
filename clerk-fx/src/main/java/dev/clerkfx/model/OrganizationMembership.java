package dev.clerkfx.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's membership of one organization, with the role and permissions it grants.
 *
 * @param id the membership id
 * @param organization the organization
 * @param role the role key, such as {@code org:admin}
 * @param roleName the role's display name
 * @param permissions permission keys, such as {@code org:sys_memberships:manage}
 * @param publicMetadata public metadata of the membership
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record OrganizationMembership(
    String id,
    Organization organization,
    String role,
    Optional<String> roleName,
    List<String> permissions,
    Map<String, Object> publicMetadata,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** Rejects a missing id or organization; normalises nulls. */
  public OrganizationMembership {
    id = Models.id(id, "organization_membership");
    if (organization == null)
      throw new IllegalArgumentException("organization_membership has no organization");
    role = role == null ? "" : role;
    roleName = Models.opt(roleName);
    permissions = Models.list(permissions);
    publicMetadata = Models.metadata(publicMetadata);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }

  /**
   * Tells whether this membership grants a permission.
   *
   * @param permission a key such as {@code org:sys_memberships:manage}
   * @return true when granted
   */
  public boolean hasPermission(String permission) {
    return permissions.contains(permission);
  }
}
