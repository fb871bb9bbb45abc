package dev.clerkfx.testsupport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clerkfx.internal.fapi.FapiJson;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.Session;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds small FAPI-shaped models for unit tests, read through the SDK's own JSON reader. */
public final class TestData {
  private TestData() {}

  /** A user JSON object with a primary email and optional organization membership. */
  public static ObjectNode user(String id, String first, String last, String orgId, String role) {
    ObjectNode u = FapiJson.mapper().createObjectNode();
    u.put("object", "user")
        .put("id", id)
        .put("first_name", first)
        .put("last_name", last)
        .put("image_url", "https://img.example/" + id)
        .put("primary_email_address_id", "idn_" + id);
    ObjectNode email = u.putArray("email_addresses").addObject();
    email
        .put("object", "email_address")
        .put("id", "idn_" + id)
        .put("email_address", first.toLowerCase() + "@example.com");
    ArrayNode memberships = u.putArray("organization_memberships");
    if (orgId != null) {
      ObjectNode m = memberships.addObject();
      m.put("object", "organization_membership").put("id", "orgmem_" + orgId).put("role", role);
      m.putArray("permissions").add("org:invoices:read");
      m.putObject("organization")
          .put("object", "organization")
          .put("id", orgId)
          .put("slug", "slug-" + orgId)
          .put("name", "Org " + orgId);
    }
    return u;
  }

  /** A session JSON object. */
  public static ObjectNode session(
      String id, String status, ObjectNode user, String activeOrgId, String lastActiveJwt) {
    ObjectNode s = FapiJson.mapper().createObjectNode();
    s.put("object", "session").put("id", id).put("status", status);
    if (activeOrgId == null) s.putNull("last_active_organization_id");
    else s.put("last_active_organization_id", activeOrgId);
    if (lastActiveJwt != null)
      s.putObject("last_active_token").put("object", "token").put("jwt", lastActiveJwt);
    s.set("user", user);
    return s;
  }

  /** A client with sessions; {@code lastActive} may be null. */
  public static Client client(String lastActive, ObjectNode... sessions) {
    ObjectNode c = FapiJson.mapper().createObjectNode();
    c.put("object", "client").put("id", "client_test");
    ArrayNode arr = c.putArray("sessions");
    for (ObjectNode s : sessions) arr.add(s);
    if (lastActive == null) c.putNull("last_active_session_id");
    else c.put("last_active_session_id", lastActive);
    return FapiJson.read(c.toString(), Client.class);
  }

  /** A client with one active session of user {@code user_1} (Ada Lovelace). */
  public static Client signedIn(String sessionId) {
    return client(
        sessionId,
        session(sessionId, "active", user("user_1", "Ada", "Lovelace", null, null), null, null));
  }

  /** The current session of a client. */
  public static Session currentSession(Client c) {
    return c.currentSession().orElseThrow();
  }

  /** An unsigned JWT with the claims the SDK reads (the SDK never checks signatures). */
  public static String jwt(String sid, String sub, long iatSeconds, long expSeconds, String orgId) {
    ObjectNode header =
        FapiJson.mapper()
            .createObjectNode()
            .put("alg", "RS256")
            .put("typ", "JWT")
            .put("kid", "ins_test");
    ObjectNode p =
        FapiJson.mapper()
            .createObjectNode()
            .put("sid", sid)
            .put("sub", sub)
            .put("iat", iatSeconds)
            .put("exp", expSeconds)
            .put("nbf", iatSeconds - 10);
    if (orgId != null)
      p.put("org_id", orgId).put("org_role", "org:admin").put("org_slug", "slug-" + orgId);
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    return b.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8))
        + "."
        + b.encodeToString(p.toString().getBytes(StandardCharsets.UTF_8))
        + ".c2ln";
  }
}
