package dev.clerkfx.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An organization as seen through a membership.
 *
 * @param id the organization id ({@code org_…})
 * @param name its name
 * @param slug its slug
 * @param imageUrl its logo URL
 * @param hasImage whether it has an uploaded logo
 * @param membersCount number of members, when sent
 * @param publicMetadata public metadata
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record Organization(
    String id,
    Optional<String> name,
    Optional<String> slug,
    Optional<String> imageUrl,
    boolean hasImage,
    Optional<Integer> membersCount,
    Map<String, Object> publicMetadata,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** Rejects a missing id; normalises nulls. */
  public Organization {
    id = Models.id(id, "organization");
    name = Models.opt(name);
    slug = Models.opt(slug);
    imageUrl = Models.opt(imageUrl);
    membersCount = Models.opt(membersCount);
    publicMetadata = Models.metadata(publicMetadata);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }
}
