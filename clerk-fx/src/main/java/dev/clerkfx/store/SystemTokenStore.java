package dev.clerkfx.store;

import dev.clerkfx.internal.store.KeychainBackend;
import dev.clerkfx.internal.store.KeychainBackend.KeychainException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The store {@link TokenStores#system(String)} returns: on first use it probes the OS keychain once and then
 * delegates to a {@link KeychainTokenStore} or, when no keychain answers, to a {@link FileTokenStore}.
 *
 * <p>Probing lazily keeps the (sometimes slow, D-Bus or JNA) probe off whatever thread builds the client, such as
 * the JavaFX Application Thread; store calls themselves are made from background threads.
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
  private final Path appDirectory;
  private volatile TokenStore chosen;

  SystemTokenStore(String appId, KeychainProbe probe, Path appDirectory) {
    this.appId = appId;
    this.probe = probe;
    this.appDirectory = appDirectory;
  }

  @Override
  public Optional<String> load() {
    return chosen().load();
  }

  @Override
  public void save(String clientToken) {
    chosen().save(clientToken);
  }

  @Override
  public void clear() {
    chosen().clear();
  }

  /** Returns the store in use, probing the keychain on the first call. */
  TokenStore chosen() {
    TokenStore store = chosen;
    if (store == null) {
      synchronized (this) {
        store = chosen;
        if (store == null) {
          store = choose();
          chosen = store;
        }
      }
    }
    return store;
  }

  private TokenStore choose() {
    String service = TokenStores.keychainService(appId);
    String why;
    try {
      KeychainBackend backend = probe.open();
      KeychainTokenStore store = new KeychainTokenStore(backend, service);
      LOG.log(Level.INFO, "clerk-fx keeps the client token in the OS keychain ({0}, service {1}, account {2})",
          backend.name(), service, KeychainTokenStore.ACCOUNT);
      return store;
    } catch (KeychainException e) {
      why = e.getMessage();
    } catch (RuntimeException | LinkageError e) {
      why = "the keychain library failed to load (" + e.getClass().getName() + ")";
    }
    FileTokenStore file = new FileTokenStore(appDirectory.resolve(FileTokenStore.FILE_NAME));
    LOG.log(Level.WARNING, "No OS keychain is available ({0}); clerk-fx keeps the client token in {1},"
        + " readable only by this user", why, file.path());
    return file;
  }

  /** Names the app and the store in use (once chosen), never the token. */
  @Override
  public String toString() {
    TokenStore store = chosen;
    return "SystemTokenStore{appId=" + appId + ", " + (store == null ? "not probed yet" : store.toString()) + "}";
  }
}
