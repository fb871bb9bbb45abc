package dev.clerkfx.testkit.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clerk.backend_api.helpers.security.VerifyToken;
import com.clerk.backend_api.helpers.security.models.TokenVerificationErrorReason;
import com.clerk.backend_api.helpers.security.models.TokenVerificationException;
import com.clerk.backend_api.helpers.security.models.VerifyTokenOptions;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorOrganization;
import dev.clerkfx.testkit.EmulatorUser;
import io.jsonwebtoken.Claims;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end: a session token fetched from the running emulator the way a native app does ({@code
 * POST /v1/client/sessions/{id}/tokens}) passes Clerk's official Java backend SDK, both
 * networklessly with the emulator's PEM and over the secret-key path where the SDK fetches the
 * emulator's BAPI {@code GET /v1/jwks}; across a key rotation too. The emulator clock starts at
 * real time, which the SDK checks against.
 */
class EmulatorBackendVerificationTest {
  private static final String PASSWORD = "correct-horse-battery-staple-42";

  @AutoClose private ClerkEmulator emulator;
  private NativeFapiClient device;
  private String sessionId;

  @BeforeEach
  void signIn() {
    emulator =
        ClerkEmulator.builder()
            .organization(
                EmulatorOrganization.of("Acme", "acme")
                    .withRole("org:billing", "org:invoices:read", "org:invoices:manage"))
            .user(
                EmulatorUser.builder()
                    .email("ada+clerk_test@example.com")
                    .password(PASSWORD)
                    .organization("acme", "org:billing")
                    .build())
            .start();
    device = new NativeFapiClient(emulator.frontendApiUrl());
    NativeFapiClient.Reply signedIn =
        device.post(
            "/v1/client/sign_ins",
            "identifier",
            "ada+clerk_test@example.com",
            "password",
            PASSWORD);
    assertThat(signedIn.status()).isEqualTo(200);
    sessionId = signedIn.response().path("created_session_id").asText();
  }

  private String token(String... form) {
    NativeFapiClient.Reply reply =
        device.post("/v1/client/sessions/" + sessionId + "/tokens", form);
    assertThat(reply.status()).isEqualTo(200);
    return reply.body().path("jwt").asText();
  }

  private VerifyTokenOptions overJwks(String secretKey) {
    return VerifyTokenOptions.secretKey(secretKey)
        .apiUrl(emulator.frontendApiUrl())
        .skipJwksCache(true)
        .build();
  }

  @Test
  void tokenFromTheEmulatorPassesTheSdkWithThePem() throws Exception {
    Claims claims =
        (Claims)
            VerifyToken.verifyToken(
                    token(), VerifyTokenOptions.jwtKey(emulator.jwtPublicKeyPem()).build())
                .payload();
    assertThat(claims.get("sid")).isEqualTo(sessionId);
    assertThat(claims.getIssuer()).isEqualTo(emulator.frontendApiUrl());
  }

  @Test
  void tokenFromTheEmulatorPassesTheSdkOverTheBackendJwksAcrossARotation() throws Exception {
    String before = token();
    emulator.rotateSigningKey();
    String after = token();

    for (String jwt : List.of(before, after)) {
      Claims claims =
          (Claims) VerifyToken.verifyToken(jwt, overJwks(emulator.secretKey())).payload();
      assertThat(claims.get("sid")).isEqualTo(sessionId);
    }
    TokenVerificationException wrongKey =
        catchThrowableOfType(
            TokenVerificationException.class,
            () -> VerifyToken.verifyToken(after, overJwks("sk_test_not_the_emulators")));
    assertThat(wrongKey).isNotNull();
  }

  @Test
  void organizationClaimsFromTheEmulatorDecodeInTheSdk() throws Exception {
    NativeFapiClient.Reply me = device.get("/v1/me", "_clerk_session_id", sessionId);
    String orgId =
        me.response()
            .path("organization_memberships")
            .path(0)
            .path("organization")
            .path("id")
            .asText();
    assertThat(orgId).startsWith("org_");

    Claims claims =
        (Claims)
            VerifyToken.verifyToken(
                    token("organization_id", orgId),
                    VerifyTokenOptions.jwtKey(emulator.jwtPublicKeyPem()).build())
                .payload();

    assertThat(claims.get("org_id")).isEqualTo(orgId);
    assertThat(claims.get("org_slug")).isEqualTo("acme");
    assertThat(claims.get("org_role")).isEqualTo("billing");
    assertThat(claims.get("org_permissions"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactlyInAnyOrder("org:invoices:read", "org:invoices:manage");
  }

  @Test
  void tokenFromTheEmulatorFailsOnceTheEmulatorClockPassesItsExpiry() {
    String jwt = token();
    // The SDK checks the wall clock, so instead of advancing time we hand it a token minted two
    // minutes "ago".
    emulator.clock().advance(Duration.ofMinutes(-2));
    String old = token();
    TokenVerificationException e =
        catchThrowableOfType(
            TokenVerificationException.class,
            () ->
                VerifyToken.verifyToken(
                    old, VerifyTokenOptions.jwtKey(emulator.jwtPublicKeyPem()).build()));
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(TokenVerificationErrorReason.TOKEN_EXPIRED);
    assertThat(jwt).isNotEqualTo(old);
  }
}
