package dev.clerkfx.browser;

import dev.clerkfx.internal.handoff.HandoffServer;
import dev.clerkfx.internal.store.StoreLocations;
import java.awt.Desktop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Makes the app a single instance so a custom-scheme redirect reaches the window that started the
 * sign-in. On Windows and Linux the OS starts a new process with the URL as an argument; call
 * {@link #claim} first thing in {@code main}: the first instance gets the hand-off, a later one
 * forwards its arguments to it over loopback (with a secret only the user's account can read) and
 * should exit. A URL that arrives before any flow waits for it (a cold start) is kept until one
 * asks; a flow accepts only a URL whose scheme, host and path match its redirect URL and whose
 * {@code state} is its own.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   Optional<UrlSchemeHandoff> handoff = UrlSchemeHandoff.claim("com.example.app", args);
 *   if (handoff.isEmpty()) return;                  // forwarded to the running instance
 *   ClerkClient.builder(pk).browserSignIn(BrowserSignInOptions.builder()
 *       .redirect(RedirectStrategy.customScheme("com.example.app://callback", handoff.get())).build());
 * }
 * }</pre>
 *
 * <p>The OS starts the app for the scheme once it is registered: {@link UrlSchemeRegistration} does
 * that for the current user.
 *
 * <p>On macOS the URL arrives as an "open URI" event instead: {@link #claim} installs a {@code
 * Desktop} handler when the platform offers one; apps with their own handler pass URLs to {@link
 * #deliver(String)}.
 */
public final class UrlSchemeHandoff implements AutoCloseable {
  private final HandoffServer server;

  private UrlSchemeHandoff(HandoffServer server) {
    this.server = server;
  }

  static {
    HandoffServer.Access.set(UrlSchemeHandoff.class, h -> h.server);
  }

  /**
   * Claims the single-instance hand-off for an app, in its clerk-fx config folder.
   *
   * @param appId the app's id (letters, digits, dots, dashes, underscores), as for {@code
   *     ClerkClient.Builder.appId}
   * @param args the process arguments (URLs among them are delivered)
   * @return the hand-off in the first instance; empty when the arguments were forwarded to a
   *     running instance
   * @throws UncheckedIOException when neither claiming nor forwarding works
   */
  public static Optional<UrlSchemeHandoff> claim(String appId, String... args) {
    return claim(
        StoreLocations.appDirectory(StoreLocations.requireValidAppId(appId)).resolve("handoff"),
        args);
  }

  /**
   * Claims the hand-off in a given folder (two processes of one app must name the same folder).
   *
   * @param directory the folder for the lock and port files
   * @param args the process arguments
   * @return the hand-off, or empty when forwarded
   * @throws UncheckedIOException when neither claiming nor forwarding works
   */
  public static Optional<UrlSchemeHandoff> claim(Path directory, String... args) {
    BrowserSignInOptions.require(directory, "directory");
    try {
      Optional<UrlSchemeHandoff> claimed =
          HandoffServer.claim(directory, List.of(args)).map(UrlSchemeHandoff::new);
      claimed.ifPresent(UrlSchemeHandoff::installOpenUriHandler);
      return claimed;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not claim or forward the URL-scheme hand-off in " + directory, e);
    }
  }

  /**
   * On macOS the URL of a running app arrives as an Apple event: route it here when the platform
   * offers that.
   */
  private void installOpenUriHandler() {
    try {
      if (Desktop.isDesktopSupported()
          && Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_URI)) {
        Desktop.getDesktop().setOpenURIHandler(event -> server.deliver(event.getURI()));
      }
    } catch (UnsupportedOperationException | SecurityException e) { // HeadlessException included
      // no such event on this platform: URLs arrive as process arguments and are forwarded
    }
  }

  /**
   * Delivers a URL the app received by other means (a macOS open-URI handler of its own).
   *
   * @param url the URL
   */
  public void deliver(String url) {
    server.deliver(URI.create(url));
  }

  /** Returns the loopback port other instances forward to. */
  public int port() {
    return server.port();
  }

  /** Stops listening and releases the single-instance lock. */
  @Override
  public void close() {
    server.close();
  }
}
