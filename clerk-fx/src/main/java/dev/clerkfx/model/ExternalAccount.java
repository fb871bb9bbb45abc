package dev.clerkfx.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An OAuth account (Google, GitHub…) connected to a user.
 *
 * @param id the external account id
 * @param provider the provider, such as {@code google} or {@code oauth_google}
 * @param identificationId the identification id of this account
 * @param providerUserId the user's id at the provider
 * @param approvedScopes the scopes granted, space-separated
 * @param emailAddress the email address the provider reported
 * @param firstName first name at the provider
 * @param lastName last name at the provider
 * @param imageUrl avatar URL
 * @param username username at the provider
 * @param phoneNumber phone number at the provider
 * @param label a label, for custom providers
 * @param publicMetadata metadata from the provider
 * @param verification the connection's verification state
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record ExternalAccount(
    String id,
    Optional<String> provider,
    Optional<String> identificationId,
    Optional<String> providerUserId,
    Optional<String> approvedScopes,
    Optional<String> emailAddress,
    Optional<String> firstName,
    Optional<String> lastName,
    Optional<String> imageUrl,
    Optional<String> username,
    Optional<String> phoneNumber,
    Optional<String> label,
    Map<String, Object> publicMetadata,
    Optional<Verification> verification,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** Rejects a missing id; normalises nulls. */
  public ExternalAccount {
    id = Models.id(id, "external_account");
    provider = Models.opt(provider);
    identificationId = Models.opt(identificationId);
    providerUserId = Models.opt(providerUserId);
    approvedScopes = Models.opt(approvedScopes);
    emailAddress = Models.opt(emailAddress);
    firstName = Models.opt(firstName);
    lastName = Models.opt(lastName);
    imageUrl = Models.opt(imageUrl);
    username = Models.opt(username);
    phoneNumber = Models.opt(phoneNumber);
    label = Models.opt(label);
    publicMetadata = Models.metadata(publicMetadata);
    verification = Models.opt(verification);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }
}
