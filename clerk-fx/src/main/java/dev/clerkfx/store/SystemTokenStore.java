package dev.clerkfx.store;

import dev.clerkfx.internal.keychain.KeychainBackend;
import dev.clerkfx.internal.keychain.KeychainBackend.KeychainException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The store {@link TokenStores#system(String)} returns: the OS keychain when one answers, else an
 * owner-only file.
 *
 * <p>On first use it probes the keychain once. Probing lazily keeps the (sometimes slow: D-Bus,
 * JNA) probe off whatever thread builds the client, such as the JavaFX Application Thread; store
 * calls themselves come from background threads.
 *
 * <p>With a keychain, the file stays the fallback at every step, so a keychain that opens but then
 * refuses writes (a Secret Service without a usable collection, say) still keeps the user signed
 * in:
 *
 * <ul>
 *   <li>{@code save} writes to the keychain and removes any token file; if the keychain refuses, it
 *       writes the file, removes any older token from the keychain, and logs a WARNING;
 *   <li>{@code load} reads the keychain; if that holds nothing but the file does (an earlier
 *       fallback, or a run from before a keychain was available), the token moves into the keychain
 *       (or, if it refuses, is used from the file);
 *   <li>{@code clear} clears both.
 * </ul>
 */
final class SystemTokenStore implements TokenStore {
  private static final System.Logger LOG = System.getLogger("dev.clerkfx.store");

  /** Opens the OS keychain or says why not. */
  @FunctionalInterface
  interface KeychainProbe {
    KeychainBackend open() throws KeychainException;
  }

  private final String appId;
  private final KeychainProbe probe;
  private final FileTokenStore file;
  private volatile boolean probed;
  private volatile KeychainTokenStore keychain; // null when no keychain answered

  SystemTokenStore(String appId, KeychainProbe probe, Path appDirectory) {
    this.appId = appId;
    this.probe = probe;
    this.file = new FileTokenStore(appDirectory.resolve(FileTokenStore.FILE_NAME));
  }

  @Override
  public Optional<String> load() {
    KeychainTokenStore keychain = keychain();
    if (keychain == null) {
      return file.load();
    }
    synchronized (this) {
      Optional<String> token = keychain.load();
      if (token.isPresent()) {
        return token;
      }
      Optional<String> fromFile = file.load();
      if (fromFile.isPresent()) {
        try {
          keychain.save(fromFile.get());
          file.clear();
          LOG.log(
              Level.INFO,
              "Moved the client token from {0} into the OS keychain ({1})",
              file.path(),
              keychain.keychainName());
        } catch (TokenStoreException e) {
          LOG.log(Level.WARNING, "Using the client token in {0}: {1}", file.path(), e.getMessage());
        }
      }
      return fromFile;
    }
  }

  @Override
  public void save(String clientToken) {
    KeychainTokenStore keychain = keychain();
    if (keychain == null) {
      file.save(clientToken);
      return;
    }
    synchronized (this) {
      try {
        keychain.save(clientToken);
      } catch (TokenStoreException e) {
        if (!TokenStoreException.WRITE_FAILED.equals(e.code())) {
          throw e;
        }
        LOG.log(
            Level.WARNING,
            "{0}; keeping it in {1} instead, readable only by this user",
            e.getMessage(),
            file.path());
        file.save(clientToken);
        try {
          keychain.clear(); // an older token there would win over the file on the next load
        } catch (TokenStoreException stale) {
          LOG.log(Level.WARNING, "{0}", stale.getMessage());
        }
        return;
      }
      try {
        file.clear(); // one copy of the secret: an older fallback file is now stale
      } catch (TokenStoreException e) {
        LOG.log(Level.WARNING, "{0}", e.getMessage());
      }
    }
  }

  @Override
  public void clear() {
    KeychainTokenStore keychain = keychain();
    if (keychain == null) {
      file.clear();
      return;
    }
    synchronized (this) {
      TokenStoreException failure = null;
      try {
        keychain.clear();
      } catch (TokenStoreException e) {
        failure = e;
      }
      try {
        file.clear();
      } catch (TokenStoreException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /**
   * Returns the store the token normally lives in: the keychain store, or the file store when there
   * is none.
   */
  TokenStore chosen() {
    KeychainTokenStore keychain = keychain();
    return keychain == null ? file : keychain;
  }

  /** Returns the fallback file store. */
  FileTokenStore file() {
    return file;
  }

  private KeychainTokenStore keychain() {
    if (!probed) {
      synchronized (this) {
        if (!probed) {
          keychain = probeKeychain();
          probed = true;
        }
      }
    }
    return keychain;
  }

  private KeychainTokenStore probeKeychain() {
    String service = TokenStores.keychainService(appId);
    String why;
    try {
      KeychainBackend backend = probe.open();
      LOG.log(
          Level.INFO,
          "clerk-fx keeps the client token in the OS keychain ({0}, service {1}, account {2})",
          backend.name(),
          service,
          KeychainTokenStore.ACCOUNT);
      return new KeychainTokenStore(backend, service);
    } catch (KeychainException e) {
      why = e.getMessage();
    } catch (RuntimeException | LinkageError e) {
      why = "the keychain library failed to load (" + e.getClass().getName() + ")";
    }
    LOG.log(
        Level.WARNING,
        "No OS keychain is available ({0}); clerk-fx keeps the client token in {1},"
            + " readable only by this user",
        why,
        file.path());
    return null;
  }

  /** Names the app and the store in use (once probed), never the token. */
  @Override
  public String toString() {
    return "SystemTokenStore{appId="
        + appId
        + ", "
        + (!probed ? "not probed yet" : keychain == null ? file.toString() : keychain.toString())
        + "}";
  }
}
