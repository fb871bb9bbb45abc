package dev.clerkfx;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's one {@link ClerkClient}, reachable from anywhere, with the JavaFX state views in one
 * call.
 *
 * <pre>{@code
 * // at start-up (Application.init or start)
 * ClerkFx.install(ClerkClient.builder(publishableKey).build());
 *
 * // anywhere in the UI
 * greeting.textProperty().bind(ClerkFx.useUser().firstNameProperty());
 * signInButton.visibleProperty().bind(ClerkFx.useAuth().signedInProperty().not());
 *
 * // on exit (Application.stop)
 * ClerkFx.uninstall().ifPresent(ClerkClient::close);
 * }</pre>
 */
public final class ClerkFx {
  private static final AtomicReference<ClerkClient> CLIENT = new AtomicReference<>();

  private ClerkFx() {}

  /**
   * Makes {@code client} the app's client, replacing any earlier one (which is returned, not
   * closed).
   *
   * @param client the client
   * @return the client installed before, if any
   * @throws ClerkUsageException (code {@code invalid_argument}) when {@code client} is null
   */
  public static java.util.Optional<ClerkClient> install(ClerkClient client) {
    if (client == null) {
      throw ClerkUsageException.invalid("ClerkFx.install needs a client, got null");
    }
    return java.util.Optional.ofNullable(CLIENT.getAndSet(client));
  }

  /**
   * Removes the installed client (tests, app exit) without closing it.
   *
   * @return the client that was installed, if any
   */
  public static java.util.Optional<ClerkClient> uninstall() {
    return java.util.Optional.ofNullable(CLIENT.getAndSet(null));
  }

  /**
   * Returns the installed client.
   *
   * @return the client
   * @throws ClerkUsageException (code {@code clerk_not_installed}) when none is installed
   */
  public static ClerkClient client() {
    ClerkClient c = CLIENT.get();
    if (c == null) {
      throw new ClerkUsageException(
          "clerk_not_installed",
          "No ClerkClient is installed: call ClerkFx.install(ClerkClient.builder(key).build()) at start-up");
    }
    return c;
  }

  /** Returns the auth state of the installed client ({@link ClerkClient#auth()}). */
  public static AuthState useAuth() {
    return client().auth();
  }

  /** Returns the user state of the installed client ({@link ClerkClient#user()}). */
  public static UserState useUser() {
    return client().user();
  }
}
