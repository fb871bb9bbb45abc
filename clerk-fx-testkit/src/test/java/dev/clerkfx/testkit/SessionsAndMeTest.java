package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class SessionsAndMeTest {
  private final EmulatorClock clock =
      EmulatorClock.startingAt(Instant.parse("2026-06-01T09:00:00Z"));

  @AutoClose
  private final ClerkEmulator emulator =
      ClerkEmulator.builder()
          .clock(clock)
          .multiSession(true)
          .organization(
              EmulatorOrganization.of("Acme", "acme")
                  .withRole(
                      "org:billing",
                      "org:invoices:read",
                      "org:invoices:manage",
                      "org:reports:read"))
          .user(
              EmulatorUser.builder()
                  .email("ada@example.com")
                  .password("analytical")
                  .firstName("Ada")
                  .organization("acme", "org:billing")
                  .build())
          .user(EmulatorUser.builder().email("bob@example.com").password("bob-password").build())
          .jwtTemplate(
              "backend",
              Map.of("email", "{{user.primary_email_address}}", "aud", "my-api"),
              Duration.ofMinutes(5))
          .start();

  private final NativeClient app = new NativeClient(emulator);

  @Test
  void touchSetsTheActiveOrganizationAndTokensCarryTheV2OrgClaim() {
    String sid = app.signIn("ada@example.com", "analytical");
    NativeClient.Reply touched =
        app.post(
            "/v1/client/sessions/" + sid + "/touch",
            "active_organization_id",
            "acme",
            "intent",
            "select_org");
    assertThat(touched.status()).isEqualTo(200);
    String orgId = touched.response().get("last_active_organization_id").asText();
    assertThat(orgId).startsWith("org_");
    NativeClient.Reply tokenReply = app.post("/v1/client/sessions/" + sid + "/tokens");
    JsonNode claims = NativeClient.jwtPart(tokenReply.body().get("jwt").asText(), 1);
    assertThat(claims.get("v").asInt()).isEqualTo(2);
    JsonNode o = claims.get("o");
    assertThat(o.get("id").asText()).isEqualTo(orgId);
    assertThat(o.get("slg").asText()).isEqualTo("acme");
    assertThat(o.get("rol").asText()).isEqualTo("billing");
    assertThat(o.get("per").asText()).contains("read").contains("manage");
    assertThat(claims.get("fea").asText()).contains("o:invoices").contains("o:reports");
    JsonNode personal = NativeClient.jwtPart(app.sessionToken(sid), 1);
    assertThat(personal.has("o"))
        .as("organization_id= (empty) selects the personal account")
        .isFalse();
  }

  @Test
  void tokenRequestCanSelectAnOrganizationById() {
    String sid = app.signIn("ada@example.com", "analytical");
    String orgId =
        app.get("/v1/me")
            .response()
            .path("organization_memberships")
            .path(0)
            .path("organization")
            .get("id")
            .asText();
    NativeClient.Reply r =
        app.post("/v1/client/sessions/" + sid + "/tokens", "organization_id", orgId);
    assertThat(NativeClient.jwtPart(r.body().get("jwt").asText(), 1).path("o").get("id").asText())
        .isEqualTo(orgId);
    NativeClient.Reply notMember =
        app.post("/v1/client/sessions/" + sid + "/tokens", "organization_id", "org_not_mine");
    assertThat(notMember.status()).isEqualTo(404);
  }

  @Test
  void jwtTemplateTokensHaveCustomClaimsAndLifetime() {
    String sid = app.signIn("ada@example.com", "analytical");
    NativeClient.Reply r = app.post("/v1/client/sessions/" + sid + "/tokens/backend");
    assertThat(r.status()).isEqualTo(200);
    JsonNode claims = NativeClient.jwtPart(r.body().get("jwt").asText(), 1);
    assertThat(claims.get("email").asText()).isEqualTo("ada@example.com");
    assertThat(claims.get("aud").asText()).isEqualTo("my-api");
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
    NativeClient.Reply unknown = app.post("/v1/client/sessions/" + sid + "/tokens/nope");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("resource_not_found");
  }

  @Test
  void endKeepsTheSessionInTheClientRemoveDropsIt() {
    String first = app.signIn("ada@example.com", "analytical");
    String second = app.signIn("bob@example.com", "bob-password");
    NativeClient.Reply ended = app.post("/v1/client/sessions/" + second + "/end");
    assertThat(ended.response().get("status").asText()).isEqualTo("ended");
    assertThat(ended.client().get("sessions")).hasSize(2);
    assertThat(ended.client().get("last_active_session_id").asText()).isEqualTo(first);
    assertThat(app.post("/v1/client/sessions/" + second + "/tokens").errorCode())
        .isEqualTo("session_ended");
    NativeClient.Reply removed = app.post("/v1/client/sessions/" + first + "/remove");
    assertThat(removed.response().get("status").asText()).isEqualTo("removed");
    assertThat(removed.client().get("sessions"))
        .extracting(s -> s.get("id").asText())
        .containsExactly(second);
    assertThat(app.post("/v1/client/sessions/" + first + "/tokens").errorCode())
        .isEqualTo("session_removed");
  }

  @Test
  void signOutAllRemovesEverySessionButKeepsTheClient() {
    app.signIn("ada@example.com", "analytical");
    app.signIn("bob@example.com", "bob-password");
    String clientId = app.get("/v1/client").response().get("id").asText();
    NativeClient.Reply r = app.delete("/v1/client/sessions");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.response().get("id").asText()).isEqualTo(clientId);
    assertThat(r.response().get("sessions")).isEmpty();
    assertThat(r.response().get("last_active_session_id").isNull()).isTrue();
    assertThat(emulator.sessions()).extracting(EmulatorSession::status).containsOnly("removed");
  }

  @Test
  void touchSwitchesTheLastActiveSession() {
    String first = app.signIn("ada@example.com", "analytical");
    app.signIn("bob@example.com", "bob-password");
    NativeClient.Reply r =
        app.post("/v1/client/sessions/" + first + "/touch", "intent", "select_session");
    assertThat(r.client().get("last_active_session_id").asText()).isEqualTo(first);
  }

  @Test
  void deleteClientEndsItsSessionsAndForgetsIt() {
    String sid = app.signIn("ada@example.com", "analytical");
    NativeClient.Reply r = app.delete("/v1/client");
    assertThat(r.status()).isEqualTo(200);
    assertThat(emulator.session(sid).orElseThrow().status()).isEqualTo("ended");
    assertThat(app.get("/v1/client").response().isNull()).isTrue();
  }

  @Test
  void meGetAndPatch() {
    String sid = app.signIn("ada@example.com", "analytical");
    NativeClient.Reply me = app.get("/v1/me", "_clerk_session_id", sid);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.response().get("object").asText()).isEqualTo("user");
    assertThat(me.response().get("first_name").asText()).isEqualTo("Ada");
    assertThat(me.client().get("object").asText()).isEqualTo("client");
    NativeClient.Reply patched =
        app.send(
            "PATCH",
            "/v1/me",
            java.util.List.of("_clerk_session_id", sid),
            java.util.List.of(
                "first_name", "Augusta", "last_name", "King", "unsafe_metadata", "{\"a\":1}"));
    assertThat(patched.response().get("first_name").asText()).isEqualTo("Augusta");
    assertThat(patched.response().get("last_name").asText()).isEqualTo("King");
    assertThat(patched.response().path("unsafe_metadata").get("a").asInt()).isEqualTo(1);
    String userId = me.response().get("id").asText();
    assertThat(emulator.user(userId).orElseThrow().firstName()).contains("Augusta");
  }

  @Test
  void dashboardEditsShowUpInTheClient() {
    app.signIn("ada@example.com", "analytical");
    String userId = emulator.userByIdentifier("ada@example.com").orElseThrow().id().orElseThrow();
    EmulatorUser updated =
        emulator.updateUser(userId, u -> u.firstName("Countess").publicMetadata("plan", "pro"));
    assertThat(updated.firstName()).contains("Countess");
    JsonNode user = app.get("/v1/client").response().path("sessions").path(0).path("user");
    assertThat(user.get("first_name").asText()).isEqualTo("Countess");
    assertThat(user.path("public_metadata").get("plan").asText()).isEqualTo("pro");
  }

  @Test
  void meWithoutSessionIsSignedOut() {
    app.post("/v1/client");
    NativeClient.Reply r = app.get("/v1/me");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("signed_out");
  }

  @Test
  void activeSessionsAndRevokeFromMe() {
    String sid = app.signIn("ada@example.com", "analytical");
    NativeClient laptop = new NativeClient(emulator);
    String other = laptop.signIn("ada@example.com", "analytical");
    NativeClient.Reply active = app.get("/v1/me/sessions/active", "_clerk_session_id", sid);
    assertThat(active.body())
        .extracting(s -> s.get("id").asText())
        .containsExactlyInAnyOrder(sid, other);
    NativeClient.Reply revoked =
        app.send(
            "POST",
            "/v1/me/sessions/" + other + "/revoke",
            java.util.List.of("_clerk_session_id", sid),
            java.util.List.of());
    assertThat(revoked.response().get("status").asText()).isEqualTo("revoked");
    assertThat(laptop.post("/v1/client/sessions/" + other + "/tokens").errorCode())
        .isEqualTo("session_revoked");
  }

  @Test
  void factorAgeGrowsWithTheClock() {
    String sid = app.signIn("ada@example.com", "analytical");
    clock.advance(Duration.ofMinutes(42));
    JsonNode claims = NativeClient.jwtPart(app.sessionToken(sid), 1);
    assertThat(claims.get("fva").get(0).asInt()).isEqualTo(42);
    assertThat(claims.get("fva").get(1).asInt()).isEqualTo(-1);
  }

  @Test
  void aPendingSessionsTokensSayPendingUntilTheTaskIsDone() {
    String sid = app.signIn("ada@example.com", "analytical");
    emulator.setSessionPending(sid, true);
    assertThat(NativeClient.jwtPart(app.sessionToken(sid), 1).get("sts").asText())
        .isEqualTo("pending");
    emulator.setSessionPending(sid, false);
    assertThat(NativeClient.jwtPart(app.sessionToken(sid), 1).get("sts").asText())
        .isEqualTo("active");
  }

  @Test
  void tokenLifetimeIsConfigurable() {
    try (ClerkEmulator shortLived =
        ClerkEmulator.builder().clock(clock).tokenLifetime(Duration.ofSeconds(15)).start()) {
      NativeClient device = new NativeClient(shortLived);
      JsonNode claims =
          NativeClient.jwtPart(
              device.sessionToken(
                  device.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD)),
              1);
      assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(15);
    }
  }

  @Test
  void sessionLifetimeIsConfigurable() {
    try (ClerkEmulator shortLived =
        ClerkEmulator.builder().clock(clock).sessionLifetime(Duration.ofHours(1)).start()) {
      NativeClient device = new NativeClient(shortLived);
      String sid = device.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
      clock.advance(Duration.ofMinutes(59));
      assertThat(device.post("/v1/client/sessions/" + sid + "/tokens").status()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(2));
      assertThat(device.post("/v1/client/sessions/" + sid + "/tokens").errorCode())
          .isEqualTo("session_expired");
    }
  }
}
