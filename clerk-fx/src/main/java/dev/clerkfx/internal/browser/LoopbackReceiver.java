package dev.clerkfx.internal.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clerkfx.browser.BrowserSignInException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The loopback redirect (RFC 8252 §7.3): an HTTP listener bound to {@code 127.0.0.1} only. The
 * first GET on the path whose {@code state} matches completes the flow and gets a small completion
 * page (or a redirect to the app's page); a wrong path answers 404, a wrong or missing state 400, a
 * repeat 410, and none of them affects the flow.
 */
final class LoopbackReceiver implements CallbackReceiver {
  private static final System.Logger LOG = System.getLogger("dev.clerkfx.browser");
  private final HttpServer server;
  private final ExecutorService executor;
  private final String path;
  private final String state;
  private final URI completionUrl;
  private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
  private final AtomicBoolean used = new AtomicBoolean();
  private volatile boolean closed;

  private LoopbackReceiver(
      HttpServer server, ExecutorService executor, String path, String state, URI completionUrl) {
    this.server = server;
    this.executor = executor;
    this.path = path;
    this.state = state;
    this.completionUrl = completionUrl;
  }

  /**
   * Binds and starts the listener.
   *
   * @param port a fixed port, or 0 for a free one
   * @param path the callback path
   * @param state the flow's state
   * @param completionUrl where to send the browser afterwards, or null for the built-in page
   * @return the running receiver
   * @throws BrowserSignInException {@link BrowserSignInException#PORT_IN_USE} when the fixed port
   *     is taken
   */
  static LoopbackReceiver start(int port, String path, String state, URI completionUrl) {
    HttpServer server;
    try {
      server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 0);
    } catch (BindException e) {
      throw new BrowserSignInException(
          BrowserSignInException.PORT_IN_USE,
          "Port "
              + port
              + " on 127.0.0.1 is in use "
              + "by another program, so the sign-in redirect cannot be received; close it or configure another port",
          e);
    } catch (IOException e) {
      throw new BrowserSignInException(
          BrowserSignInException.PORT_IN_USE,
          "Could not listen on 127.0.0.1:" + port + " for the sign-in redirect: " + e.getMessage(),
          e);
    }
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "clerk-fx-loopback-redirect");
              t.setDaemon(true);
              return t;
            });
    LoopbackReceiver receiver = new LoopbackReceiver(server, executor, path, state, completionUrl);
    server.createContext("/", receiver::handle);
    server.setExecutor(executor);
    server.start();
    return receiver;
  }

  /** Returns the bound address (always 127.0.0.1). */
  InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public URI redirectUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Override
  public URI redirectUrlWithState() {
    return URI.create(redirectUrl() + "?state=" + Queries.encode(state));
  }

  @Override
  public CompletableFuture<Map<String, String>> callback() {
    return callback;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod()) || !path.equals(ex.getRequestURI().getPath())) {
        respond(ex, 404, "Not found", "This address only receives the sign-in redirect.");
        return;
      }
      Map<String, String> q = Queries.parse(ex.getRequestURI().getRawQuery());
      if (!state.equals(q.get("state"))) {
        LOG.log(
            System.Logger.Level.WARNING,
            "Ignored a sign-in redirect whose state does not match the flow");
        respond(
            ex,
            400,
            "Sign-in not recognised",
            "This sign-in was not started by the app, or is outdated.");
        return;
      }
      if (closed) {
        respond(
            ex,
            410,
            "Sign-in cancelled",
            "The app stopped waiting for this sign-in. Start again from the app.");
        return;
      }
      if (!used.compareAndSet(false, true)) {
        respond(
            ex,
            410,
            "Already used",
            "This sign-in already returned to the app. You can close this tab.");
        return;
      }
      if (completionUrl != null) {
        ex.getResponseHeaders().set("Location", completionUrl.toString());
        ex.sendResponseHeaders(302, -1);
      } else {
        respond(
            ex, 200, "You're all set", "Return to the app to continue. You can close this tab.");
      }
      // complete off the listener's thread: the flow goes on to redeem the nonce and then closes
      // this listener
      CompletableFuture.runAsync(() -> callback.complete(q));
    }
  }

  private static void respond(HttpExchange ex, int status, String title, String text)
      throws IOException {
    byte[] body = page(title, text).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static String page(String title, String text) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title>"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>"
        + "body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;"
        + "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#f7f7f8;color:#212126}"
        + ".card{background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08);padding:2.5rem 3rem;"
        + "max-width:26rem;text-align:center}h1{font-size:1.35rem;margin:0 0 .75rem}p{margin:0;color:#5e5f6e}"
        + "</style></head><body><main class=\"card\"><h1>"
        + title
        + "</h1><p>"
        + text
        + "</p></main></body></html>";
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    executor.shutdownNow();
  }
}
