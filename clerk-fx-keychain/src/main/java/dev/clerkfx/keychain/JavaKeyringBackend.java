package dev.clerkfx.keychain;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.clerkfx.internal.keychain.KeychainBackend;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The OS keychain through java-keyring: macOS Keychain, Windows Credential Manager, or the Secret
 * Service (GNOME Keyring, KWallet) on Linux.
 *
 * <p>java-keyring reports "nothing stored" and "could not read" with the same exception on reads,
 * so {@link #read} treats both as nothing stored (logged at DEBUG): a keychain that cannot be read
 * means starting signed out either way. Messages passed on never include the password:
 * java-keyring's own exception messages carry service and account names only, and clerk-fx reports
 * just their class names.
 */
final class JavaKeyringBackend implements KeychainBackend {
  private static final System.Logger LOG = System.getLogger("dev.clerkfx.store");

  private final Keyring keyring;
  private final String name;

  private JavaKeyringBackend(Keyring keyring) {
    this.keyring = keyring;
    this.name = String.valueOf(keyring.getKeyringStorageType());
  }

  /**
   * Opens the platform's keychain.
   *
   * @return the backend
   * @throws KeychainException when no keychain answers (java-keyring's {@code
   *     BackendNotSupportedException}, as on a Linux machine without D-Bus or a Secret Service) or
   *     java-keyring cannot load at all
   */
  static KeychainBackend open() throws KeychainException {
    try {
      return new JavaKeyringBackend(Keyring.create());
    } catch (BackendNotSupportedException e) {
      throw new KeychainException("no OS keychain answered: " + e.getMessage(), e);
    } catch (RuntimeException | LinkageError e) {
      throw new KeychainException(
          "the OS keychain could not be opened (" + e.getClass().getName() + ")", e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<String> read(String service, String account) throws KeychainException {
    try {
      return Optional.ofNullable(keyring.getPassword(service, account));
    } catch (PasswordAccessException e) {
      LOG.log(Level.DEBUG, "{0}: nothing readable under {1}/{2}", name, service, account);
      return Optional.empty();
    } catch (RuntimeException | LinkageError e) {
      throw new KeychainException(name + " could not be read (" + e.getClass().getName() + ")", e);
    }
  }

  @Override
  public void write(String service, String account, String secret) throws KeychainException {
    try {
      keyring.setPassword(service, account, secret);
    } catch (PasswordAccessException | RuntimeException | LinkageError e) {
      throw new KeychainException(name + " refused the write (" + e.getClass().getName() + ")", e);
    }
  }

  @Override
  public void delete(String service, String account) throws KeychainException {
    try {
      keyring.deletePassword(service, account);
    } catch (PasswordAccessException | RuntimeException | LinkageError e) {
      throw new KeychainException(name + " refused the delete (" + e.getClass().getName() + ")", e);
    }
  }

  @Override
  public String toString() {
    return "JavaKeyringBackend{" + name + "}";
  }
}
