package dev.clerkfx.sample.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backend against the emulator: real session tokens, verified by Clerk's SDK. The emulator's
 * clock is frozen at the current time (the SDK also checks times on the system clock) and handed to
 * the backend, so moving it expires tokens without waiting.
 */
class SampleBackendTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private ClerkEmulator emulator;
  private SampleBackend backend;
  private EmulatorTokens tokens;
  private String sessionId;

  /** The three ways to get the verification key. */
  enum KeySource {
    SECRET_KEY(e -> BackendConfig.builder().secretKey(e.secretKey()).apiUrl(e.frontendApiUrl())),
    PEM_KEY(e -> BackendConfig.builder().jwtKey(e.jwtPublicKeyPem())),
    FAPI_JWKS(e -> BackendConfig.builder().frontendApiUrl(e.frontendApiUrl()));

    final Function<ClerkEmulator, BackendConfig.Builder> config;

    KeySource(Function<ClerkEmulator, BackendConfig.Builder> config) {
      this.config = config;
    }
  }

  @BeforeEach
  void start() throws Exception {
    emulator = ClerkEmulator.builder().clock(EmulatorClock.startingNow()).start();
    backend = start(KeySource.SECRET_KEY.config.apply(emulator));
    tokens = new EmulatorTokens(emulator);
    sessionId = tokens.signInDemoUser();
  }

  private SampleBackend start(BackendConfig.Builder config) {
    if (backend != null) {
      backend.close();
    }
    backend = SampleBackend.start(config.clock(emulator.clock()).build());
    return backend;
  }

  @AfterEach
  void stop() {
    backend.close();
    emulator.close();
  }

  @ParameterizedTest
  @EnumSource(KeySource.class)
  void validTokenAnswersLikeGetAuth(KeySource source) throws Exception {
    start(source.config.apply(emulator));
    tokens.selectOrganization("demo");

    HttpResponse<String> response = get("/api/me", "Bearer " + tokens.sessionToken());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode me = JSON.readTree(response.body());
    assertThat(me.get("userId").asText()).isEqualTo(emulator.demoUser().id().orElseThrow());
    assertThat(me.get("sessionId").asText()).isEqualTo(sessionId);
    assertThat(me.get("sessionStatus").asText()).isEqualTo("active");
    assertThat(me.get("orgId").asText()).startsWith("org_");
    assertThat(me.get("orgSlug").asText()).isEqualTo("demo");
    assertThat(me.get("orgRole").asText()).isEqualTo("org:admin");
    assertThat(me.get("orgPermissions")).isNotEmpty();
  }

  @Test
  void personalAccountHasNoOrganization() throws Exception {
    JsonNode me = JSON.readTree(get("/api/me", "Bearer " + tokens.sessionToken()).body());

    assertThat(me.get("orgId").isNull()).isTrue();
    assertThat(me.get("orgRole").isNull()).isTrue();
    assertThat(me.get("orgPermissions")).isEmpty();
  }

  @Test
  void profileIsTheUserFromTheBackendApi() throws Exception {
    HttpResponse<String> response = get("/api/profile", "Bearer " + tokens.sessionToken());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode user = JSON.readTree(response.body());
    assertThat(user.get("id").asText()).isEqualTo(emulator.demoUser().id().orElseThrow());
    assertThat(user.get("first_name").asText()).isEqualTo("Ada");
    assertThat(user.get("email_addresses").get(0).get("email_address").asText())
        .isEqualTo(ClerkEmulator.DEMO_EMAIL);
  }

  @Test
  void profileWithoutTheSecretKeyIs501() throws Exception {
    start(KeySource.PEM_KEY.config.apply(emulator));

    HttpResponse<String> response = get("/api/profile", "Bearer " + tokens.sessionToken());

    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(JSON.readTree(response.body()).get("message").asText()).contains("CLERK_SECRET_KEY");
  }

  @Test
  void missingOrMalformedTokenIs401() throws Exception {
    assertUnauthorized(get("/api/me", null), "token-missing");
    assertUnauthorized(get("/api/me", "Basic ZGVtbzpkZW1v"), "token-missing");
    assertUnauthorized(get("/api/profile", "Bearer not-a-jwt"), "token-invalid");
  }

  @Test
  void expiredTokenIs401() throws Exception {
    String jwt = tokens.sessionToken();
    emulator
        .clock()
        .advance(Duration.ofSeconds(60).plus(SessionVerifier.CLOCK_SKEW).plusSeconds(1));

    assertUnauthorized(get("/api/me", "Bearer " + jwt), "token-expired");
  }

  @Test
  void tokenWithinTheClockSkewAfterExpiryIsAccepted() throws Exception {
    String jwt = tokens.sessionToken();
    emulator
        .clock()
        .advance(Duration.ofSeconds(60).plus(SessionVerifier.CLOCK_SKEW).minusSeconds(1));

    assertThat(get("/api/me", "Bearer " + jwt).statusCode()).isEqualTo(200);
  }

  @Test
  void tokenMintedOnAClockAnHourAheadIsAcceptedOnThatClockAndExpiresOnIt() throws Exception {
    emulator.clock().advance(Duration.ofHours(1));
    String jwt = tokens.sessionToken();

    // Clerk's SDK alone would say "not active yet" on the system clock: times go by the configured
    // clock.
    assertThat(get("/api/me", "Bearer " + jwt).statusCode()).isEqualTo(200);

    emulator
        .clock()
        .advance(Duration.ofSeconds(60).plus(SessionVerifier.CLOCK_SKEW).plusSeconds(1));
    assertUnauthorized(get("/api/me", "Bearer " + jwt), "token-expired");
  }

  @Test
  void tamperedTokenIs401() throws Exception {
    String[] parts = tokens.sessionToken().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = payload.replace(emulator.demoUser().id().orElseThrow(), "user_someoneelse");
    assertThat(forged).isNotEqualTo(payload);
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertUnauthorized(get("/api/me", "Bearer " + tampered), "token-invalid");
  }

  @ParameterizedTest
  @EnumSource(KeySource.class)
  void tokenSignedWithAnotherInstancesKeyIs401(KeySource source) throws Exception {
    start(source.config.apply(emulator));
    try (ClerkEmulator other =
        ClerkEmulator.builder().clock(emulator.clock()).freshSigningKey(true).start()) {
      EmulatorTokens stranger = new EmulatorTokens(other);
      stranger.signInDemoUser();

      HttpResponse<String> response = get("/api/me", "Bearer " + stranger.sessionToken());

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(JSON.readTree(response.body()).get("error").asText())
          .isIn(
              "token-invalid", "token-invalid-signature", "jwk-kid-mismatch", "jwk-failed-to-load");
    }
  }

  @Test
  void tokenForAnotherAuthorizedPartyIs401() throws Exception {
    start(
        KeySource.SECRET_KEY
            .config
            .apply(emulator)
            .authorizedParties(Set.of("https://app.example.com")));

    assertThat(
            get("/api/me", "Bearer " + tokens.sessionToken("https://app.example.com")).statusCode())
        .isEqualTo(200);
    assertUnauthorized(
        get("/api/me", "Bearer " + tokens.sessionToken("https://evil.example")),
        "token-invalid-authorized-parties");
  }

  @Test
  void pendingSessionIsSignedOut() throws Exception {
    emulator.setSessionPending(sessionId, true);

    assertUnauthorized(get("/api/me", "Bearer " + tokens.sessionToken()), "session-pending");
  }

  @Test
  void revokedSessionIsRefusedOnceItsLastTokenExpires() throws Exception {
    String jwt = tokens.sessionToken();
    emulator.revokeSession(sessionId);

    // Networkless verification cannot see the revocation: the token in hand passes until it
    // expires…
    assertThat(get("/api/me", "Bearer " + jwt).statusCode()).isEqualTo(200);
    // …the client cannot get another one…
    assertThatThrownBy(tokens::sessionToken).hasMessageContaining("session_revoked");
    // …and once the last one expires, the API says 401.
    emulator
        .clock()
        .advance(Duration.ofSeconds(60).plus(SessionVerifier.CLOCK_SKEW).plusSeconds(1));
    assertUnauthorized(get("/api/me", "Bearer " + jwt), "token-expired");
  }

  @ParameterizedTest
  @EnumSource(
      value = KeySource.class,
      names = {"SECRET_KEY", "FAPI_JWKS"})
  void tokensSignedAfterAKeyRotationVerify(KeySource source) throws Exception {
    start(source.config.apply(emulator));
    assertThat(get("/api/me", "Bearer " + tokens.sessionToken()).statusCode()).isEqualTo(200);
    emulator.rotateSigningKey();

    assertThat(get("/api/me", "Bearer " + tokens.sessionToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void onlyGetIsAllowed() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(backend.uri("/api/me"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void settingsFromTheEnvironmentNameTheBadVariable() {
    assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of()))
        .isInstanceOf(BackendConfigurationException.class)
        .hasMessageContaining("CLERK_SECRET_KEY")
        .hasMessageContaining("CLERK_JWT_KEY");
    assertThatThrownBy(
            () -> BackendConfig.fromEnvironment(Map.of("CLERK_SECRET_KEY", "pk_test_oops")))
        .isInstanceOf(BackendConfigurationException.class)
        .hasMessageStartingWith("CLERK_SECRET_KEY: not a secret key");
    assertThatThrownBy(
            () ->
                BackendConfig.fromEnvironment(
                    Map.of("CLERK_JWT_KEY", "-----BEGIN PUBLIC KEY-----x")))
        .isInstanceOf(BackendConfigurationException.class)
        .hasMessageStartingWith("CLERK_JWT_KEY: ");
    assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("CLERK_FAPI_URL", "not a url")))
        .isInstanceOf(BackendConfigurationException.class)
        .hasMessageStartingWith("CLERK_FAPI_URL: ");
    assertThatThrownBy(
            () ->
                BackendConfig.fromEnvironment(
                    Map.of("CLERK_SECRET_KEY", "sk_test_x", "PORT", "http")))
        .isInstanceOf(BackendConfigurationException.class)
        .hasMessageStartingWith("PORT: ");

    BackendConfig ok =
        BackendConfig.fromEnvironment(
            Map.of(
                "CLERK_SECRET_KEY",
                "sk_test_abc",
                "CLERK_AUTHORIZED_PARTIES",
                "https://a.example, https://b.example",
                "PORT",
                "8788"));
    assertThat(ok.authorizedParties())
        .containsExactlyInAnyOrder("https://a.example", "https://b.example");
    assertThat(ok.port()).isEqualTo(8788);
    assertThat(ok.toString()).doesNotContain("sk_test_abc");
  }

  private void assertUnauthorized(HttpResponse<String> response, String code) throws Exception {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo(code);
    assertThat(body.get("message").asText()).isNotBlank();
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(backend.uri(path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
