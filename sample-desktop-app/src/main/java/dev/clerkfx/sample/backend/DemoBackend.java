package dev.clerkfx.sample.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clerkfx.ClerkConfigurationException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny protected API for the sample, on {@code 127.0.0.1} and a random port: {@code GET /api/hello} answers
 * {@code {"message":"Hello, <user id>","session":"<session id>"}} when the request carries
 * {@code Authorization: Bearer <Clerk session token>} that verifies against the instance's JWKS, and 401 otherwise.
 *
 * <pre>{@code
 * try (DemoBackend api = DemoBackend.start(publishableKey.frontendApiUrl())) {
 *   URI hello = api.helloUri();   // http://127.0.0.1:<port>/api/hello
 * }
 * }</pre>
 * It stands in for the app's own server: a real backend would use Clerk's backend SDK or any JWT library the same way.
 */
public final class DemoBackend implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DemoBackend.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BEARER = "Bearer ";

  private final SessionTokenVerifier verifier;
  private final HttpServer server;
  private final ExecutorService executor;

  private DemoBackend(SessionTokenVerifier verifier) throws IOException {
    this.verifier = verifier;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "demo-backend");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/api/hello", this::hello);
    server.start();
  }

  /**
   * Starts the demo API for a Clerk instance, judging token times by the system clock.
   *
   * @param frontendApiUrl the instance's Frontend API URL (the tokens' issuer; the JWKS is read from there)
   * @return the running server
   * @throws dev.clerkfx.ClerkConfigurationException if {@code frontendApiUrl} is missing or not a URL
   * @throws UncheckedIOException if no loopback port can be bound
   */
  public static DemoBackend start(String frontendApiUrl) {
    return start(frontendApiUrl, Clock.systemUTC());
  }

  /**
   * Starts the demo API for a Clerk instance, judging token times by {@code clock} (tests hand in the emulator's).
   *
   * @param frontendApiUrl the instance's Frontend API URL (the tokens' issuer; the JWKS is read from there)
   * @param clock the clock {@code exp} and {@code nbf} are checked against
   * @return the running server
   * @throws dev.clerkfx.ClerkConfigurationException if {@code frontendApiUrl} is missing or not a URL
   * @throws UncheckedIOException if no loopback port can be bound
   */
  public static DemoBackend start(String frontendApiUrl, Clock clock) {
    if (clock == null) {
      throw new ClerkConfigurationException("invalid_clock", "The demo backend needs a clock, got null");
    }
    try {
      return new DemoBackend(new SessionTokenVerifier(frontendApiUrl, clock));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the demo backend on 127.0.0.1", e);
    }
  }

  /**
   * Returns the URL of the protected endpoint.
   *
   * @return {@code http://127.0.0.1:<port>/api/hello}
   */
  public URI helloUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/hello");
  }

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void hello(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, Map.of("error", "method not allowed"));
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization == null || !authorization.startsWith(BEARER)) {
        unauthorized(exchange, "missing bearer token");
        return;
      }
      try {
        SessionTokenVerifier.Verified who = verifier.verify(authorization.substring(BEARER.length()).trim());
        send(exchange, 200, Map.of("message", "Hello, " + who.userId(), "session", who.sessionId()));
      } catch (SessionTokenVerifier.InvalidTokenException e) {
        LOG.log(Level.DEBUG, "demo backend refused a token: {0}", e.getMessage());
        unauthorized(exchange, e.getMessage());
      }
    }
  }

  private static void unauthorized(HttpExchange exchange, String why) throws IOException {
    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    send(exchange, 401, Map.of("error", why));
  }

  private static void send(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
