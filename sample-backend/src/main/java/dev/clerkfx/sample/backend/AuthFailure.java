package dev.clerkfx.sample.backend;

/**
 * Why a request is not signed in: a code ({@code token-expired}, Clerk's SDK's own ids where it has
 * one) and a message fit for the 401 body. Neither ever holds the token.
 */
final class AuthFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;

  AuthFailure(String code, String message) {
    super(message);
    this.code = code;
  }

  AuthFailure(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The error code. */
  String code() {
    return code;
  }
}
