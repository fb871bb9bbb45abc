package dev.clerkfx.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Clerk user as the signed-in client sees it ({@code /v1/me}, {@code session.user}).
 *
 * @param id the user id ({@code user_…})
 * @param username username
 * @param firstName first name
 * @param lastName last name
 * @param imageUrl profile image URL
 * @param hasImage whether the user uploaded an image
 * @param primaryEmailAddressId id of the primary email address
 * @param primaryPhoneNumberId id of the primary phone number
 * @param primaryWeb3WalletId id of the primary web3 wallet
 * @param passwordEnabled whether the user has a password
 * @param twoFactorEnabled whether any second factor is enabled
 * @param totpEnabled whether an authenticator app is enabled
 * @param backupCodeEnabled whether backup codes are enabled
 * @param emailAddresses all email addresses
 * @param phoneNumbers all phone numbers
 * @param externalAccounts connected OAuth accounts
 * @param organizationMemberships organization memberships
 * @param publicMetadata metadata readable by the client, written by the backend (deeply
 *     unmodifiable)
 * @param unsafeMetadata metadata the client may write (deeply unmodifiable)
 * @param externalId the app's own id for the user
 * @param lastSignInAt last sign-in
 * @param banned whether the user is banned
 * @param locked whether the user is locked out
 * @param lockoutExpiresInSeconds seconds until a lockout ends
 * @param verificationAttemptsRemaining verification attempts left before a lockout
 * @param deleteSelfEnabled whether the user may delete their own account
 * @param createOrganizationEnabled whether the user may create organizations
 * @param createOrganizationsLimit how many organizations the user may create
 * @param passwordLastUpdatedAt when the password last changed
 * @param lastActiveAt last activity
 * @param mfaEnabledAt when MFA was enabled
 * @param mfaDisabledAt when MFA was disabled
 * @param legalAcceptedAt when the legal terms were accepted
 * @param locale the user's locale
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record User(
    String id,
    Optional<String> username,
    Optional<String> firstName,
    Optional<String> lastName,
    Optional<String> imageUrl,
    boolean hasImage,
    Optional<String> primaryEmailAddressId,
    Optional<String> primaryPhoneNumberId,
    Optional<String> primaryWeb3WalletId,
    boolean passwordEnabled,
    boolean twoFactorEnabled,
    boolean totpEnabled,
    boolean backupCodeEnabled,
    List<EmailAddress> emailAddresses,
    List<PhoneNumber> phoneNumbers,
    List<ExternalAccount> externalAccounts,
    List<OrganizationMembership> organizationMemberships,
    Map<String, Object> publicMetadata,
    Map<String, Object> unsafeMetadata,
    Optional<String> externalId,
    Optional<Instant> lastSignInAt,
    boolean banned,
    boolean locked,
    Optional<Long> lockoutExpiresInSeconds,
    Optional<Integer> verificationAttemptsRemaining,
    boolean deleteSelfEnabled,
    boolean createOrganizationEnabled,
    Optional<Integer> createOrganizationsLimit,
    Optional<Instant> passwordLastUpdatedAt,
    Optional<Instant> lastActiveAt,
    Optional<Instant> mfaEnabledAt,
    Optional<Instant> mfaDisabledAt,
    Optional<Instant> legalAcceptedAt,
    Optional<String> locale,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** Rejects a missing id; normalises nulls. */
  public User {
    id = Models.id(id, "user");
    username = Models.opt(username);
    firstName = Models.opt(firstName);
    lastName = Models.opt(lastName);
    imageUrl = Models.opt(imageUrl);
    primaryEmailAddressId = Models.opt(primaryEmailAddressId);
    primaryPhoneNumberId = Models.opt(primaryPhoneNumberId);
    primaryWeb3WalletId = Models.opt(primaryWeb3WalletId);
    emailAddresses = Models.list(emailAddresses);
    phoneNumbers = Models.list(phoneNumbers);
    externalAccounts = Models.list(externalAccounts);
    organizationMemberships = Models.list(organizationMemberships);
    publicMetadata = Models.metadata(publicMetadata);
    unsafeMetadata = Models.metadata(unsafeMetadata);
    externalId = Models.opt(externalId);
    lastSignInAt = Models.opt(lastSignInAt);
    lockoutExpiresInSeconds = Models.opt(lockoutExpiresInSeconds);
    verificationAttemptsRemaining = Models.opt(verificationAttemptsRemaining);
    createOrganizationsLimit = Models.opt(createOrganizationsLimit);
    passwordLastUpdatedAt = Models.opt(passwordLastUpdatedAt);
    lastActiveAt = Models.opt(lastActiveAt);
    mfaEnabledAt = Models.opt(mfaEnabledAt);
    mfaDisabledAt = Models.opt(mfaDisabledAt);
    legalAcceptedAt = Models.opt(legalAcceptedAt);
    locale = Models.opt(locale);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }

  /**
   * Returns first and last name joined by a space, whichever are present and non-blank.
   *
   * @return the full name, or empty when the user has neither
   */
  public Optional<String> fullName() {
    String first = firstName.map(String::strip).orElse("");
    String last = lastName.map(String::strip).orElse("");
    String full = (first + " " + last).strip();
    return full.isEmpty() ? Optional.empty() : Optional.of(full);
  }

  /** Returns the email address whose id is {@link #primaryEmailAddressId()}. */
  public Optional<EmailAddress> primaryEmailAddress() {
    return primaryEmailAddressId.flatMap(
        pid -> emailAddresses.stream().filter(e -> e.id().equals(pid)).findFirst());
  }

  /** Returns the phone number whose id is {@link #primaryPhoneNumberId()}. */
  public Optional<PhoneNumber> primaryPhoneNumber() {
    return primaryPhoneNumberId.flatMap(
        pid -> phoneNumbers.stream().filter(p -> p.id().equals(pid)).findFirst());
  }

  /**
   * Returns the membership of an organization.
   *
   * @param organizationId an organization id ({@code org_…})
   * @return the membership, or empty when the user is not a member
   */
  public Optional<OrganizationMembership> membership(String organizationId) {
    return organizationMemberships.stream()
        .filter(m -> m.organization().id().equals(organizationId))
        .findFirst();
  }
}
