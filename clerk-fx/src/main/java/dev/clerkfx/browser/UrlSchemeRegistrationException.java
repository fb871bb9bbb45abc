package dev.clerkfx.browser;

import dev.clerkfx.ClerkException;

/**
 * Registering or unregistering the app's URL scheme with the OS failed: a file could not be written
 * or removed, or {@code reg.exe} reported an error. The message says which, and the cause is the
 * underlying {@code IOException}. Missing optional tools are no failure: {@link
 * UrlSchemeRegistration.Result#notDone()} lists them.
 */
public final class UrlSchemeRegistrationException extends ClerkException {
  private static final long serialVersionUID = 1L;

  /** The only code: the OS registration failed. */
  public static final String FAILED = "url_scheme_registration_failed";

  /**
   * Creates the error.
   *
   * @param message what failed, for a developer
   * @param cause the underlying failure
   */
  public UrlSchemeRegistrationException(String message, Throwable cause) {
    super(FAILED, message, cause);
  }
}
