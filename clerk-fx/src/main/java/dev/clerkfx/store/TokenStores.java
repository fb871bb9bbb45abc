package dev.clerkfx.store;

import dev.clerkfx.ClerkConfigurationException;
import dev.clerkfx.internal.keychain.KeychainBackend.KeychainException;
import dev.clerkfx.internal.keychain.KeychainProvider;
import dev.clerkfx.internal.store.StoreLocations;
import java.nio.file.Path;

/**
 * Makes the built-in {@link TokenStore}s.
 *
 * <pre>{@code
 * String appId = TokenStores.appIdForFapiHost("clean-gecko-12.clerk.accounts.dev");
 * TokenStore store = TokenStores.system(appId);    // OS keychain, else an owner-only file
 * TokenStore forTests = TokenStores.inMemory();
 * }</pre>
 *
 * <p>Names used: keychain service {@code clerk-fx:<appId>}, account {@value
 * KeychainTokenStore#ACCOUNT}; file {@code <config dir>/clerk-fx/<appId>/}{@value
 * FileTokenStore#FILE_NAME}, where the config dir is {@code $XDG_CONFIG_HOME} or {@code ~/.config}
 * on Linux, {@code ~/Library/Application Support} on macOS and {@code %LOCALAPPDATA%} on Windows
 * (the token belongs to this device, so it stays out of the roaming profile).
 */
public final class TokenStores {
  private static final String SERVICE_PREFIX = "clerk-fx:";

  private TokenStores() {}

  /**
   * Returns the recommended store: the OS keychain when one answers, otherwise an owner-only file
   * in the config dir. Keychain support is the optional artifact {@code
   * dev.clerkfx:clerk-fx-keychain} (module {@code dev.clerkfx.keychain}, found with {@link
   * java.util.ServiceLoader}); without it this store is the file. Nothing happens until the store's
   * first use, which probes the keychain once (java-keyring's {@code Keyring.create()}; any failure
   * means no keychain) and logs at INFO which store was chosen, or at WARNING that the file is used
   * and why. No log record contains the token.
   *
   * <p>With a keychain, the file remains the fallback: a token the keychain refuses to store goes
   * to the file (WARNING), and a token found only in the file (from such a fallback, or from a run
   * before a keychain was available) moves into the keychain on load. {@code clear} empties both.
   *
   * @param appId names this app's entries so apps and Clerk instances do not collide; see {@link
   *     #appIdForFapiHost(String)}
   * @return the store
   * @throws ClerkConfigurationException (code {@code invalid_app_id}) when {@code appId} is not
   *     1–128 characters from {@code A-Z a-z 0-9 . _ -}
   */
  public static TokenStore system(String appId) {
    StoreLocations.requireValidAppId(appId);
    return new SystemTokenStore(
        appId, KeychainProvider::openInstalled, StoreLocations.appDirectory(appId));
  }

  /**
   * Returns a store that keeps the token in {@code file}, owner-only ({@code 0600}, in directories
   * created {@code 0700}), written atomically.
   *
   * @param file the token file; its missing parent directories are created on the first save
   * @return the store
   * @throws ClerkConfigurationException (code {@code invalid_token_store}) when {@code file} is
   *     null
   */
  public static FileTokenStore file(Path file) {
    if (file == null) {
      throw new ClerkConfigurationException("invalid_token_store", "The token file path is null");
    }
    return new FileTokenStore(file);
  }

  /**
   * Returns a store in the OS keychain under {@code service}, account {@value
   * KeychainTokenStore#ACCOUNT}.
   *
   * @param service the keychain service name, such as {@code keychainService(appId)}
   * @return the store
   * @throws ClerkConfigurationException (code {@code invalid_token_store}) when {@code service} is
   *     null or blank
   * @throws TokenStoreException (code {@link TokenStoreException#UNAVAILABLE}) when no OS keychain
   *     answers here, or keychain support ({@code dev.clerkfx:clerk-fx-keychain}) is not installed
   */
  public static KeychainTokenStore keychain(String service) {
    if (service == null || service.isBlank()) {
      throw new ClerkConfigurationException(
          "invalid_token_store", "The keychain service name is empty");
    }
    try {
      return new KeychainTokenStore(KeychainProvider.openInstalled(), service);
    } catch (KeychainException e) {
      throw new TokenStoreException(TokenStoreException.UNAVAILABLE, e.getMessage(), e);
    }
  }

  /** Returns an empty store that lives only in memory, for tests. */
  public static InMemoryTokenStore inMemory() {
    return new InMemoryTokenStore(null);
  }

  /**
   * Returns a store that lives only in memory and starts with {@code clientToken}, for tests.
   *
   * @param clientToken the token to start with
   * @return the store
   * @throws TokenStoreException (code {@link TokenStoreException#INVALID_VALUE}) when the token is
   *     null, empty or not printable ASCII
   */
  public static InMemoryTokenStore inMemory(String clientToken) {
    return new InMemoryTokenStore(ClientTokenFormat.require(clientToken));
  }

  /**
   * Derives an app id from the Frontend API host decoded from the publishable key, so two Clerk
   * instances (or two emulators on different ports) never share a token.
   *
   * @param fapiHost the host with an optional port, such as {@code
   *     clean-gecko-12.clerk.accounts.dev} or {@code 127.0.0.1:54321}
   * @return the host in lower case, every character outside {@code a-z 0-9 . -} replaced by {@code
   *     _} ({@code 127.0.0.1_54321})
   * @throws ClerkConfigurationException (code {@code invalid_app_id}) when the host is null, blank
   *     or too long
   */
  public static String appIdForFapiHost(String fapiHost) {
    return StoreLocations.appIdForFapiHost(fapiHost);
  }

  /**
   * Returns the keychain service name for {@code appId}: {@code clerk-fx:<appId>}.
   *
   * @param appId a valid app id
   * @return the service name
   * @throws ClerkConfigurationException (code {@code invalid_app_id}) when the app id is not valid
   */
  public static String keychainService(String appId) {
    return SERVICE_PREFIX + StoreLocations.requireValidAppId(appId);
  }

  /**
   * Returns the directory that holds {@code appId}'s files on this machine: {@code <config
   * dir>/clerk-fx/<appId>} (the token file when no keychain answers, and the cached snapshot). It
   * may not exist yet.
   *
   * @param appId a valid app id
   * @return the directory
   * @throws ClerkConfigurationException (code {@code invalid_app_id}) when the app id is not valid
   */
  public static Path appDirectory(String appId) {
    return StoreLocations.appDirectory(appId);
  }
}
