package dev.clerkfx.browser;

import java.net.URI;
import java.util.Locale;

/**
 * How the browser gets back to the app after a sign-in: a one-shot HTTP listener on {@code
 * 127.0.0.1} ({@link #loopback()}, the default, which works without installing anything) or the
 * app's own URL scheme ({@link #customScheme}, which needs the scheme registered with the OS:
 * {@link UrlSchemeRegistration} does it for the current user, see {@code docs/url-schemes.md}).
 *
 * <pre>{@code
 * RedirectStrategy.loopback(45789, "/sso-callback");   // fixed: allow-list http://127.0.0.1:45789/sso-callback
 * RedirectStrategy.customScheme("com.example.app://callback", handoff);
 * }</pre>
 */
public sealed interface RedirectStrategy {

  /** The default path of the loopback listener. */
  String DEFAULT_PATH = "/sso-callback";

  /**
   * Returns the loopback strategy on a random free port, path {@value #DEFAULT_PATH}. Fine on
   * development instances; production instances pass the sign-in nonce only to allow-listed URLs,
   * so use a fixed port there.
   *
   * @return the strategy
   */
  static RedirectStrategy loopback() {
    return new Loopback(0, DEFAULT_PATH);
  }

  /**
   * Returns the loopback strategy on a fixed port, path {@value #DEFAULT_PATH}.
   *
   * @param port 1–65535
   * @return the strategy
   */
  static RedirectStrategy loopback(int port) {
    return new Loopback(port, DEFAULT_PATH);
  }

  /**
   * Returns the loopback strategy on a fixed port and path.
   *
   * @param port 1–65535, or 0 for a random free port
   * @param path the path, starting with {@code /}
   * @return the strategy
   */
  static RedirectStrategy loopback(int port, String path) {
    return new Loopback(port, path);
  }

  /**
   * Returns the custom-scheme strategy: Clerk redirects to {@code redirectUrl}; the OS hands that
   * URL to the app, and the {@link UrlSchemeHandoff} brings it to the running instance.
   *
   * @param redirectUrl such as {@code com.example.app://callback} (not http or https)
   * @param handoff the hand-off the app claimed at start-up
   * @return the strategy
   */
  static RedirectStrategy customScheme(String redirectUrl, UrlSchemeHandoff handoff) {
    return new CustomScheme(
        URI.create(BrowserSignInOptions.require(redirectUrl, "redirectUrl")), handoff);
  }

  /**
   * A listener on {@code http://127.0.0.1:<port><path>}.
   *
   * @param port the port, 0 for a random free one
   * @param path the path
   */
  record Loopback(int port, String path) implements RedirectStrategy {
    /** Checks the port and path. */
    public Loopback {
      if (port < 0 || port > 65_535)
        throw BrowserSignInOptions.invalid("Port must be 0-65535, was " + port);
      BrowserSignInOptions.require(path, "path");
      if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
        throw BrowserSignInOptions.invalid(
            "The loopback path must start with / and hold no query: " + path);
      }
    }
  }

  /**
   * The app's own URL scheme.
   *
   * @param redirectUrl the redirect URL
   * @param handoff the single-instance hand-off receiving it
   */
  record CustomScheme(URI redirectUrl, UrlSchemeHandoff handoff) implements RedirectStrategy {
    /** Checks that the URL has a scheme other than http or https. */
    public CustomScheme {
      BrowserSignInOptions.require(redirectUrl, "redirectUrl");
      BrowserSignInOptions.require(handoff, "handoff");
      String scheme =
          redirectUrl.getScheme() == null ? "" : redirectUrl.getScheme().toLowerCase(Locale.ROOT);
      if (scheme.isEmpty()
          || scheme.equals("http")
          || scheme.equals("https")
          || redirectUrl.getQuery() != null) {
        throw BrowserSignInOptions.invalid(
            "A custom-scheme redirect URL needs its own scheme and no query, such as "
                + "com.example.app://callback: "
                + redirectUrl);
      }
    }
  }
}
