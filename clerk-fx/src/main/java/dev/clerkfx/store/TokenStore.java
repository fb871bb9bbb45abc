package dev.clerkfx.store;

import java.util.Optional;

/**
 * Keeps the Clerk client token, the one long-lived secret clerk-fx persists, between runs of the
 * app.
 *
 * <p>The client token identifies this device's Clerk client; Clerk sends it (and rotates it) in the
 * {@code Authorization} header of Frontend API responses, and clerk-fx sends it back on every
 * request. Whoever holds it holds the user's sessions on this device, so a store must keep it where
 * only this user can read it. Session tokens are never stored.
 *
 * <p>The built-ins come from {@link TokenStores}: {@link TokenStores#system(String)} (the OS
 * keychain, else an owner-only file), {@link TokenStores#file}, {@link TokenStores#keychain} and
 * {@link TokenStores#inMemory()}.
 *
 * <p><b>Threads.</b> The session manager calls a store from background threads, never from the
 * JavaFX Application Thread, so methods may block on I/O or on a keychain prompt. Calls may come
 * from different threads, possibly at the same time; an implementation must be thread-safe, and a
 * {@code load} that runs alongside a {@code save} must return the old or the new token, never a
 * mix.
 *
 * <p><b>Failures.</b> {@code load} never throws: a store that is missing, corrupt or unreadable
 * returns empty (the app starts signed out) and should log a warning that names the store but not
 * its content. {@code save} and {@code clear} throw a {@link TokenStoreException} when they cannot
 * do their job. No method logs the token, and {@code toString()} never shows it.
 *
 * <p>A custom store, for an app that already has a secret vault:
 *
 * <pre>{@code
 * final class VaultTokenStore implements TokenStore {
 *   private static final String KEY = "clerk-client-token";
 *   private final Vault vault; // the app's own thread-safe secret store
 *
 *   VaultTokenStore(Vault vault) { this.vault = vault; }
 *
 *   public Optional<String> load() {
 *     try {
 *       return Optional.ofNullable(vault.get(KEY));
 *     } catch (VaultException e) {
 *       System.getLogger("app").log(System.Logger.Level.WARNING, "vault unreadable; signed out");
 *       return Optional.empty();
 *     }
 *   }
 *
 *   public void save(String clientToken) {
 *     try {
 *       vault.put(KEY, clientToken);
 *     } catch (VaultException e) {
 *       throw new TokenStoreException(TokenStoreException.WRITE_FAILED, "The vault refused the client token", e);
 *     }
 *   }
 *
 *   public void clear() {
 *     vault.remove(KEY);
 *   }
 *
 *   public String toString() { return "VaultTokenStore"; } // never the token
 * }
 * }</pre>
 */
public interface TokenStore {

  /**
   * Returns the stored client token.
   *
   * @return the token, or empty when none is stored or the store is corrupt or unreadable
   */
  Optional<String> load();

  /**
   * Stores {@code clientToken}, replacing any previous one. When this returns, a later {@code load}
   * (in this run or the next) returns it.
   *
   * @param clientToken the client token, exactly as Clerk sent it
   * @throws TokenStoreException when it cannot be stored, or (built-in stores) when it is null,
   *     empty, or not printable ASCII
   */
  void save(String clientToken);

  /**
   * Forgets the stored client token (sign-out, or Clerk cleared it). Nothing stored is not an
   * error.
   *
   * @throws TokenStoreException when the stored token could not be removed
   */
  void clear();
}
