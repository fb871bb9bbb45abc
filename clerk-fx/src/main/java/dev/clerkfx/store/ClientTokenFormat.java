package dev.clerkfx.store;

/**
 * What the built-in stores accept as a client token: what can travel in an HTTP {@code
 * Authorization} header.
 */
final class ClientTokenFormat {
  /**
   * Real client tokens are JWTs under 2 KiB; this leaves room and stays under every keychain's
   * limit.
   */
  static final int MAX_LENGTH = 8 * 1024;

  private ClientTokenFormat() {}

  /**
   * Returns whether {@code token} is 1 to {@link #MAX_LENGTH} printable ASCII characters without
   * spaces.
   */
  static boolean isWellFormed(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** Returns {@code token} if well formed, else throws saying why without quoting it. */
  static String require(String token) {
    if (isWellFormed(token)) {
      return token;
    }
    String why;
    if (token == null) {
      why = "is null";
    } else if (token.isEmpty()) {
      why = "is empty (to forget the token, call clear())";
    } else if (token.length() > MAX_LENGTH) {
      why = "is " + token.length() + " characters long (at most " + MAX_LENGTH + ")";
    } else {
      why = "contains whitespace, control or non-ASCII characters";
    }
    throw new TokenStoreException(
        TokenStoreException.INVALID_VALUE, "The client token " + why, null);
  }
}
