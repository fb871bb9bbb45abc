package dev.clerkfx;

/**
 * The app called clerk-fx in a way it cannot serve: a null or blank argument, or a verb that needs a signed-in
 * user while nobody is signed in. Reported through the returned future (or thrown by synchronous methods);
 * nothing was sent to Clerk.
 */
public final class ClerkUsageException extends ClerkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a usage error.
   *
   * @param code {@code invalid_argument} or {@code not_signed_in}
   * @param message what was wrong, naming the argument
   */
  public ClerkUsageException(String code, String message) {
    super(code, message, null);
  }

  static ClerkUsageException invalid(String message) {
    return new ClerkUsageException("invalid_argument", message);
  }
}
