package dev.clerkfx.internal.keychain;

import dev.clerkfx.internal.keychain.KeychainBackend.KeychainException;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Opens the OS keychain: the service that the optional {@code clerk-fx-keychain} module (JPMS
 * {@code dev.clerkfx.keychain}) provides, found with {@link ServiceLoader} on the module path or
 * the class path.
 *
 * <p>Without that module clerk-fx has no keychain support, and the system token store keeps the
 * client token in an owner-only file instead. Implementations must have a public no-argument
 * constructor.
 */
public interface KeychainProvider {

  /**
   * Opens the platform's keychain. Called at most once per store, off the JavaFX Application
   * Thread.
   *
   * @return the backend
   * @throws KeychainException when no keychain answers here
   */
  KeychainBackend open() throws KeychainException;

  /**
   * Opens the keychain through the first installed provider.
   *
   * @return the backend
   * @throws KeychainException when no provider is installed (the message names the missing
   *     artifact), when it cannot be loaded, or when no keychain answers
   */
  static KeychainBackend openInstalled() throws KeychainException {
    Iterator<KeychainProvider> providers =
        ServiceLoader.load(KeychainProvider.class, KeychainProvider.class.getClassLoader())
            .iterator();
    KeychainProvider provider;
    try {
      if (!providers.hasNext()) {
        throw new KeychainException(
            "keychain support is not installed (add the dev.clerkfx:clerk-fx-keychain"
                + " artifact to use the OS keychain)",
            null);
      }
      provider = providers.next();
    } catch (ServiceConfigurationError e) {
      throw new KeychainException(
          "keychain support could not be loaded (" + e.getClass().getName() + ")", e);
    }
    return provider.open();
  }
}
