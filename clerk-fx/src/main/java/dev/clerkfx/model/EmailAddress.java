package dev.clerkfx.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One of a user's email addresses.
 *
 * @param id the identification id ({@code idn_…})
 * @param emailAddress the address
 * @param reserved whether the address is reserved (not usable yet)
 * @param verification its verification state
 * @param linkedTo identifications it is linked to (such as the OAuth account it came from)
 * @param matchesSsoConnection whether it matches an enterprise SSO connection
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record EmailAddress(
    String id,
    String emailAddress,
    boolean reserved,
    Optional<Verification> verification,
    List<IdentificationLink> linkedTo,
    boolean matchesSsoConnection,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** Rejects a missing id; normalises nulls. */
  public EmailAddress {
    id = Models.id(id, "email_address");
    emailAddress = emailAddress == null ? "" : emailAddress;
    verification = Models.opt(verification);
    linkedTo = Models.list(linkedTo);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }

  /** Tells whether the address is verified. */
  public boolean verified() {
    return verification.map(Verification::verified).orElse(false);
  }
}
