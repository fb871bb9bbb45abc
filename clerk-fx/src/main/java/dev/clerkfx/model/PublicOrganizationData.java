package dev.clerkfx.model;

import java.util.Optional;

/**
 * What a user may see of an organization they are not (yet) a member of: in an invitation or a
 * suggestion.
 *
 * @param id the organization id ({@code org_…})
 * @param name the name
 * @param slug the slug
 * @param imageUrl the logo URL
 * @param hasImage whether a logo was uploaded
 */
public record PublicOrganizationData(
    String id,
    Optional<String> name,
    Optional<String> slug,
    Optional<String> imageUrl,
    boolean hasImage) {

  /** Normalises nulls. */
  public PublicOrganizationData {
    id = id == null ? "" : id;
    name = Models.opt(name);
    slug = Models.opt(slug);
    imageUrl = Models.opt(imageUrl);
  }
}
