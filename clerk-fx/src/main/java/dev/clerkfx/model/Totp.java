package dev.clerkfx.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An authenticator-app (TOTP) enrolment ({@code /v1/me/totp}). Right after enrolment starts it
 * carries the secret and an {@code otpauth://} URI to show as a QR code; after the first code is
 * verified it carries the backup codes generated with it (when the user had none). Secrets and
 * codes are never printed by {@link #toString()}.
 *
 * @param id the enrolment id
 * @param secret the base32 secret, present only while enrolment is pending
 * @param uri the {@code otpauth://totp/…} URI for a QR code, present only while enrolment is
 *     pending
 * @param verified whether a code has been verified (the factor is enabled)
 * @param backupCodes backup codes generated on verification, else empty
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record Totp(
    String id,
    Optional<String> secret,
    Optional<String> uri,
    boolean verified,
    List<String> backupCodes,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** Normalises nulls. */
  public Totp {
    id = id == null ? "" : id;
    secret = Models.opt(secret);
    uri = Models.opt(uri);
    backupCodes = Models.list(backupCodes);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }

  @Override
  public String toString() {
    return "Totp[id="
        + id
        + ", verified="
        + verified
        + ", secret="
        + (secret.isPresent() ? "<redacted>" : "none")
        + ", backupCodes="
        + backupCodes.size()
        + "]";
  }
}
