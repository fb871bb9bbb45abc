package dev.clerkfx.sample.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The server half of clerk-fx's {@code getToken()}: a small HTTP API on {@code 127.0.0.1} that
 * accepts only requests carrying {@code Authorization: Bearer <Clerk session token>}, verified with
 * Clerk's Java backend SDK.
 *
 * <ul>
 *   <li>{@code GET /api/me} answers like {@code getAuth(req)}: {@code
 *       {"userId","sessionId","sessionStatus","orgId","orgSlug","orgRole","orgPermissions"}};
 *   <li>{@code GET /api/profile} answers like {@code currentUser()}: the user as the Backend API
 *       returns it (needs the secret key; 501 without it);
 *   <li>anything not signed in — no token, a malformed, expired, tampered or foreign token, a wrong
 *       authorized party, a pending session — gets 401 {@code {"error":"<code>","message":"…"}} and
 *       {@code WWW-Authenticate: Bearer error="invalid_token"}.
 * </ul>
 *
 * <pre>{@code
 * try (SampleBackend api = SampleBackend.start(BackendConfig.fromEnvironment(System.getenv()))) {
 *   URI me = api.uri("/api/me");   // http://127.0.0.1:<port>/api/me
 * }
 * }</pre>
 *
 * <p>A session revoked in Clerk keeps passing networkless verification until its current token
 * expires (one token lifetime, 60 s by default); after that the client cannot get a new token and
 * the API answers 401.
 */
public final class SampleBackend implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SampleBackend.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BEARER = "Bearer ";

  private final BackendConfig config;
  private final HttpClient http;
  private final SessionVerifier verifier;
  private final HttpServer server;
  private final ExecutorService executor;

  private SampleBackend(BackendConfig config) throws IOException {
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.verifier = new SessionVerifier(config, http);
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "sample-backend");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/api/me", exchange -> handle(exchange, this::me));
    server.createContext("/api/profile", exchange -> handle(exchange, this::profile));
    server.start();
  }

  /**
   * Starts the API on {@code 127.0.0.1}.
   *
   * @param config the settings
   * @return the running server
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static SampleBackend start(BackendConfig config) {
    try {
      return new SampleBackend(config);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not listen on 127.0.0.1:" + config.port(), e);
    }
  }

  /**
   * Returns the URL of a path on this server.
   *
   * @param path {@code /api/me} or {@code /api/profile}
   * @return {@code http://127.0.0.1:<port><path>}
   */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private interface Route {
    void answer(HttpExchange exchange, Auth auth) throws IOException, AuthFailure;
  }

  private void handle(HttpExchange exchange, Route route) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, error("method-not-allowed", "Use GET."));
        return;
      }
      try {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null
            || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
          throw new AuthFailure(
              "token-missing", "Send the session token as 'Authorization: Bearer <token>'.");
        }
        route.answer(exchange, verifier.verify(authorization.substring(BEARER.length()).strip()));
      } catch (AuthFailure e) {
        LOG.log(Level.DEBUG, "sample backend: not signed in ({0})", e.code());
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        send(exchange, 401, error(e.code(), e.getMessage()));
      }
    }
  }

  private void me(HttpExchange exchange, Auth auth) throws IOException {
    send(exchange, 200, JSON.valueToTree(auth));
  }

  private void profile(HttpExchange exchange, Auth auth) throws IOException {
    if (config.secretKey().isEmpty()) {
      send(
          exchange,
          501,
          error(
              "secret-key-missing",
              "Reading the user needs the Backend API: set "
                  + BackendConfig.SECRET_KEY_VARIABLE
                  + "."));
      return;
    }
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    config.apiUrl()
                        + "/v1/users/"
                        + URLEncoder.encode(auth.userId(), StandardCharsets.UTF_8)))
            .header("Authorization", BEARER + config.secretKey().get())
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        send(exchange, 200, JSON.readTree(response.body()));
      } else {
        send(
            exchange,
            502,
            error("backend-api-error", "The Backend API answered " + response.statusCode() + "."));
      }
    } catch (IOException e) {
      send(
          exchange, 502, error("backend-api-unreachable", "The Backend API could not be reached."));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(exchange, 503, error("interrupted", "The server is stopping."));
    }
  }

  private static ObjectNode error(String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", code);
    body.put("message", message);
    return body;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
