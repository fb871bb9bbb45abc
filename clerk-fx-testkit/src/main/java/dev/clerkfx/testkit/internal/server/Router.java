package dev.clerkfx.testkit.internal.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps (method, path pattern) to handlers; patterns use {@code {name}} for one path segment. */
public final class Router {
  /** Handles one routed request. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Answers a request.
     *
     * @param request the request, with path parameters set
     * @return the response
     */
    Response handle(Request request);
  }

  @SuppressWarnings("ArrayRecordComponent") // a routing-table entry; never compared or hashed
  private record Route(String method, String[] segments, Handler handler) {}

  /** The outcome of routing: a handler, or the methods allowed on a known path. */
  public record Match(Handler handler, Set<String> allowed) {}

  private final List<Route> routes = new ArrayList<>();

  /**
   * Adds a route.
   *
   * @param method the method (upper case)
   * @param pattern the path pattern, such as {@code /v1/client/sign_ins/{id}}
   * @param handler the handler
   * @return this
   */
  public Router add(String method, String pattern, Handler handler) {
    routes.add(new Route(method, split(pattern), handler));
    return this;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }

  /**
   * Finds the handler for a request and sets its path parameters.
   *
   * @param request the request
   * @return the match; {@code handler} is null when no route matched
   */
  public Match route(Request request) {
    String[] parts = split(request.path());
    Set<String> allowed = new LinkedHashSet<>();
    for (Route r : routes) {
      Map<String, String> params = match(r.segments, parts);
      if (params == null) {
        continue;
      }
      if (r.method.equals(request.method())) {
        request.pathParams(params);
        return new Match(r.handler, Set.of());
      }
      allowed.add(r.method);
    }
    return new Match(null, allowed);
  }

  private static Map<String, String> match(String[] pattern, String[] parts) {
    if (pattern.length != parts.length) {
      return null;
    }
    Map<String, String> params = null;
    for (int i = 0; i < pattern.length; i++) {
      String seg = pattern[i];
      if (seg.startsWith("{") && seg.endsWith("}")) {
        if (parts[i].isEmpty()) {
          return null;
        }
        if (params == null) {
          params = new LinkedHashMap<>();
        }
        params.put(seg.substring(1, seg.length() - 1), parts[i]);
      } else if (!seg.equals(parts[i])) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }
}
