package dev.clerkfx.testkit.internal.fapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clerkfx.testkit.EmulatorOrganization;
import dev.clerkfx.testkit.internal.server.Errors;
import dev.clerkfx.testkit.internal.server.FapiException;
import dev.clerkfx.testkit.internal.server.Json;
import dev.clerkfx.testkit.internal.server.Request;
import dev.clerkfx.testkit.internal.server.Response;
import dev.clerkfx.testkit.internal.server.Router;
import dev.clerkfx.testkit.internal.state.Ids;
import dev.clerkfx.testkit.internal.state.Records;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The signed-in user's organizations: {@code /v1/me/organization_memberships} (list, leave), {@code
 * /v1/me/organization_invitations} and {@code /v1/me/organization_suggestions} (list, accept), and
 * {@code POST /v1/organizations} (create, the user becomes {@code org:admin}). Lists come paginated
 * ({@code {"data": […], "total_count": n}}) as the SDKs ask with {@code paginated=true}.
 */
final class OrganizationRoutes {
  private final Fapi fapi;

  OrganizationRoutes(Fapi fapi) {
    this.fapi = fapi;
  }

  void register(Router router) {
    router.add("GET", "/v1/me/organization_memberships", r -> act(r, this::memberships));
    router.add("DELETE", "/v1/me/organization_memberships/{id}", r -> act(r, this::leave));
    router.add("GET", "/v1/me/organization_invitations", r -> act(r, this::invitations));
    router.add(
        "POST", "/v1/me/organization_invitations/{id}/accept", r -> act(r, this::acceptInvitation));
    router.add("GET", "/v1/me/organization_suggestions", r -> act(r, this::suggestions));
    router.add(
        "POST", "/v1/me/organization_suggestions/{id}/accept", r -> act(r, this::acceptSuggestion));
    router.add("POST", "/v1/organizations", r -> act(r, this::create));
  }

  private Response act(Request r, BiFunction<Records.User, Request, JsonNode> step) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          Records.User u = fapi.user(fapi.meSession(r, c).userId);
          JsonNode result = step.apply(u, r);
          return Fapi.ok(fapi.render.wrap(result, c), null);
        });
  }

  private static ObjectNode page(ArrayNode data) {
    ObjectNode o = Json.object();
    o.set("data", data);
    o.put("total_count", data.size());
    return o;
  }

  // ---------------------------------------------------------------- memberships

  private JsonNode memberships(Records.User u, Request r) {
    ArrayNode data = Json.array();
    for (Records.Membership m : u.memberships) {
      ObjectNode o = fapi.render.membership(m);
      if (o != null) data.add(o);
    }
    return page(data);
  }

  private JsonNode leave(Records.User u, Request r) {
    String orgId = r.pathParam("id");
    Records.Membership m =
        u.memberships.stream()
            .filter(x -> x.organizationId.equals(orgId))
            .findFirst()
            .orElseThrow(() -> Errors.notFound("Organization membership"));
    u.memberships.remove(m);
    for (Records.Session s : fapi.store.sessions.values()) {
      if (s.userId.equals(u.id) && orgId.equals(s.activeOrganizationId)) {
        s.activeOrganizationId = null;
      }
    }
    u.updatedAt = fapi.store.now();
    ObjectNode o = Json.object();
    o.put("object", "organization_membership");
    o.put("id", m.id);
    o.put("deleted", true);
    return o;
  }

  // ---------------------------------------------------------------- create

  private JsonNode create(Records.User u, Request r) {
    String name = r.required("name").strip();
    if (name.isEmpty()) {
      throw Errors.paramMissing("name");
    }
    String slug = r.nonBlank("slug").map(String::strip).orElse(slugOf(name));
    if (!slug.matches("[a-z0-9][a-z0-9-]*")) {
      throw Errors.paramFormat(
          "slug", "The slug may only contain lowercase letters, digits and dashes.");
    }
    if (fapi.store.organization(slug).isPresent()) {
      throw new FapiException(
              422,
              "form_identifier_exists",
              "That slug is taken. Please try another.",
              "That slug is taken. Please try another.")
          .param("slug");
    }
    Records.Organization org = fapi.store.addOrganization(EmulatorOrganization.of(name, slug));
    join(u, org, "org:admin");
    return fapi.render.organization(org);
  }

  private static String slugOf(String name) {
    String s =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return s.isEmpty() ? Ids.next("org").toLowerCase(Locale.ROOT).replace('_', '-') : s;
  }

  private void join(Records.User u, Records.Organization org, String role) {
    if (u.memberships.stream().anyMatch(m -> m.organizationId.equals(org.id))) {
      throw new FapiException(
          422,
          "already_a_member_in_organization",
          "Already a member",
          "You are already a member of this organization.");
    }
    Records.Membership m = new Records.Membership();
    m.id = Ids.next("orgmem");
    m.organizationId = org.id;
    m.role = role;
    m.createdAt = fapi.store.now();
    u.memberships.add(m);
    u.updatedAt = m.createdAt;
  }

  // ---------------------------------------------------------------- invitations

  private boolean ownsAddress(Records.User u, String address) {
    return u.emails.stream().anyMatch(e -> e.verified && e.address.equalsIgnoreCase(address));
  }

  private ObjectNode invitation(Records.Invitation i) {
    Records.Organization org = fapi.store.organizations.get(i.organizationId);
    ObjectNode o = Json.object();
    o.put("object", "organization_invitation");
    o.put("id", i.id);
    o.put("email_address", i.emailAddress);
    o.put("role", i.role);
    o.put("role_name", Render.roleName(i.role));
    o.put("organization_id", i.organizationId);
    o.set("public_organization_data", fapi.render.publicOrganizationData(org));
    o.put("status", i.status);
    o.set("public_metadata", Json.object());
    o.putNull("url");
    o.putNull("expires_at");
    o.put("created_at", i.createdAt);
    o.put("updated_at", i.updatedAt);
    return o;
  }

  private JsonNode invitations(Records.User u, Request r) {
    String status = r.nonBlank("status").orElse(null);
    ArrayNode data = Json.array();
    for (Records.Invitation i : fapi.store.invitations.values()) {
      if (ownsAddress(u, i.emailAddress)
          && fapi.store.organizations.containsKey(i.organizationId)
          && (status == null || status.equals(i.status))) {
        data.add(invitation(i));
      }
    }
    return page(data);
  }

  private JsonNode acceptInvitation(Records.User u, Request r) {
    Records.Invitation i = fapi.store.invitations.get(r.pathParam("id"));
    if (i == null || !ownsAddress(u, i.emailAddress)) {
      throw Errors.notFound("Organization invitation");
    }
    if (!"pending".equals(i.status)) {
      throw new FapiException(
          422,
          "organization_invitation_not_pending",
          "Invitation not pending",
          "This invitation is " + i.status + ".");
    }
    Records.Organization org = fapi.store.organizations.get(i.organizationId);
    if (org == null) {
      throw Errors.notFound("Organization");
    }
    join(u, org, i.role);
    i.status = "accepted";
    i.updatedAt = fapi.store.now();
    return invitation(i);
  }

  // ---------------------------------------------------------------- suggestions

  private ObjectNode suggestion(Records.Suggestion s) {
    ObjectNode o = Json.object();
    o.put("object", "organization_suggestion");
    o.put("id", s.id);
    o.set(
        "public_organization_data",
        fapi.render.publicOrganizationData(fapi.store.organizations.get(s.organizationId)));
    o.put("status", s.status);
    o.put("created_at", s.createdAt);
    o.put("updated_at", s.updatedAt);
    return o;
  }

  private JsonNode suggestions(Records.User u, Request r) {
    String status = r.nonBlank("status").orElse(null);
    ArrayNode data = Json.array();
    for (Records.Suggestion s : fapi.store.suggestions.values()) {
      if (s.userId.equals(u.id)
          && fapi.store.organizations.containsKey(s.organizationId)
          && (status == null || status.equals(s.status))) {
        data.add(suggestion(s));
      }
    }
    return page(data);
  }

  /**
   * Accepting a suggestion asks to join; the emulator's admins approve at once, so the membership
   * appears.
   */
  private JsonNode acceptSuggestion(Records.User u, Request r) {
    Records.Suggestion s = fapi.store.suggestions.get(r.pathParam("id"));
    if (s == null || !s.userId.equals(u.id)) {
      throw Errors.notFound("Organization suggestion");
    }
    if (!"pending".equals(s.status)) {
      throw new FapiException(
          400,
          "organization_suggestion_already_accepted",
          "Suggestion already accepted",
          "This suggestion was already accepted.");
    }
    Records.Organization org = fapi.store.organizations.get(s.organizationId);
    if (org == null) {
      throw Errors.notFound("Organization");
    }
    join(u, org, "org:member");
    s.status = "accepted";
    s.updatedAt = fapi.store.now();
    return suggestion(s);
  }
}
