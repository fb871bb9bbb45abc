package dev.clerkfx;

/**
 * The one error type every clerk-fx call reports: a Clerk error code plus a message fit to show a
 * developer.
 *
 * <p>Subclasses say where the failure came from:
 *
 * <ul>
 *   <li>{@link ClerkApiException}: Clerk answered with an error (wrong password, revoked session,
 *       rate limit…);
 *   <li>{@link ClerkNetworkException}: no usable answer arrived (offline, DNS, timeout, connection
 *       reset);
 *   <li>{@link ClerkResponseException}: an answer arrived but is not what Clerk sends (HTML page,
 *       truncated JSON);
 *   <li>{@link ClerkConfigurationException}: the SDK was set up wrongly (malformed publishable key,
 *       plain-HTTP host);
 *   <li>{@link dev.clerkfx.store.TokenStoreException}: the client token could not be stored.
 * </ul>
 *
 * <p>Messages never contain a token, a password or any other secret.
 */
public class ClerkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  /**
   * Creates an error with a Clerk error code ({@code form_password_incorrect}) or a local one
   * ({@code network_error}).
   *
   * @param code the error code, never null
   * @param message a developer-facing message
   * @param cause the underlying failure, or null
   */
  public ClerkException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code == null ? "unknown" : code;
  }

  /**
   * Returns Clerk's error code (such as {@code session_revoked}) or a local code such as {@code
   * network_error}.
   */
  public String code() {
    return code;
  }
}
