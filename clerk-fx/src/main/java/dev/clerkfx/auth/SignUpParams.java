package dev.clerkfx.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields of {@code POST /v1/client/sign_ups} (and of its update). Null fields are not sent.
 *
 * <pre>{@code
 * clerk.signUp().create(SignUpParams.emailAndPassword("ada@example.com", secret)
 *     .withNames("Ada", "Lovelace"));
 * }</pre>
 *
 * @param emailAddress the email address
 * @param phoneNumber the phone number (E.164)
 * @param username the username
 * @param password the password ({@code toString()} hides it)
 * @param firstName the first name
 * @param lastName the last name
 * @param unsafeMetadata metadata the client may write, or null
 * @param strategy a verification strategy to prepare at once, such as {@code email_code}
 * @param legalAccepted whether the user accepted the legal terms, or null
 */
public record SignUpParams(
    String emailAddress,
    String phoneNumber,
    String username,
    String password,
    String firstName,
    String lastName,
    Map<String, Object> unsafeMetadata,
    String strategy,
    Boolean legalAccepted) {

  /** Freezes the metadata. */
  public SignUpParams {
    if (unsafeMetadata != null)
      unsafeMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(unsafeMetadata));
  }

  /**
   * Returns params with an email address and password.
   *
   * @param emailAddress the email address
   * @param password the password
   * @return the params
   */
  public static SignUpParams emailAndPassword(String emailAddress, String password) {
    return new SignUpParams(emailAddress, null, null, password, null, null, null, null, null);
  }

  /** Returns params with nothing set, to build on with the {@code with…} methods. */
  public static SignUpParams empty() {
    return new SignUpParams(null, null, null, null, null, null, null, null, null);
  }

  /**
   * Returns a copy with first and last name.
   *
   * @param first the first name
   * @param last the last name
   * @return the params
   */
  public SignUpParams withNames(String first, String last) {
    return new SignUpParams(
        emailAddress,
        phoneNumber,
        username,
        password,
        first,
        last,
        unsafeMetadata,
        strategy,
        legalAccepted);
  }

  /**
   * Returns a copy with a phone number.
   *
   * @param phone the phone number
   * @return the params
   */
  public SignUpParams withPhoneNumber(String phone) {
    return new SignUpParams(
        emailAddress,
        phone,
        username,
        password,
        firstName,
        lastName,
        unsafeMetadata,
        strategy,
        legalAccepted);
  }

  /**
   * Returns a copy with a username.
   *
   * @param name the username
   * @return the params
   */
  public SignUpParams withUsername(String name) {
    return new SignUpParams(
        emailAddress,
        phoneNumber,
        name,
        password,
        firstName,
        lastName,
        unsafeMetadata,
        strategy,
        legalAccepted);
  }

  /**
   * Returns a copy that prepares a verification at once.
   *
   * @param value such as {@code email_code}
   * @return the params
   */
  public SignUpParams withStrategy(String value) {
    return new SignUpParams(
        emailAddress,
        phoneNumber,
        username,
        password,
        firstName,
        lastName,
        unsafeMetadata,
        value,
        legalAccepted);
  }

  /**
   * Returns a copy with unsafe metadata.
   *
   * @param metadata JSON-serialisable values
   * @return the params
   */
  public SignUpParams withUnsafeMetadata(Map<String, Object> metadata) {
    return new SignUpParams(
        emailAddress,
        phoneNumber,
        username,
        password,
        firstName,
        lastName,
        metadata,
        strategy,
        legalAccepted);
  }

  /**
   * Returns a copy that records acceptance of the legal terms.
   *
   * @param accepted true when accepted
   * @return the params
   */
  public SignUpParams withLegalAccepted(boolean accepted) {
    return new SignUpParams(
        emailAddress,
        phoneNumber,
        username,
        password,
        firstName,
        lastName,
        unsafeMetadata,
        strategy,
        accepted);
  }

  /** Hides the password. */
  @Override
  public String toString() {
    return "SignUpParams[emailAddress="
        + emailAddress
        + ", phoneNumber="
        + phoneNumber
        + ", username="
        + username
        + ", password="
        + (password == null ? "null" : "<redacted>")
        + ", firstName="
        + firstName
        + ", lastName="
        + lastName
        + ", strategy="
        + strategy
        + ", legalAccepted="
        + legalAccepted
        + "]";
  }
}
