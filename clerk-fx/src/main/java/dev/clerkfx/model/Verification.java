package dev.clerkfx.model;

import dev.clerkfx.ClerkError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The verification state of a factor, email address, phone number or external account.
 *
 * @param status verification status ({@link VerificationStatus#UNKNOWN} when absent or new)
 * @param strategy the strategy being verified, such as {@code email_code}, {@code password}, {@code
 *     oauth_google}
 * @param attempts attempts made so far
 * @param expireAt when the code or link expires
 * @param externalVerificationRedirectUrl for OAuth/SSO: the URL to open in a browser
 * @param error for OAuth/SSO: why it failed
 * @param nextAction for sign-up verifications: {@code needs_prepare} or {@code needs_attempt}
 * @param supportedStrategies for sign-up verifications: strategies that can verify this field
 * @param verifiedAtClient the client id on which it was verified (email links)
 */
public record Verification(
    VerificationStatus status,
    Optional<String> strategy,
    Optional<Integer> attempts,
    Optional<Instant> expireAt,
    Optional<String> externalVerificationRedirectUrl,
    Optional<ClerkError> error,
    Optional<String> nextAction,
    List<String> supportedStrategies,
    Optional<String> verifiedAtClient) {

  /** Normalises nulls. */
  public Verification {
    status = Models.status(status, VerificationStatus.UNKNOWN);
    strategy = Models.opt(strategy);
    attempts = Models.opt(attempts);
    expireAt = Models.opt(expireAt);
    externalVerificationRedirectUrl = Models.opt(externalVerificationRedirectUrl);
    error = Models.opt(error);
    nextAction = Models.opt(nextAction);
    supportedStrategies = Models.list(supportedStrategies);
    verifiedAtClient = Models.opt(verifiedAtClient);
  }

  /** Tells whether the status is {@link VerificationStatus#VERIFIED}. */
  public boolean verified() {
    return status == VerificationStatus.VERIFIED;
  }
}
