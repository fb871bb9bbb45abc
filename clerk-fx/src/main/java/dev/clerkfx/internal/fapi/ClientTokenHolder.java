package dev.clerkfx.internal.fapi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Holds the client token (the long-lived "device token" FAPI sends and rotates in the {@code Authorization} header)
 * and tells listeners when it changes. No I/O: the session manager persists it through a {@code TokenStore} from a
 * listener.
 *
 * <p>Thread-safe. Listeners run on the thread that changed the token (usually an OkHttp thread), after the change,
 * in registration order; they must be quick and must not throw. {@link #toString()} never prints the token.
 */
public final class ClientTokenHolder {
  private final List<Consumer<Optional<String>>> listeners = new CopyOnWriteArrayList<>();
  private String token;

  /** Creates a holder with no token. */
  public ClientTokenHolder() {
    this(null);
  }

  /**
   * Creates a holder with an initial token (loaded from storage), without notifying anyone.
   *
   * @param initial the token, or null/blank for none
   */
  public ClientTokenHolder(String initial) {
    this.token = blankToNull(initial);
  }

  /** Returns the current client token, if one is held. */
  public synchronized Optional<String> current() {
    return Optional.ofNullable(token);
  }

  /**
   * Replaces the token (null or blank clears it) and notifies listeners when it changed.
   *
   * @param newToken the new token, or null/blank to clear
   */
  public void set(String newToken) {
    String value = blankToNull(newToken);
    synchronized (this) {
      if (Objects.equals(token, value)) return;
      token = value;
    }
    notifyListeners(Optional.ofNullable(value));
  }

  /** Clears the token (sign-out, or FAPI sent an empty {@code Authorization} header). */
  public void clear() {
    set(null);
  }

  /**
   * Replaces the token only if the current one is still {@code expected} (Android's guard against a stale response
   * rotating a token that another request or a sign-out has replaced meanwhile).
   *
   * @param expected the token the request was sent with (null = none)
   * @param newToken the rotated token (null/blank clears)
   * @return true when the held token is now {@code newToken}, false when the response was stale
   */
  public boolean compareAndSet(String expected, String newToken) {
    String value = blankToNull(newToken);
    synchronized (this) {
      if (!Objects.equals(token, blankToNull(expected))) return Objects.equals(token, value);
      if (Objects.equals(token, value)) return true;
      token = value;
    }
    notifyListeners(Optional.ofNullable(value));
    return true;
  }

  /**
   * Registers a listener for token changes.
   *
   * @param listener receives the new token (empty when cleared)
   * @return a handle that unregisters the listener
   */
  public Registration addListener(Consumer<Optional<String>> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> listeners.remove(listener);
  }

  private void notifyListeners(Optional<String> value) {
    for (Consumer<Optional<String>> l : listeners) {
      try {
        l.accept(value);
      } catch (RuntimeException e) {
        FapiLog.LOG.log(System.Logger.Level.WARNING, "A client-token listener failed", e);
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Returns {@code ClientTokenHolder[token=<redacted>]} or {@code [no token]}. */
  @Override
  public synchronized String toString() {
    return token == null ? "ClientTokenHolder[no token]" : "ClientTokenHolder[token=<redacted>]";
  }
}
