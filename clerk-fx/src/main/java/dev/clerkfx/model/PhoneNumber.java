package dev.clerkfx.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One of a user's phone numbers.
 *
 * @param id the identification id ({@code idn_…})
 * @param phoneNumber the number in E.164 form, such as {@code +15555550100}
 * @param reservedForSecondFactor whether it is used only as a second factor
 * @param defaultSecondFactor whether it is the default second factor
 * @param reserved whether the number is reserved (not usable yet)
 * @param verification its verification state
 * @param linkedTo identifications it is linked to
 * @param backupCodes backup codes, only right after enabling SMS MFA (otherwise empty)
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record PhoneNumber(
    String id,
    String phoneNumber,
    boolean reservedForSecondFactor,
    boolean defaultSecondFactor,
    boolean reserved,
    Optional<Verification> verification,
    List<IdentificationLink> linkedTo,
    List<String> backupCodes,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** Rejects a missing id; normalises nulls. */
  public PhoneNumber {
    id = Models.id(id, "phone_number");
    phoneNumber = phoneNumber == null ? "" : phoneNumber;
    verification = Models.opt(verification);
    linkedTo = Models.list(linkedTo);
    backupCodes = Models.list(backupCodes);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }

  /** Tells whether the number is verified. */
  public boolean verified() {
    return verification.map(Verification::verified).orElse(false);
  }

  /** Returns {@code PhoneNumber[id=…, phoneNumber=…, …]} without backup codes. */
  @Override
  public String toString() {
    return "PhoneNumber[id="
        + id
        + ", phoneNumber="
        + phoneNumber
        + ", verification="
        + verification
        + ", backupCodes=<"
        + backupCodes.size()
        + " redacted>]";
  }
}
