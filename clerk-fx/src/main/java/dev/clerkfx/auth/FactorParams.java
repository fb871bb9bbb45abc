package dev.clerkfx.auth;

/**
 * Fields of a prepare or attempt step of a sign-in factor. Null fields are not sent.
 *
 * <pre>{@code
 * signIns.prepareFirstFactor(id, FactorParams.emailCode(emailAddressId));
 * signIns.attemptFirstFactor(id, FactorParams.code("email_code", "424242"));
 * signIns.attemptSecondFactor(id, FactorParams.totp("123456"));
 * }</pre>
 *
 * @param strategy the strategy ({@code password}, {@code email_code}, {@code phone_code}, {@code
 *     totp}, {@code backup_code}, {@code reset_password_email_code}…)
 * @param code the verification code, for attempts
 * @param password the password, for a {@code password} attempt ({@code toString()} hides it)
 * @param emailAddressId which email address receives the code, for prepares
 * @param phoneNumberId which phone number receives the code, for prepares
 * @param redirectUrl where an email link or external flow returns to, for prepares
 */
public record FactorParams(
    String strategy,
    String code,
    String password,
    String emailAddressId,
    String phoneNumberId,
    String redirectUrl) {

  /**
   * Returns a password attempt.
   *
   * @param password the password
   * @return the params
   */
  public static FactorParams password(String password) {
    return new FactorParams("password", null, password, null, null, null);
  }

  /**
   * Returns a code attempt.
   *
   * @param strategy {@code email_code}, {@code phone_code}, {@code totp}, {@code backup_code}…
   * @param code the code
   * @return the params
   */
  public static FactorParams code(String strategy, String code) {
    return new FactorParams(strategy, code, null, null, null, null);
  }

  /**
   * Returns an authenticator-app (TOTP) attempt.
   *
   * @param code the six-digit code
   * @return the params
   */
  public static FactorParams totp(String code) {
    return code("totp", code);
  }

  /**
   * Returns a backup-code attempt.
   *
   * @param code the backup code
   * @return the params
   */
  public static FactorParams backupCode(String code) {
    return code("backup_code", code);
  }

  /**
   * Returns a prepare step that emails a code.
   *
   * @param emailAddressId the {@code email_address_id} from the sign-in's supported factors
   * @return the params
   */
  public static FactorParams emailCode(String emailAddressId) {
    return new FactorParams("email_code", null, null, emailAddressId, null, null);
  }

  /**
   * Returns a prepare step that texts a code.
   *
   * @param phoneNumberId the {@code phone_number_id} from the sign-in's supported factors
   * @return the params
   */
  public static FactorParams phoneCode(String phoneNumberId) {
    return new FactorParams("phone_code", null, null, null, phoneNumberId, null);
  }

  /**
   * Returns a prepare step of any strategy without further fields.
   *
   * @param strategy the strategy
   * @return the params
   */
  public static FactorParams strategy(String strategy) {
    return new FactorParams(strategy, null, null, null, null, null);
  }

  /** Hides the code and password. */
  @Override
  public String toString() {
    return "FactorParams[strategy="
        + strategy
        + ", code="
        + (code == null ? "null" : "<redacted>")
        + ", password="
        + (password == null ? "null" : "<redacted>")
        + ", emailAddressId="
        + emailAddressId
        + ", phoneNumberId="
        + phoneNumberId
        + ", redirectUrl="
        + redirectUrl
        + "]";
  }
}
