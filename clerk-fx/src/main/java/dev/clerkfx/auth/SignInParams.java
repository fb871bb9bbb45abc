package dev.clerkfx.auth;

/**
 * Fields of {@code POST /v1/client/sign_ins}. Null fields are not sent.
 *
 * <pre>{@code
 * clerk.signIn().create(SignInParams.identifier("ada@example.com"));        // identifier first
 * clerk.signIn().create(SignInParams.password("ada@example.com", secret)); // one call
 * }</pre>
 *
 * @param identifier email address, phone number or username
 * @param strategy {@code password}, {@code email_code}, {@code phone_code}, {@code ticket}, {@code
 *     oauth_*}…
 * @param password the password, for {@code password} ({@code toString()} hides it)
 * @param ticket a sign-in ticket, for {@code ticket}
 * @param redirectUrl where an external flow returns to
 */
public record SignInParams(
    String identifier, String strategy, String password, String ticket, String redirectUrl) {

  /**
   * Returns params that only name the account; the answer lists the factors to use next.
   *
   * @param identifier email address, phone number or username
   * @return the params
   */
  public static SignInParams identifier(String identifier) {
    return new SignInParams(identifier, null, null, null, null);
  }

  /**
   * Returns params that sign in with identifier and password in one call.
   *
   * @param identifier email address, phone number or username
   * @param password the password
   * @return the params
   */
  public static SignInParams password(String identifier, String password) {
    return new SignInParams(identifier, "password", password, null, null);
  }

  /**
   * Returns params for a strategy that prepares itself on creation, such as {@code email_code}.
   *
   * @param strategy the strategy
   * @param identifier the account's email address or phone number
   * @return the params
   */
  public static SignInParams strategy(String strategy, String identifier) {
    return new SignInParams(identifier, strategy, null, null, null);
  }

  /** Hides the password and ticket. */
  @Override
  public String toString() {
    return "SignInParams[identifier="
        + identifier
        + ", strategy="
        + strategy
        + ", password="
        + (password == null ? "null" : "<redacted>")
        + ", ticket="
        + (ticket == null ? "null" : "<redacted>")
        + ", redirectUrl="
        + redirectUrl
        + "]";
  }
}
