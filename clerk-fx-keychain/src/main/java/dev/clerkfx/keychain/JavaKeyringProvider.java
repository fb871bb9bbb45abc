package dev.clerkfx.keychain;

import dev.clerkfx.internal.keychain.KeychainBackend;
import dev.clerkfx.internal.keychain.KeychainBackend.KeychainException;
import dev.clerkfx.internal.keychain.KeychainProvider;

/**
 * Keychain support for clerk-fx through java-keyring, found by {@code java.util.ServiceLoader}:
 * with this module present, {@code TokenStores.system(appId)} keeps the client token in the OS
 * keychain when one answers.
 *
 * <p>Apps do not call this class; they add the {@code dev.clerkfx:clerk-fx-keychain} artifact.
 */
public final class JavaKeyringProvider implements KeychainProvider {
  /** Creates the provider (for {@code ServiceLoader}). */
  public JavaKeyringProvider() {}

  @Override
  public KeychainBackend open() throws KeychainException {
    return JavaKeyringBackend.open();
  }
}
