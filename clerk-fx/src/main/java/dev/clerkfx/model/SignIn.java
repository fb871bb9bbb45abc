package dev.clerkfx.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sign-in attempt ({@code sign_in_attempt}).
 *
 * @param id the attempt id ({@code sia_…})
 * @param status where the attempt stands
 * @param supportedIdentifiers identifiers the instance accepts
 * @param supportedFirstFactors first factors available for the identified user
 * @param supportedSecondFactors second factors available (MFA or client trust)
 * @param firstFactorVerification the first factor's verification state
 * @param secondFactorVerification the second factor's verification state
 * @param identifier the identifier given
 * @param userData public data of the identified user
 * @param createdSessionId the session created when {@link SignInStatus#COMPLETE}
 * @param abandonAt when the attempt is abandoned
 * @param clientTrustState {@code pending}, {@code new} or {@code known} when client trust applies
 * @param locale the locale sent
 */
public record SignIn(
    String id,
    SignInStatus status,
    List<String> supportedIdentifiers,
    List<Factor> supportedFirstFactors,
    List<Factor> supportedSecondFactors,
    Optional<Verification> firstFactorVerification,
    Optional<Verification> secondFactorVerification,
    Optional<String> identifier,
    Optional<PublicUserData> userData,
    Optional<String> createdSessionId,
    Optional<Instant> abandonAt,
    Optional<String> clientTrustState,
    Optional<String> locale) {

  /** Rejects a missing id; normalises nulls. */
  public SignIn {
    id = Models.id(id, "sign_in");
    status = Models.status(status, SignInStatus.UNKNOWN);
    supportedIdentifiers = Models.list(supportedIdentifiers);
    supportedFirstFactors = Models.list(supportedFirstFactors);
    supportedSecondFactors = Models.list(supportedSecondFactors);
    firstFactorVerification = Models.opt(firstFactorVerification);
    secondFactorVerification = Models.opt(secondFactorVerification);
    identifier = Models.opt(identifier);
    userData = Models.opt(userData);
    createdSessionId = Models.opt(createdSessionId);
    abandonAt = Models.opt(abandonAt);
    clientTrustState = Models.opt(clientTrustState);
    locale = Models.opt(locale);
  }

  /**
   * Returns the first supported first factor with a strategy.
   *
   * @param strategy such as {@code email_code}
   * @return the factor, or empty
   */
  public Optional<Factor> firstFactor(String strategy) {
    return supportedFirstFactors.stream().filter(f -> f.strategy().equals(strategy)).findFirst();
  }

  /**
   * Returns the first supported second factor with a strategy.
   *
   * @param strategy such as {@code totp}
   * @return the factor, or empty
   */
  public Optional<Factor> secondFactor(String strategy) {
    return supportedSecondFactors.stream().filter(f -> f.strategy().equals(strategy)).findFirst();
  }
}
