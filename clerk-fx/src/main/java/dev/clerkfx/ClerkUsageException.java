package dev.clerkfx;

/**
 * The app called clerk-fx in a way it cannot serve: the one type for usage errors.
 *
 * <p>Every public entry point reports a wrong call this way, and nothing is sent to Clerk:
 *
 * <ul>
 *   <li>synchronous methods and builders throw it (a null where a value is required, a malformed
 *       value);
 *   <li>asynchronous methods return a future failed with it (code {@code invalid_argument} for a
 *       null or blank argument, {@code not_signed_in} for a verb that needs a signed-in user while
 *       nobody is signed in);
 *   <li>configuration values (publishable key, proxy URL, app id, token store location, refresh
 *       policy, JWT template name) are checked when given, with the subclass {@link
 *       ClerkConfigurationException}.
 * </ul>
 *
 * Where a Javadoc says null means a default (such as {@code getToken(null)}), null is not an error.
 * Model records and events check their own invariants like any record, with the JDK's {@code
 * NullPointerException} or {@code IllegalArgumentException}: those guard data read from Clerk, not
 * calls an app makes.
 */
public sealed class ClerkUsageException extends ClerkException permits ClerkConfigurationException {
  private static final long serialVersionUID = 1L;

  /** Code: an argument is null, blank or malformed. */
  public static final String INVALID_ARGUMENT = "invalid_argument";

  /** Code: the call needs a signed-in user and nobody is signed in. */
  public static final String NOT_SIGNED_IN = "not_signed_in";

  /**
   * Creates a usage error.
   *
   * @param code {@link #INVALID_ARGUMENT}, {@link #NOT_SIGNED_IN}, or another stable code naming
   *     the problem
   * @param message what was wrong, naming the argument
   */
  public ClerkUsageException(String code, String message) {
    super(code, message, null);
  }

  static ClerkUsageException invalid(String message) {
    return new ClerkUsageException(INVALID_ARGUMENT, message);
  }

  /**
   * Returns {@code value}, or throws an {@link #INVALID_ARGUMENT} error naming {@code what} when it
   * is null.
   */
  static <T> T requireArgument(T value, String what) {
    if (value == null) {
      throw invalid(what + " must not be null");
    }
    return value;
  }
}
