package dev.clerkfx.internal.keychain;

import java.util.Optional;

/**
 * The seam between clerk-fx and an OS keychain: generic passwords addressed by service and account.
 *
 * <p>A {@link KeychainProvider} (the optional {@code clerk-fx-keychain} module has the real one,
 * over java-keyring) opens it; tests use a fake. Implementations need not be thread-safe: the
 * keychain token store calls them one at a time. Messages of thrown exceptions must never contain a
 * secret.
 */
public interface KeychainBackend {

  /** Returns the backend's name for logs, such as {@code OSX_KEYCHAIN}; never a secret. */
  String name();

  /**
   * Reads a password.
   *
   * @param service the service name
   * @param account the account name
   * @return the password, or empty when nothing is stored under that name
   * @throws KeychainException when the keychain could not be read
   */
  Optional<String> read(String service, String account) throws KeychainException;

  /**
   * Stores (or replaces) a password.
   *
   * @param service the service name
   * @param account the account name
   * @param secret the password
   * @throws KeychainException when the keychain could not be written
   */
  void write(String service, String account, String secret) throws KeychainException;

  /**
   * Deletes a password.
   *
   * @param service the service name
   * @param account the account name
   * @throws KeychainException when the keychain refused; also thrown by some backends when nothing
   *     was stored
   */
  void delete(String service, String account) throws KeychainException;

  /**
   * A keychain operation failed; the message names the operation and the backend's reason, never a
   * secret.
   */
  final class KeychainException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a keychain failure.
     *
     * @param message what failed, without any secret
     * @param cause the backend's exception, or null
     */
    public KeychainException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
