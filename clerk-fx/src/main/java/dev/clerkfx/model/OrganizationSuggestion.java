package dev.clerkfx.model;

import java.time.Instant;
import java.util.Optional;

/**
 * An organization the signed-in user may join because of their verified email domain ({@code
 * /v1/me/organization_suggestions}).
 *
 * @param id the suggestion id ({@code orgsug_…})
 * @param status {@code pending} or {@code accepted}
 * @param publicOrganizationData the organization
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record OrganizationSuggestion(
    String id,
    String status,
    Optional<PublicOrganizationData> publicOrganizationData,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** Rejects a missing id; normalises nulls. */
  public OrganizationSuggestion {
    id = Models.id(id, "organization_suggestion");
    status = status == null ? "" : status;
    publicOrganizationData = Models.opt(publicOrganizationData);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }
}
