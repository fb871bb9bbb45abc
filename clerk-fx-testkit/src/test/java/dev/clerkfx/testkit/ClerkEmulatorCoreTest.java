package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ClerkEmulatorCoreTest {
  private final EmulatorClock clock =
      EmulatorClock.startingAt(Instant.parse("2026-03-01T10:00:00Z"));
  @AutoClose private final ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start();
  private final NativeClient app = new NativeClient(emulator);

  @Test
  void publishableKeyNamesTheLoopbackFrontendApi() {
    String pk = emulator.publishableKey();
    assertThat(pk).startsWith("pk_test_");
    String host = new String(Base64.getDecoder().decode(pk.substring(8)), StandardCharsets.UTF_8);
    assertThat(host).isEqualTo("127.0.0.1:" + emulator.port() + "$");
    assertThat(emulator.frontendApiUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
    assertThat(emulator.secretKey()).startsWith("sk_test_");
  }

  @Test
  void closeStopsListeningAndIsIdempotent() {
    int port = emulator.port();
    assertThat(app.get("/v1/environment").status()).isEqualTo(200);
    emulator.close();
    emulator.close();
    assertThat(emulator.toString()).endsWith(", closed]");
    assertThatThrownBy(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
              }
            })
        .isInstanceOf(IOException.class);
  }

  @Test
  void clientWithoutTokenIsNull() {
    NativeClient.Reply r = app.get("/v1/client");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("response").isNull()).isTrue();
    assertThat(r.body().get("client").isNull()).isTrue();
    assertThat(r.header("Authorization")).isNull();
  }

  @Test
  void postClientCreatesAClientAndReturnsItsToken() {
    NativeClient.Reply r = app.post("/v1/client");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Authorization")).isNotBlank().contains(".");
    assertThat(r.response().get("object").asText()).isEqualTo("client");
    assertThat(r.response().get("sessions")).isEmpty();
    String id = r.response().get("id").asText();
    assertThat(id).startsWith("client_");
    NativeClient.Reply again = app.get("/v1/client");
    assertThat(again.response().get("id").asText()).isEqualTo(id);
  }

  @Test
  void garbageClientTokenIsAuthenticationInvalid() {
    app.token = "not-a-jwt";
    NativeClient.Reply r = app.get("/v1/client");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("authentication_invalid");
    assertThat(r.body().get("clerk_trace_id").asText()).isNotBlank();
    assertThat(r.error().get("message").asText()).isNotBlank();
    assertThat(r.error().get("long_message").asText()).isNotBlank();
  }

  @Test
  void unknownButWellFormedTokenCountsAsNoClient() {
    app.token = "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6ImNsaWVudF94In0.c2ln";
    NativeClient.Reply r = app.get("/v1/client");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.response().isNull()).isTrue();
  }

  @Test
  void dateHeaderComesFromTheEmulatorClock() {
    clock.advance(Duration.ofHours(5));
    NativeClient.Reply r = app.get("/v1/environment");
    ZonedDateTime date =
        ZonedDateTime.parse(r.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME);
    assertThat(date.toInstant()).isEqualTo(Instant.parse("2026-03-01T15:00:00Z"));
    assertThat(date.getZone().normalized()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void environmentIsUnwrappedAndReflectsSettings() {
    NativeClient.Reply r = app.get("/v1/environment");
    assertThat(r.status()).isEqualTo(200);
    JsonNode auth = r.body().get("auth_config");
    assertThat(auth.get("single_session_mode").asBoolean()).isTrue();
    assertThat(auth.get("test_mode").asBoolean()).isTrue();
    assertThat(auth.path("native_settings").get("api_enabled").asBoolean()).isTrue();
    assertThat(r.body().has("response")).isFalse();
    assertThat(r.body().path("display_config").get("instance_environment_type").asText())
        .isEqualTo("development");
  }

  @Test
  void passwordSignInInOneCallCompletesAndRotatesTheToken() {
    app.post("/v1/client");
    String first = app.token;
    NativeClient.Reply r =
        app.post(
            "/v1/client/sign_ins",
            "identifier",
            ClerkEmulator.DEMO_EMAIL,
            "password",
            ClerkEmulator.DEMO_PASSWORD);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.response().get("status").asText()).isEqualTo("complete");
    String sid = r.response().get("created_session_id").asText();
    assertThat(sid).startsWith("sess_");
    assertThat(r.header("Authorization")).isNotNull().isNotEqualTo(first);
    JsonNode client = r.client();
    assertThat(client.get("last_active_session_id").asText()).isEqualTo(sid);
    assertThat(client.get("sign_in").isNull()).isTrue();
    JsonNode session = client.get("sessions").get(0);
    assertThat(session.get("status").asText()).isEqualTo("active");
    assertThat(session.path("user").get("first_name").asText()).isEqualTo("Ada");
    assertThat(session.get("expire_at").asLong())
        .isEqualTo(Instant.parse("2026-03-08T10:00:00Z").toEpochMilli());
  }

  @Test
  void sessionTokenHasProtocolClaims() {
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    NativeClient.Reply r =
        app.post("/v1/client/sessions/" + sid + "/tokens", "organization_id", "");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("object").asText()).isEqualTo("token");
    String jwt = r.body().get("jwt").asText();
    JsonNode header = NativeClient.jwtPart(jwt, 0);
    JsonNode claims = NativeClient.jwtPart(jwt, 1);
    assertThat(header.get("alg").asText()).isEqualTo("RS256");
    assertThat(header.get("kid").asText()).startsWith("ins_");
    long iat = claims.get("iat").asLong();
    assertThat(iat).isEqualTo(clock.instant().getEpochSecond());
    assertThat(claims.get("exp").asLong()).isEqualTo(iat + 60);
    assertThat(claims.get("nbf").asLong()).isEqualTo(iat - 10);
    assertThat(claims.get("sid").asText()).isEqualTo(sid);
    assertThat(claims.get("sub").asText()).isEqualTo(emulator.demoUser().id().orElseThrow());
    assertThat(claims.get("iss").asText()).isEqualTo(emulator.frontendApiUrl());
    assertThat(emulator.jwks()).contains(header.get("kid").asText());
    NativeClient.Reply client = app.get("/v1/client");
    assertThat(
            client
                .response()
                .path("sessions")
                .path(0)
                .path("last_active_token")
                .path("jwt")
                .asText())
        .isEqualTo(jwt);
  }

  @Test
  void revokedSessionCannotMintTokens() {
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    emulator.revokeSession(sid);
    NativeClient.Reply r = app.post("/v1/client/sessions/" + sid + "/tokens");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("session_revoked");
    assertThat(emulator.session(sid).orElseThrow().status()).isEqualTo("revoked");
  }

  @Test
  void clockDrivesSessionExpiry() {
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    clock.advance(Duration.ofDays(7).plusSeconds(1));
    NativeClient.Reply r = app.post("/v1/client/sessions/" + sid + "/tokens");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("session_expired");
    assertThat(emulator.sessionsOf(emulator.demoUser().id().orElseThrow()))
        .singleElement()
        .extracting(EmulatorSession::status)
        .isEqualTo("expired");
  }

  @Test
  void expireSessionEndsItNow() {
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    emulator.expireSession(sid);
    assertThat(app.post("/v1/client/sessions/" + sid + "/tokens").errorCode())
        .isEqualTo("session_expired");
  }

  @Test
  void tokensForAnotherClientsSessionAreNotFound() {
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    NativeClient other = new NativeClient(emulator);
    other.post("/v1/client");
    NativeClient.Reply r = other.post("/v1/client/sessions/" + sid + "/tokens");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("resource_not_found");
  }

  @Test
  void tokenWithoutClientIsSignedOut() {
    NativeClient.Reply r = app.post("/v1/client/sessions/sess_x/tokens");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("signed_out");
  }

  @Test
  void journalCountsExactRequests() throws InterruptedException {
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    app.sessionToken(sid);
    assertThat(emulator.journal().count("POST", "/v1/client/sessions/*/tokens")).isEqualTo(1);
    assertThat(emulator.journal().count("*", "/v1/**")).isEqualTo(2);
    RecordedRequest first = emulator.journal().takeRequest();
    assertThat(first.path()).isEqualTo("/v1/client/sign_ins");
    assertThat(first.formField("identifier")).contains(ClerkEmulator.DEMO_EMAIL);
    assertThat(first.queryParameter("_is_native")).contains("true");
    assertThat(first.header("clerk-api-version")).contains("2026-05-12");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.responseBody()).contains("\"sign_in_attempt\"");
    assertThat(first.responseHeader("authorization")).isPresent();
    assertThat(first.receivedAt()).isEqualTo(clock.instant());
    RecordedRequest second = emulator.journal().takeRequest();
    assertThat(second.path()).endsWith("/tokens");
    assertThat(emulator.journal().takeRequest(Duration.ZERO)).isEmpty();
    emulator.journal().clear();
    assertThat(emulator.journal().size()).isZero();
  }

  @Test
  void unknownRouteIsClerkShaped404() {
    NativeClient.Reply r = app.get("/v1/nothing/here");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("resource_not_found");
  }

  @Test
  void wrongMethodIs405WithAllow() {
    NativeClient.Reply r =
        app.send("PUT", "/v1/environment", java.util.List.of(), java.util.List.of());
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.errorCode()).isEqualTo("method_not_allowed");
    assertThat(r.header("Allow")).isEqualTo("GET");
  }

  @Test
  void jwksIsServedWithoutAuth() {
    NativeClient.Reply r = app.get("/.well-known/jwks.json");
    assertThat(r.status()).isEqualTo(200);
    JsonNode key = r.body().get("keys").get(0);
    assertThat(key.get("kty").asText()).isEqualTo("RSA");
    assertThat(key.get("alg").asText()).isEqualTo("RS256");
    assertThat(key.get("use").asText()).isEqualTo("sig");
  }

  @Test
  void rotatingTheSigningKeyChangesTheKidAndKeepsTheOldKeyInTheJwks() {
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    String before = NativeClient.jwtPart(app.sessionToken(sid), 0).get("kid").asText();
    emulator.rotateSigningKey();
    String after = NativeClient.jwtPart(app.sessionToken(sid), 0).get("kid").asText();
    assertThat(after).isNotEqualTo(before).startsWith("ins_");
    assertThat(emulator.jwks()).contains(before).contains(after);
  }

  @Test
  void bindingATakenPortFailsClearly() {
    assertThatThrownBy(() -> ClerkEmulator.builder().port(emulator.port()).start())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(String.valueOf(emulator.port()));
  }
}
