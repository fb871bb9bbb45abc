package dev.clerkfx.store;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A token store that lives only as long as this object: for tests, and for apps that want every run
 * to start signed out. Thread-safe; accepts the same tokens as the persistent stores.
 *
 * <pre>{@code
 * InMemoryTokenStore store = TokenStores.inMemory();
 * // … run the client against the emulator, then:
 * assertThat(store.load()).isPresent();
 * }</pre>
 */
public final class InMemoryTokenStore implements TokenStore {
  private final AtomicReference<String> token = new AtomicReference<>();

  InMemoryTokenStore(String initialToken) {
    if (initialToken != null) {
      token.set(ClientTokenFormat.require(initialToken));
    }
  }

  @Override
  public Optional<String> load() {
    return Optional.ofNullable(token.get());
  }

  @Override
  public void save(String clientToken) {
    token.set(ClientTokenFormat.require(clientToken));
  }

  @Override
  public void clear() {
    token.set(null);
  }

  /** Says whether a token is held, never the token. */
  @Override
  public String toString() {
    return "InMemoryTokenStore{" + (token.get() == null ? "empty" : "holding a token") + "}";
  }
}
