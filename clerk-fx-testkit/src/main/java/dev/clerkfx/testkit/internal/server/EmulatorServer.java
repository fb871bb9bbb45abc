package dev.clerkfx.testkit.internal.server;

import dev.clerkfx.testkit.Fault;
import dev.clerkfx.testkit.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The emulator's HTTP front: a loopback HTTP/1.1 server, parsing, {@code _method} tunnelling, fault
 * injection, routing, Clerk-shaped errors, the {@code Date} header from the emulator clock, and the
 * journal.
 */
public final class EmulatorServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EmulatorServer.class.getName());
  private static final int MAX_BODY = 10 << 20;
  private static final byte[] MALFORMED =
      "{\"response\":{\"object\":\"client\",\"id\":\"client_".getBytes(StandardCharsets.US_ASCII);
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  /** What the server asks of its owner: the clock, faults and the journal. */
  public interface Hooks {
    /**
     * Returns the emulator clock.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * Returns the added latency for a request.
     *
     * @param method the effective method
     * @param path the path
     * @return the latency, zero for none
     */
    Duration latency(String method, String path);

    /**
     * Returns the non-latency fault that fires for a request, if any.
     *
     * @param method the effective method
     * @param path the path
     * @return the fault
     */
    Optional<Fault> fault(String method, String path);

    /**
     * Journals one exchange.
     *
     * @param request the exchange
     */
    void record(RecordedRequest request);
  }

  private final HttpConnectionServer server;
  private final Router router;
  private final Hooks hooks;

  /**
   * Binds the server on 127.0.0.1 (not started yet).
   *
   * @param port the port, 0 for a free one
   * @param router the routes
   * @param hooks the owner's hooks
   * @throws IOException when the port cannot be bound
   */
  public EmulatorServer(int port, Router router, Hooks hooks) throws IOException {
    this.router = router;
    this.hooks = hooks;
    this.server =
        new HttpConnectionServer(
            port,
            new HttpConnectionServer.Exchange() {
              @Override
              public Response handle(HttpConnectionServer.RawRequest request) {
                return EmulatorServer.this.handle(request);
              }

              @Override
              public String date() {
                return HTTP_DATE.format(hooks.clock().instant());
              }
            },
            MAX_BODY);
  }

  /** Starts serving. */
  public void start() {
    server.start();
  }

  /**
   * Returns the bound port.
   *
   * @return the bound port
   */
  public int port() {
    return server.port();
  }

  /** Stops serving and releases the port. */
  @Override
  public void close() {
    server.close();
  }

  private Response handle(HttpConnectionServer.RawRequest raw) {
    Instant received = hooks.clock().instant();
    String wireMethod = raw.method();
    String path = normalize(raw.rawPath());
    Map<String, List<String>> headers = raw.headers();
    Map<String, List<String>> query = new LinkedHashMap<>();
    Map<String, List<String>> form = new LinkedHashMap<>();
    String method = wireMethod;
    Response response;
    try {
      try {
        path = java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        query = Request.parseForm(raw.rawQuery());
      } catch (IllegalArgumentException e) {
        throw Errors.malformedBody("bad percent-encoding in the URL");
      }
      byte[] body = raw.body();
      if (body.length > 0 && isForm(headers)) {
        try {
          form = Request.parseForm(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw Errors.malformedBody(e.getMessage());
        }
      }
      method = tunnelled(wireMethod, query, form);
      Request request =
          new Request(method, wireMethod, path, query, headers, form, raw.remoteHost());
      request.body(body);
      response = dispatch(request);
      if (response == null) {
        hooks.record(
            new RecordedRequest(
                method, wireMethod, path, query, headers, form, 0, Map.of(), "", received));
        return null;
      }
    } catch (FapiException e) {
      response = error(e);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Emulator failed on " + wireMethod + " " + path, e);
      response = error(Errors.internal());
    }
    if (!response.headers().containsKey("Cache-Control")) {
      response.setHeader("Cache-Control", "no-store");
    }
    Map<String, List<String>> sent = lowerCase(response.headers());
    sent.put("date", List.of(HTTP_DATE.format(hooks.clock().instant())));
    hooks.record(
        new RecordedRequest(
            method,
            wireMethod,
            path,
            query,
            headers,
            form,
            response.status(),
            sent,
            new String(response.body(), StandardCharsets.UTF_8),
            received));
    return response;
  }

  /** Returns null when the connection is to be dropped on purpose. */
  private Response dispatch(Request request) {
    Duration latency = hooks.latency(request.method(), request.path());
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Optional<Fault> fault = hooks.fault(request.method(), request.path());
    if (fault.isPresent()) {
      Fault f = fault.get();
      switch (f.effect()) {
        case DROP_CONNECTION:
          return null;
        case MALFORMED_BODY:
          return Response.jsonBytes(200, MALFORMED.clone());
        case RATE_LIMITED:
          long secs = Math.max(1, (f.retryAfter().toMillis() + 999) / 1000);
          throw Errors.tooManyRequests(secs);
        case STATUS:
          throw Errors.forStatus(f.status());
        default:
          break;
      }
    }
    Router.Match match = router.route(request);
    if (match.handler() == null) {
      if (!match.allowed().isEmpty()) {
        throw new FapiException(
                405,
                "method_not_allowed",
                "Method not allowed",
                request.method() + " is not allowed on " + request.path())
            .header("Allow", String.join(", ", match.allowed()));
      }
      throw new FapiException(
          404,
          "resource_not_found",
          "not found",
          "The requested resource " + request.path() + " was not found");
    }
    return match.handler().handle(request);
  }

  private static String tunnelled(
      String wireMethod, Map<String, List<String>> query, Map<String, List<String>> form) {
    if ("HEAD".equals(wireMethod)) {
      return "GET"; // answered like GET; the connection layer leaves the body out
    }
    if (!"POST".equals(wireMethod)) {
      return wireMethod;
    }
    List<String> m = form.get("_method");
    if (m == null || m.isEmpty()) {
      m = query.get("_method");
    }
    if (m == null || m.isEmpty() || m.get(0).isBlank()) {
      return wireMethod;
    }
    String v = m.get(0).trim().toUpperCase(Locale.ROOT);
    return switch (v) {
      case "GET", "PUT", "PATCH", "DELETE", "POST" -> v;
      default ->
          throw Errors.paramValue(
              "_method", "_method must be one of GET, PUT, PATCH, DELETE, POST.");
    };
  }

  private static boolean isForm(Map<String, List<String>> headers) {
    List<String> ct = headers.get("content-type");
    if (ct == null || ct.isEmpty()) {
      return true;
    }
    String v = ct.get(0).toLowerCase(Locale.ROOT);
    return v.startsWith("application/x-www-form-urlencoded") || v.startsWith("text/plain");
  }

  private Response error(FapiException e) {
    String trace =
        Long.toHexString(ThreadLocalRandom.current().nextLong())
            + Long.toHexString(ThreadLocalRandom.current().nextLong());
    Response r = Response.json(e.status(), e.body(trace));
    e.headers().forEach(r::setHeader);
    return r;
  }

  private static String normalize(String rawPath) {
    String p = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> in) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    in.forEach(
        (k, v) ->
            out.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
    return out;
  }
}
