package dev.clerkfx.browser;

import dev.clerkfx.ClerkException;

/**
 * A browser sign-in ended without signing in, for a reason on this side of Clerk's API: the {@link
 * #code()} says which. Errors Clerk reports stay {@code ClerkApiException}s.
 */
public final class BrowserSignInException extends ClerkException {
  private static final long serialVersionUID = 1L;

  /** Another browser flow is waiting for its callback; the message names it. */
  public static final String FLOW_PENDING = "browser_flow_pending";

  /** No callback arrived in time (the user closed the tab, or never finished). */
  public static final String TIMEOUT = "browser_flow_timeout";

  /** The user refused consent at the identity provider (or the provider reported another error). */
  public static final String ACCESS_DENIED = "oauth_access_denied";

  /** The loopback port is taken (fixed-port mode); the message names it. */
  public static final String PORT_IN_USE = "redirect_port_in_use";

  /**
   * The callback carried no {@code rotating_token_nonce}: on a production instance the redirect URL
   * is not on its allow-list; the message names the URL to add.
   */
  public static final String NONCE_MISSING = "rotating_token_nonce_missing";

  /** The email link expired before it was opened. */
  public static final String LINK_EXPIRED = "verification_expired";

  /**
   * The app's settings cannot serve the flow (a custom-scheme strategy without a hand-off, a bad
   * URL…).
   */
  public static final String INVALID_SETUP = "browser_flow_invalid";

  /**
   * Creates the error.
   *
   * @param code one of the constants of this class
   * @param message what happened, for a developer
   */
  public BrowserSignInException(String code, String message) {
    super(code, message, null);
  }

  /**
   * Creates the error with a cause.
   *
   * @param code one of the constants of this class
   * @param message what happened, for a developer
   * @param cause the underlying failure
   */
  public BrowserSignInException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
