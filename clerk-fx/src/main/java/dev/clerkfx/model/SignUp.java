package dev.clerkfx.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sign-up attempt ({@code sign_up_attempt}).
 *
 * @param id the attempt id ({@code sua_…})
 * @param status where the attempt stands
 * @param requiredFields fields the instance requires
 * @param optionalFields fields the instance accepts
 * @param missingFields required fields not given yet
 * @param unverifiedFields given fields not verified yet
 * @param verifications the verification state per field
 * @param username username given
 * @param emailAddress email address given
 * @param phoneNumber phone number given
 * @param firstName first name given
 * @param lastName last name given
 * @param passwordEnabled whether a password was given
 * @param unsafeMetadata metadata given (deeply unmodifiable)
 * @param createdSessionId the session created when {@link SignUpStatus#COMPLETE}
 * @param createdUserId the user created when complete
 * @param abandonAt when the attempt is abandoned
 * @param legalAcceptedAt when the legal terms were accepted
 * @param locale the locale sent
 */
public record SignUp(
    String id,
    SignUpStatus status,
    List<String> requiredFields,
    List<String> optionalFields,
    List<String> missingFields,
    List<String> unverifiedFields,
    Verifications verifications,
    Optional<String> username,
    Optional<String> emailAddress,
    Optional<String> phoneNumber,
    Optional<String> firstName,
    Optional<String> lastName,
    boolean passwordEnabled,
    Map<String, Object> unsafeMetadata,
    Optional<String> createdSessionId,
    Optional<String> createdUserId,
    Optional<Instant> abandonAt,
    Optional<Instant> legalAcceptedAt,
    Optional<String> locale) {

  /** Rejects a missing id; normalises nulls. */
  public SignUp {
    id = Models.id(id, "sign_up");
    status = Models.status(status, SignUpStatus.UNKNOWN);
    requiredFields = Models.list(requiredFields);
    optionalFields = Models.list(optionalFields);
    missingFields = Models.list(missingFields);
    unverifiedFields = Models.list(unverifiedFields);
    verifications = verifications == null ? Verifications.NONE : verifications;
    username = Models.opt(username);
    emailAddress = Models.opt(emailAddress);
    phoneNumber = Models.opt(phoneNumber);
    firstName = Models.opt(firstName);
    lastName = Models.opt(lastName);
    unsafeMetadata = Models.metadata(unsafeMetadata);
    createdSessionId = Models.opt(createdSessionId);
    createdUserId = Models.opt(createdUserId);
    abandonAt = Models.opt(abandonAt);
    legalAcceptedAt = Models.opt(legalAcceptedAt);
    locale = Models.opt(locale);
  }

  /**
   * The verification state of each verifiable sign-up field.
   *
   * @param emailAddress the email address verification
   * @param phoneNumber the phone number verification
   * @param web3Wallet the web3 wallet verification
   * @param externalAccount the OAuth account verification
   */
  public record Verifications(
      Optional<Verification> emailAddress,
      Optional<Verification> phoneNumber,
      Optional<Verification> web3Wallet,
      Optional<Verification> externalAccount) {

    /** No verification started. */
    public static final Verifications NONE =
        new Verifications(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Normalises nulls. */
    public Verifications {
      emailAddress = Models.opt(emailAddress);
      phoneNumber = Models.opt(phoneNumber);
      web3Wallet = Models.opt(web3Wallet);
      externalAccount = Models.opt(externalAccount);
    }
  }
}
