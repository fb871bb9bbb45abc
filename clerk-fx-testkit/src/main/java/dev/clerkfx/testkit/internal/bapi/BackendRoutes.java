package dev.clerkfx.testkit.internal.bapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clerkfx.testkit.internal.fapi.Render;
import dev.clerkfx.testkit.internal.fapi.TokenService;
import dev.clerkfx.testkit.internal.server.Errors;
import dev.clerkfx.testkit.internal.server.FapiException;
import dev.clerkfx.testkit.internal.server.Json;
import dev.clerkfx.testkit.internal.server.Request;
import dev.clerkfx.testkit.internal.server.Response;
import dev.clerkfx.testkit.internal.server.Router;
import dev.clerkfx.testkit.internal.state.Records;
import dev.clerkfx.testkit.internal.state.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A Backend API subset under {@code Authorization: Bearer sk_test_…}, on the same port as the FAPI:
 * {@code GET /v1/users/{id}}, {@code GET /v1/users}, {@code GET
 * /v1/sessions?user_id=&client_id=&status=}, {@code GET /v1/sessions/{id}}, {@code POST
 * /v1/sessions/{id}/revoke}, {@code GET /v1/jwks}. A missing or wrong key answers 401 {@code
 * authentication_invalid}.
 */
public final class BackendRoutes {
  private final Store store;
  private final Render render;
  private final TokenService tokens;
  private final byte[] secretKey;

  /**
   * Makes the routes.
   *
   * @param store the state
   * @param render the FAPI renderer (users are rendered alike, plus {@code private_metadata})
   * @param tokens token service (JWKS)
   * @param secretKey the instance's secret key
   */
  public BackendRoutes(Store store, Render render, TokenService tokens, String secretKey) {
    this.store = store;
    this.render = render;
    this.tokens = tokens;
    this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Registers the routes.
   *
   * @param router the router
   */
  public void register(Router router) {
    router.add("GET", "/v1/users/{id}", guarded(this::user));
    router.add("GET", "/v1/users", guarded(this::users));
    router.add("GET", "/v1/sessions", guarded(this::sessions));
    router.add("GET", "/v1/sessions/{id}", guarded(this::session));
    router.add("POST", "/v1/sessions/{id}/revoke", guarded(this::revoke));
    router.add(
        "GET",
        "/v1/jwks",
        guarded(r -> Response.jsonBytes(200, tokens.jwksJson().getBytes(StandardCharsets.UTF_8))));
  }

  private Router.Handler guarded(Router.Handler h) {
    return r -> {
      String auth = r.header("authorization").orElse("").trim();
      String key = auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : "";
      if (key.isEmpty()
          || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), secretKey)) {
        throw new FapiException(
            401,
            "authentication_invalid",
            "Invalid authentication",
            "Unable to authenticate the request: send the instance's secret key as 'Authorization: Bearer sk_…'.");
      }
      return h.handle(r);
    };
  }

  private ObjectNode userJson(Records.User u) {
    ObjectNode o = render.user(u);
    o.set(
        "private_metadata",
        u.privateMetadata == null ? Json.object() : u.privateMetadata.deepCopy());
    return o;
  }

  private Response user(Request r) {
    return store.locked(
        () -> {
          Records.User u = store.users.get(r.pathParam("id"));
          if (u == null || u.deleted) {
            throw Errors.notFound("User");
          }
          return Response.json(200, userJson(u));
        });
  }

  private Response users(Request r) {
    return store.locked(
        () -> {
          ArrayNode out = Json.array();
          store.users.values().stream().filter(u -> !u.deleted).forEach(u -> out.add(userJson(u)));
          return Response.json(200, out);
        });
  }

  private ObjectNode sessionJson(Records.Session s) {
    ObjectNode o = Json.object();
    o.put("object", "session");
    o.put("id", s.id);
    o.put("client_id", s.clientId);
    o.put("user_id", s.userId);
    o.put("status", store.status(s));
    o.put("last_active_at", s.lastActiveAt);
    o.put("last_active_organization_id", s.activeOrganizationId);
    o.putNull("actor");
    o.put("expire_at", s.expireAt);
    o.put("abandon_at", s.abandonAt);
    o.put("created_at", s.createdAt);
    o.put("updated_at", s.updatedAt);
    return o;
  }

  private Response sessions(Request r) {
    Optional<String> userId = r.nonBlank("user_id");
    Optional<String> clientId = r.nonBlank("client_id");
    Optional<String> status = r.nonBlank("status");
    if (userId.isEmpty() && clientId.isEmpty()) {
      throw new FapiException(
              422, "form_param_missing", "is missing", "Either user_id or client_id must be given.")
          .param("user_id");
    }
    return store.locked(
        () -> {
          ArrayNode out = Json.array();
          store.sessions.values().stream()
              .filter(s -> userId.map(s.userId::equals).orElse(true))
              .filter(s -> clientId.map(s.clientId::equals).orElse(true))
              .filter(s -> status.map(x -> x.equals(store.status(s))).orElse(true))
              .sorted((a, b) -> Long.compare(b.createdAt, a.createdAt))
              .forEach(s -> out.add(sessionJson(s)));
          return Response.json(200, out);
        });
  }

  private Records.Session find(Request r) {
    Records.Session s = store.sessions.get(r.pathParam("id"));
    if (s == null) {
      throw Errors.notFound("Session");
    }
    return s;
  }

  private Response session(Request r) {
    return store.locked(() -> Response.json(200, sessionJson(find(r))));
  }

  private Response revoke(Request r) {
    return store.locked(
        () -> {
          Records.Session s = find(r);
          store.endSession(s, "revoked");
          return Response.json(200, sessionJson(s));
        });
  }
}
