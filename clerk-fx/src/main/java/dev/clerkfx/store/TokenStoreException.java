package dev.clerkfx.store;

import dev.clerkfx.ClerkException;

/**
 * A token store (or the snapshot cache beside it) could not do what was asked: write or delete,
 * reach its keychain, or accept a value that is not a client token. Messages name the store (a file
 * path, a keychain service) and never contain the token.
 *
 * <p>Reading never throws this: a store that cannot be read loads as empty, which means starting
 * signed out.
 */
public final class TokenStoreException extends ClerkException {
  private static final long serialVersionUID = 1L;

  /**
   * Code: the store could not write or delete (disk full, read-only directory, keychain refused).
   */
  public static final String WRITE_FAILED = "token_store_write_failed";

  /** Code: the store asked for does not exist here (no OS keychain answers). */
  public static final String UNAVAILABLE = "token_store_unavailable";

  /**
   * Code: the value to store is not acceptable (null, empty, not printable ASCII, not JSON for a
   * snapshot).
   */
  public static final String INVALID_VALUE = "token_store_invalid_value";

  /**
   * Creates a store error.
   *
   * @param code one of {@link #WRITE_FAILED}, {@link #UNAVAILABLE}, {@link #INVALID_VALUE}, or a
   *     custom store's own
   * @param message what failed and where, without any secret
   * @param cause the underlying failure, or null
   */
  public TokenStoreException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
