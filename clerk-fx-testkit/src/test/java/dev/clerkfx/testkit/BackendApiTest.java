package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class BackendApiTest {
  @AutoClose
  private final ClerkEmulator emulator =
      ClerkEmulator.builder().clock(EmulatorClock.startingNow()).start();

  private final NativeClient app = new NativeClient(emulator);
  private final NativeClient backend = new NativeClient(emulator);

  private NativeClient.Reply bapi(String method, String path, String key) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(emulator.frontendApiUrl() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return backend.exchange(b.build());
  }

  @Test
  void getUserWithTheSecretKey() {
    String userId = emulator.demoUser().id().orElseThrow();
    NativeClient.Reply r = bapi("GET", "/v1/users/" + userId, emulator.secretKey());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("id").asText()).isEqualTo(userId);
    assertThat(r.body().get("email_addresses").get(0).get("email_address").asText())
        .isEqualTo(ClerkEmulator.DEMO_EMAIL);
    assertThat(r.body().get("private_metadata").isObject()).isTrue();
    assertThat(bapi("GET", "/v1/users/user_nope", emulator.secretKey()).status()).isEqualTo(404);
  }

  @Test
  void withoutOrWithAWrongKeyIs401() {
    String userId = emulator.demoUser().id().orElseThrow();
    NativeClient.Reply none = bapi("GET", "/v1/users/" + userId, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.errorCode()).isEqualTo("authentication_invalid");
    assertThat(bapi("GET", "/v1/users/" + userId, "sk_test_wrong").status()).isEqualTo(401);
    assertThat(bapi("GET", "/v1/jwks", null).status()).isEqualTo(401);
  }

  @Test
  void listAndRevokeSessions() {
    String sid = app.signIn(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD);
    String userId = emulator.demoUser().id().orElseThrow();
    NativeClient.Reply list =
        bapi("GET", "/v1/sessions?user_id=" + userId + "&status=active", emulator.secretKey());
    assertThat(list.body()).extracting(s -> s.get("id").asText()).containsExactly(sid);
    JsonNode s = list.body().get(0);
    assertThat(s.get("user_id").asText()).isEqualTo(userId);
    assertThat(s.get("client_id").asText()).startsWith("client_");
    NativeClient.Reply revoked =
        bapi("POST", "/v1/sessions/" + sid + "/revoke", emulator.secretKey());
    assertThat(revoked.body().get("status").asText()).isEqualTo("revoked");
    assertThat(app.post("/v1/client/sessions/" + sid + "/tokens").errorCode())
        .isEqualTo("session_revoked");
    assertThat(
            bapi("GET", "/v1/sessions/" + sid, emulator.secretKey()).body().get("status").asText())
        .isEqualTo("revoked");
    assertThat(bapi("GET", "/v1/sessions", emulator.secretKey()).status()).isEqualTo(422);
  }

  @Test
  void jwksUnderTheSecretKeyMatchesTheWellKnownOne() {
    NativeClient.Reply r = bapi("GET", "/v1/jwks", emulator.secretKey());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(app.get("/.well-known/jwks.json").body());
    assertThat(emulator.jwtPublicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
  }

  @Test
  void usersListIncludesCreatedUsers() {
    emulator.createUser(
        EmulatorUser.builder().username("backend-made").password("pw-pw-pw-pw").build());
    NativeClient.Reply r = bapi("GET", "/v1/users", emulator.secretKey());
    assertThat(r.body())
        .extracting(u -> u.path("username").asText())
        .contains("demo", "backend-made");
  }
}
