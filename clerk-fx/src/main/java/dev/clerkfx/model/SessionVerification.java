package dev.clerkfx.model;

import java.util.List;
import java.util.Optional;

/**
 * A session reverification in progress ({@code /v1/client/sessions/{id}/verify}): the level asked
 * for, what is still needed, and the factors the user may use.
 *
 * @param level {@code first_factor}, {@code second_factor} or {@code multi_factor}
 * @param status {@code needs_first_factor}, {@code needs_second_factor} or {@code complete}
 * @param supportedFirstFactors first factors the user may verify with (password, email or phone
 *     code)
 * @param supportedSecondFactors second factors the user may verify with (TOTP, phone code, backup
 *     code)
 * @param firstFactorVerification the first factor's verification so far
 * @param secondFactorVerification the second factor's verification so far
 */
public record SessionVerification(
    String level,
    String status,
    List<Factor> supportedFirstFactors,
    List<Factor> supportedSecondFactors,
    Optional<Verification> firstFactorVerification,
    Optional<Verification> secondFactorVerification) {

  /** Normalises nulls. */
  public SessionVerification {
    level = level == null ? "" : level;
    status = status == null ? "" : status;
    supportedFirstFactors = Models.list(supportedFirstFactors);
    supportedSecondFactors = Models.list(supportedSecondFactors);
    firstFactorVerification = Models.opt(firstFactorVerification);
    secondFactorVerification = Models.opt(secondFactorVerification);
  }

  /** Tells whether the reverification is done (the action may be retried). */
  public boolean complete() {
    return "complete".equals(status);
  }
}
