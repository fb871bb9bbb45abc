package dev.clerkfx.internal.fapi;

import dev.clerkfx.model.Client;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one owner of the current {@link Client}: every client snapshot FAPI sends (piggybacked {@code client},
 * {@code meta.client} on errors, or the {@code response} of {@code /v1/client}) is applied here, ordered by the
 * response's {@code Date} header so an older snapshot never overwrites a newer one.
 *
 * <p>Thread-safe. Listeners are called with the new client (empty when cleared) under this object's lock, so they
 * see changes in order; they must be quick (post to the FX thread, do not block) and must not call back into this
 * object's mutators.
 */
public final class ClientSync {
  private final List<Consumer<Optional<Client>>> listeners = new CopyOnWriteArrayList<>();
  private Client current;
  private Instant newestServerTime;

  /** Creates an owner with no client. */
  public ClientSync() {}

  /** Returns the current client, if any. */
  public synchronized Optional<Client> current() {
    return Optional.ofNullable(current);
  }

  /** Returns the server time ({@code Date}) of the newest snapshot applied, if known. */
  public synchronized Optional<Instant> newestServerTime() {
    return Optional.ofNullable(newestServerTime);
  }

  /**
   * Applies a snapshot from a response, unless a newer one (by server time) was already applied.
   *
   * @param client the client, or null for an explicit "no client" (signed out, client gone)
   * @param serverTime the response's {@code Date}, or null when absent (then the snapshot is applied)
   * @return true when applied, false when ignored as older
   */
  public synchronized boolean apply(Client client, Instant serverTime) {
    if (serverTime != null && newestServerTime != null && serverTime.isBefore(newestServerTime)) {
      FapiLog.LOG.log(System.Logger.Level.DEBUG, "Ignoring a client snapshot from {0}, older than {1}", serverTime,
          newestServerTime);
      return false;
    }
    if (serverTime != null) newestServerTime = serverTime;
    replace(client);
    return true;
  }

  /**
   * Sets the client regardless of ordering (restoring a stored snapshot at start-up, or a local sign-out).
   * Resets the ordering watermark.
   *
   * @param client the client, or null to clear
   */
  public synchronized void reset(Client client) {
    newestServerTime = null;
    replace(client);
  }

  /**
   * Registers a listener for client changes.
   *
   * @param listener receives the new client (empty when cleared)
   * @return a handle that unregisters the listener
   */
  public Registration addListener(Consumer<Optional<Client>> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> listeners.remove(listener);
  }

  private void replace(Client client) {
    if (Objects.equals(current, client)) return;
    current = client;
    Optional<Client> value = Optional.ofNullable(client);
    for (Consumer<Optional<Client>> l : listeners) {
      try {
        l.accept(value);
      } catch (RuntimeException e) {
        FapiLog.LOG.log(System.Logger.Level.WARNING, "A client listener failed", e);
      }
    }
  }

  @Override
  public synchronized String toString() {
    return "ClientSync[" + (current == null ? "no client" : current.id()) + "]";
  }
}
