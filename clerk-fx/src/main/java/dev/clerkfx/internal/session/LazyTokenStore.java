package dev.clerkfx.internal.session;

import dev.clerkfx.store.TokenStore;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link TokenStore} created on first use. The default store probes the OS keychain, which can
 * take a while (D-Bus, a keychain prompt); creating it lazily keeps that off the thread that builds
 * the client (often the FX thread): the session manager first touches the store on its I/O thread.
 */
public final class LazyTokenStore implements TokenStore {
  private final Supplier<TokenStore> factory;
  private volatile TokenStore store;

  /**
   * Creates a store that calls {@code factory} once, on first use.
   *
   * @param factory makes the real store
   */
  public LazyTokenStore(Supplier<TokenStore> factory) {
    this.factory = factory;
  }

  private TokenStore store() {
    TokenStore s = store;
    if (s == null) {
      synchronized (this) {
        s = store;
        if (s == null) {
          s = factory.get();
          store = s;
        }
      }
    }
    return s;
  }

  @Override
  public Optional<String> load() {
    return store().load();
  }

  @Override
  public void save(String clientToken) {
    store().save(clientToken);
  }

  @Override
  public void clear() {
    store().clear();
  }

  @Override
  public String toString() {
    TokenStore s = store;
    return "LazyTokenStore[" + (s == null ? "not created yet" : s) + "]";
  }
}
