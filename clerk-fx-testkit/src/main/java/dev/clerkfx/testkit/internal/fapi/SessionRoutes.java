package dev.clerkfx.testkit.internal.fapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clerkfx.testkit.internal.server.Errors;
import dev.clerkfx.testkit.internal.server.FapiException;
import dev.clerkfx.testkit.internal.server.Json;
import dev.clerkfx.testkit.internal.server.Request;
import dev.clerkfx.testkit.internal.server.Response;
import dev.clerkfx.testkit.internal.server.Router;
import dev.clerkfx.testkit.internal.state.Records;
import dev.clerkfx.testkit.internal.token.SessionTokenRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions (get, touch, end, remove, sign out all), session tokens (plain and JWT templates) and
 * {@code /v1/me}.
 *
 * <p>A token request for a session this client does not hold answers 404 {@code
 * resource_not_found}; for a held session that is no longer active it answers 401 with {@code
 * session_<status>} ({@code session_revoked}, {@code session_ended}, {@code session_removed},
 * {@code session_expired}; abandoned sessions report {@code session_expired}), the codes the native
 * SDKs treat as "this session is gone".
 */
final class SessionRoutes {
  private final Fapi fapi;

  SessionRoutes(Fapi fapi) {
    this.fapi = fapi;
  }

  void register(Router router) {
    router.add("GET", "/v1/client/sessions/{sid}", this::get);
    router.add("POST", "/v1/client/sessions/{sid}/touch", this::touch);
    router.add("POST", "/v1/client/sessions/{sid}/end", r -> finish(r, "ended"));
    router.add("POST", "/v1/client/sessions/{sid}/remove", r -> finish(r, "removed"));
    router.add("DELETE", "/v1/client/sessions", this::signOutAll);
    router.add("POST", "/v1/client/sessions/{sid}/tokens", r -> token(r, null));
    router.add(
        "POST",
        "/v1/client/sessions/{sid}/tokens/{template}",
        r -> token(r, r.pathParam("template")));
    router.add("GET", "/v1/me", this::me);
    router.add("PATCH", "/v1/me", this::patchMe);
    router.add("DELETE", "/v1/me", this::deleteMe);
    router.add("GET", "/v1/me/sessions/active", this::activeSessions);
    router.add("POST", "/v1/me/sessions/{sid}/revoke", this::revoke);
  }

  private Records.Session held(Request r, Records.Client c) {
    Records.Session s = fapi.store.sessions.get(r.pathParam("sid"));
    if (s == null || !s.clientId.equals(c.id)) {
      throw Errors.notFound("Session");
    }
    return s;
  }

  static FapiException sessionGone(String status) {
    String code = "abandoned".equals(status) ? "session_expired" : "session_" + status;
    String what =
        switch (status) {
          case "revoked" -> "This session has been revoked.";
          case "ended" -> "This session has ended (signed out).";
          case "removed" -> "This session was removed from the client.";
          default -> "This session has expired.";
        };
    return new FapiException(
        401,
        code,
        "Session " + ("abandoned".equals(status) ? "expired" : status),
        what + " Sign in again to continue.");
  }

  private Response get(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          return Fapi.ok(fapi.render.wrap(fapi.render.session(held(r, c)), c), null);
        });
  }

  private Response touch(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.Session s = held(r, c);
          String st = fapi.store.status(s);
          if (!"active".equals(st)) {
            throw sessionGone(st);
          }
          Optional<String> org = r.param("active_organization_id");
          if (org.isPresent()) {
            setOrganization(s, org.get());
            if (s.activeOrganizationId != null) {
              fapi.store.completeTask(s, "choose-organization");
            }
          }
          long now = fapi.store.now();
          s.lastActiveAt = now;
          s.updatedAt = now;
          c.lastActiveSessionId = s.id;
          c.updatedAt = now;
          return Fapi.ok(fapi.render.wrap(fapi.render.session(s), c), null);
        });
  }

  /**
   * Sets the session's active organization: empty = personal account; otherwise an id or slug of a
   * membership.
   */
  private void setOrganization(Records.Session s, String idOrSlug) {
    if (idOrSlug.isBlank()) {
      s.activeOrganizationId = null;
      return;
    }
    Records.User u = fapi.user(s.userId);
    Records.Organization org =
        fapi.store
            .organization(idOrSlug.trim())
            .filter(o -> u.memberships.stream().anyMatch(m -> m.organizationId.equals(o.id)))
            .orElseThrow(
                () ->
                    new FapiException(
                            404,
                            "resource_not_found",
                            "not found",
                            "The user is not a member of organization " + idOrSlug + ".")
                        .param("organization_id"));
    s.activeOrganizationId = org.id;
  }

  private Response finish(Request r, String status) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.Session s = held(r, c);
          fapi.store.endSession(s, status);
          return Fapi.ok(fapi.render.wrap(fapi.render.session(s), c), null);
        });
  }

  private Response signOutAll(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          for (Records.Session s : List.copyOf(fapi.store.sessionsOf(c))) {
            fapi.store.endSession(s, "removed");
          }
          c.lastActiveSessionId = null;
          c.signInId = null;
          c.signUpId = null;
          c.updatedAt = fapi.store.now();
          ObjectNode client = fapi.render.client(c);
          ObjectNode body = Json.object();
          body.set("response", client);
          body.set("client", client);
          return Fapi.ok(body, null);
        });
  }

  // ---------------------------------------------------------------- tokens (the hot path)

  private record Minting(
      TokenService.SessionClaims claims,
      Records.Session session,
      Map<String, Object> user,
      Map<String, Object> org) {}

  /**
   * Builds what a token for a session needs (claims, and for templates the user and organization
   * attributes).
   */
  private Minting minting(Records.Session s, String template, String origin) {
    Records.User u = fapi.user(s.userId);
    String orgSlug = null;
    String role = null;
    List<String> perms = List.of();
    Map<String, Object> orgAttrs = null;
    if (s.activeOrganizationId != null) {
      Records.Organization o = fapi.store.organizations.get(s.activeOrganizationId);
      Records.Membership ms =
          u.memberships.stream()
              .filter(x -> x.organizationId.equals(s.activeOrganizationId))
              .findFirst()
              .orElse(null);
      if (o == null || ms == null) {
        s.activeOrganizationId = null;
      } else {
        orgSlug = o.slug;
        role = ms.role;
        perms = o.roles.getOrDefault(ms.role, List.of());
        if (template != null) {
          orgAttrs = new LinkedHashMap<>();
          orgAttrs.put("id", o.id);
          orgAttrs.put("name", o.name);
          orgAttrs.put("slug", o.slug);
          orgAttrs.put("role", ms.role);
          orgAttrs.put("public_metadata", Map.of());
        }
      }
    }
    TokenService.SessionClaims claims =
        new TokenService.SessionClaims(
            s.id,
            s.userId,
            s.pending || !s.tasks.isEmpty()
                ? SessionTokenRequest.PENDING
                : SessionTokenRequest.ACTIVE,
            fapi.render.ageMinutes(s.firstFactorAt),
            fapi.render.ageMinutes(s.secondFactorAt),
            s.activeOrganizationId,
            orgSlug,
            role,
            perms,
            origin);
    return new Minting(
        claims, s, template == null ? null : fapi.render.userAttributes(u), orgAttrs);
  }

  /**
   * Mints a session token for a session that has just been created and keeps it as its {@code
   * last_active_token}, as real FAPI does: the client a completed sign-in or sign-up returns
   * already carries a usable token. Call with the store's lock held.
   *
   * @param s the new session
   */
  void seedLastActiveToken(Records.Session s) {
    s.lastActiveToken = fapi.tokens.mintSessionToken(minting(s, null, null).claims());
  }

  private Response token(Request r, String template) {
    Minting m =
        fapi.store.locked(
            () -> {
              Records.Client c = fapi.requireClient(r);
              Records.Session s = held(r, c);
              String st = fapi.store.status(s);
              if (!"active".equals(st)) {
                throw sessionGone(st);
              }
              if (template == null) {
                Optional<String> org = r.param("organization_id");
                if (org.isPresent()) {
                  setOrganization(s, org.get());
                }
              }
              return minting(s, template, r.header("origin").orElse(null));
            });
    String jwt;
    if (template == null) {
      jwt = fapi.tokens.mintSessionToken(m.claims());
      m.session().lastActiveToken = jwt;
    } else {
      jwt = fapi.tokens.mintTemplateToken(template, m.claims(), m.user(), m.org());
      if (jwt == null) {
        throw new FapiException(
            404,
            "resource_not_found",
            "not found",
            "No JWT template exists with name: " + template);
      }
    }
    return Response.json(200, Render.token(jwt));
  }

  // ---------------------------------------------------------------- /v1/me

  private Records.Session meSession(Request r, Records.Client c) {
    return fapi.meSession(r, c);
  }

  private Response me(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.User u = fapi.user(meSession(r, c).userId);
          return Fapi.ok(fapi.render.wrap(fapi.render.user(u), c), null);
        });
  }

  private Response patchMe(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.User u = fapi.user(meSession(r, c).userId);
          if (r.nonBlank("primary_email_address_id").isPresent()
              || r.nonBlank("primary_phone_number_id").isPresent()) {
            ReverificationRoutes.requireRecent(fapi, r);
          }
          r.param("first_name").ifPresent(v -> u.firstName = v.isBlank() ? null : v.trim());
          r.param("last_name").ifPresent(v -> u.lastName = v.isBlank() ? null : v.trim());
          Optional<String> username = r.param("username");
          if (username.isPresent()) {
            String v = username.get().trim();
            if (!v.isEmpty()) {
              Optional<Records.User> other = fapi.store.userByIdentifier(v);
              if (other.isPresent() && other.get() != u) {
                throw FormChecks.identifierTaken("username");
              }
            }
            u.username = v.isEmpty() ? null : v;
          }
          r.nonBlank("primary_email_address_id")
              .ifPresent(
                  id -> {
                    if (u.emails.stream().noneMatch(e -> e.id.equals(id) && e.verified)) {
                      throw Errors.paramValue("primary_email_address_id", "is invalid");
                    }
                    u.primaryEmailId = id;
                  });
          r.nonBlank("primary_phone_number_id")
              .ifPresent(
                  id -> {
                    if (u.phones.stream().noneMatch(p -> p.id.equals(id) && p.verified)) {
                      throw Errors.paramValue("primary_phone_number_id", "is invalid");
                    }
                    u.primaryPhoneId = id;
                  });
          r.nonBlank("unsafe_metadata")
              .ifPresent(json -> u.unsafeMetadata = FormChecks.jsonObject(json, "unsafe_metadata"));
          u.updatedAt = fapi.store.now();
          return Fapi.ok(fapi.render.wrap(fapi.render.user(u), c), null);
        });
  }

  private Response deleteMe(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.User u = fapi.user(meSession(r, c).userId);
          ReverificationRoutes.requireRecent(fapi, r);
          u.deleted = true;
          for (Records.Session s : List.copyOf(fapi.store.sessions.values())) {
            if (s.userId.equals(u.id)) {
              fapi.store.endSession(s, "removed");
            }
          }
          ObjectNode deleted = Json.object();
          deleted.put("object", "user");
          deleted.put("id", u.id);
          deleted.put("deleted", true);
          return Fapi.ok(fapi.render.wrap(deleted, c), null);
        });
  }

  private Response activeSessions(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          String userId = meSession(r, c).userId;
          ArrayNode out = Json.array();
          for (Records.Session s : fapi.store.sessions.values()) {
            if (s.userId.equals(userId) && "active".equals(fapi.store.status(s))) {
              ObjectNode o = out.addObject();
              o.put("id", s.id);
              o.put("object", "session");
              o.put("status", fapi.store.shownStatus(s));
              o.put("expire_at", s.expireAt);
              o.put("abandon_at", s.abandonAt);
              o.put("last_active_at", s.lastActiveAt);
              o.putNull("last_active_token");
              o.putNull("actor");
              Records.Client owner = fapi.store.clients.get(s.clientId);
              o.set(
                  "latest_activity",
                  activity(s, owner == null ? null : owner.userAgent, r.remoteHost()));
            }
          }
          return Response.json(200, out);
        });
  }

  /**
   * Renders a session's latest activity from the {@code User-Agent} its client last sent: the first
   * product token ({@code Acme-Notes/2.1}) is the browser or app, the platform in its comment the
   * device; loopback callers are located in "Localhost, ZZ".
   */
  private static ObjectNode activity(Records.Session s, String userAgent, String ip) {
    ObjectNode a = Json.object();
    a.put("object", "session_activity");
    a.put("id", "sess_activity_" + s.id.substring(5));
    String ua = userAgent == null ? "" : userAgent.strip();
    String product = ua.isEmpty() ? "" : ua.split("\\s+")[0];
    int slash = product.indexOf('/');
    a.put(
        "browser_name",
        product.isEmpty() ? "Unknown" : slash < 0 ? product : product.substring(0, slash));
    a.put("browser_version", slash < 0 ? "" : product.substring(slash + 1));
    String lower = ua.toLowerCase(java.util.Locale.ROOT);
    a.put(
        "device_type",
        lower.contains("mac")
            ? "Macintosh"
            : lower.contains("windows")
                ? "Windows"
                : lower.contains("linux") ? "Linux" : "Desktop");
    a.put("is_mobile", lower.contains("android") || lower.contains("iphone"));
    a.put("ip_address", ip);
    a.put("city", "Localhost");
    a.put("country", "ZZ");
    return a;
  }

  private Response revoke(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          String userId = meSession(r, c).userId;
          Records.Session s = fapi.store.sessions.get(r.pathParam("sid"));
          if (s == null || !s.userId.equals(userId)) {
            throw Errors.notFound("Session");
          }
          fapi.store.endSession(s, "revoked");
          return Fapi.ok(fapi.render.wrap(fapi.render.session(s), c), null);
        });
  }
}
