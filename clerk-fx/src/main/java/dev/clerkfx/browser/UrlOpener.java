package dev.clerkfx.browser;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Opens a URL in the user's browser. clerk-fx only ever hands it {@code http} or {@code https}
 * URLs. Called on a clerk-fx background thread (never the FX Application Thread), so an
 * implementation may block briefly.
 *
 * <pre>{@code
 * ClerkClient.builder(pk).browserSignIn(BrowserSignInOptions.builder()
 *     .opener(url -> hostServices.showDocument(url.toString()))   // JavaFX HostServices
 *     .build());
 * }</pre>
 *
 * <p>When opening fails, the flow keeps waiting: show the URL (see {@link
 * BrowserSignInOptions.Builder#onUrl}) so the user can open it by hand.
 */
@FunctionalInterface
public interface UrlOpener {

  /**
   * Opens the URL.
   *
   * @param url an {@code http} or {@code https} URL
   * @throws IOException when no browser could be started
   */
  void open(URI url) throws IOException;

  /**
   * Returns the default opener: {@link Desktop#browse(URI)} where the desktop supports it,
   * otherwise the platform's command ({@code xdg-open} on Linux and BSD, {@code open} on macOS,
   * {@code rundll32 url.dll,FileProtocolHandler} on Windows), with the URL passed as a single
   * argument, never through a shell.
   *
   * @return the system opener
   */
  static UrlOpener system() {
    return url -> {
      try {
        if (Desktop.isDesktopSupported()
            && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
          Desktop.getDesktop().browse(url);
          return;
        }
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // fall through to the platform command (Desktop.browse is missing on some Linux desktops)
      }
      String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      List<String> command =
          os.contains("win")
              ? List.of("rundll32", "url.dll,FileProtocolHandler", url.toString())
              : os.contains("mac")
                  ? List.of("open", url.toString())
                  : List.of("xdg-open", url.toString());
      new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    };
  }
}
