package dev.clerkfx.testkit.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clerk.backend_api.helpers.security.VerifyToken;
import com.clerk.backend_api.helpers.security.models.TokenVerificationErrorReason;
import com.clerk.backend_api.helpers.security.models.TokenVerificationException;
import com.clerk.backend_api.helpers.security.models.VerifyTokenOptions;
import com.sun.net.httpserver.HttpServer;
import dev.clerkfx.testkit.internal.token.SessionTokenRequest;
import dev.clerkfx.testkit.internal.token.SigningKey;
import dev.clerkfx.testkit.internal.token.SigningKeyRing;
import dev.clerkfx.testkit.internal.token.TestKeys;
import dev.clerkfx.testkit.internal.token.TokenMinter;
import io.jsonwebtoken.Claims;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Tokens the emulator mints pass Clerk's official Java backend SDK ({@code com.clerk:backend-api}
 * {@code VerifyToken.verifyToken}), networklessly with the PEM {@code jwtKey} and over the
 * secret-key + BAPI JWKS path; expired and tampered tokens fail. The SDK judges time by the wall
 * clock, so tokens are minted with the system clock (or offset from it).
 */
class BackendSdkVerificationTest {
  private static final String ISS = "http://127.0.0.1:1";

  private final SigningKeyRing keys = SigningKeyRing.of(TestKeys.key(0));

  private TokenMinter minter(Clock clock) {
    return TokenMinter.builder(keys, clock, ISS).build();
  }

  private static SessionTokenRequest.Builder request() {
    return SessionTokenRequest.builder("sess_2abc", "user_2xyz")
        .authorizedParty("http://localhost:3000");
  }

  @Test
  @SuppressWarnings("unchecked")
  void mintedSessionTokenPassesTheSdkWithThePemKey() throws Exception {
    String jwt =
        minter(Clock.systemUTC())
            .mintSessionToken(
                request()
                    .organization(
                        new SessionTokenRequest.Organization(
                            "org_1",
                            "acme",
                            "org:admin",
                            List.of(
                                "org:invoices:read",
                                "org:invoices:manage",
                                "org:sys_memberships:read")))
                    .build());
    VerifyTokenOptions options =
        VerifyTokenOptions.jwtKey(keys.current().publicKeyPem())
            .authorizedParty("http://localhost:3000")
            .build();

    Claims claims = (Claims) VerifyToken.verifyToken(jwt, options).payload();

    assertThat(claims.getSubject()).isEqualTo("user_2xyz");
    assertThat(claims.get("sid")).isEqualTo("sess_2abc");
    assertThat(claims.getIssuer()).isEqualTo(ISS);
    // Clerk's SDK decodes the v2 org claim into v1 names; our fea/per/fpm encoding must round-trip.
    assertThat(claims.get("org_id")).isEqualTo("org_1");
    assertThat(claims.get("org_slug")).isEqualTo("acme");
    assertThat(claims.get("org_role")).isEqualTo("admin");
    assertThat((List<Object>) claims.get("org_permissions"))
        .containsExactlyInAnyOrder(
            "org:invoices:read", "org:invoices:manage", "org:sys_memberships:read");
  }

  @Test
  void expiredTokenFails() {
    Clock twoMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2));
    String jwt = minter(twoMinutesAgo).mintSessionToken(request().build());

    TokenVerificationException e =
        catchThrowableOfType(
            TokenVerificationException.class,
            () ->
                VerifyToken.verifyToken(
                    jwt, VerifyTokenOptions.jwtKey(keys.current().publicKeyPem()).build()));

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(TokenVerificationErrorReason.TOKEN_EXPIRED);
  }

  @Test
  void tokenWithAFlippedPayloadByteFails() {
    String jwt = minter(Clock.systemUTC()).mintSessionToken(request().build());
    String[] parts = jwt.split("\\.");
    byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
    String text = new String(payload, StandardCharsets.UTF_8).replace("user_2xyz", "user_2xyZ");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    TokenVerificationException e =
        catchThrowableOfType(
            TokenVerificationException.class,
            () ->
                VerifyToken.verifyToken(
                    tampered, VerifyTokenOptions.jwtKey(keys.current().publicKeyPem()).build()));

    assertThat(e).isNotNull();
    assertThat(e.reason())
        .isIn(
            TokenVerificationErrorReason.TOKEN_INVALID,
            TokenVerificationErrorReason.TOKEN_INVALID_SIGNATURE);
  }

  @Test
  void tokenSignedByAnotherKeyWithTheSameKidFails() {
    SigningKeyRing impostor =
        SigningKeyRing.of(SigningKey.of(keys.current().kid(), TestKeys.pair(1)));
    String jwt =
        TokenMinter.builder(impostor, Clock.systemUTC(), ISS)
            .build()
            .mintSessionToken(request().build());

    TokenVerificationException e =
        catchThrowableOfType(
            TokenVerificationException.class,
            () ->
                VerifyToken.verifyToken(
                    jwt, VerifyTokenOptions.jwtKey(keys.current().publicKeyPem()).build()));

    assertThat(e).isNotNull();
    assertThat(e.reason())
        .isIn(
            TokenVerificationErrorReason.TOKEN_INVALID,
            TokenVerificationErrorReason.TOKEN_INVALID_SIGNATURE);
  }

  @Test
  void wrongAuthorizedPartyFails() {
    String jwt = minter(Clock.systemUTC()).mintSessionToken(request().build());
    TokenVerificationException e =
        catchThrowableOfType(
            TokenVerificationException.class,
            () ->
                VerifyToken.verifyToken(
                    jwt,
                    VerifyTokenOptions.jwtKey(keys.current().publicKeyPem())
                        .authorizedParty("https://other.example")
                        .build()));
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(TokenVerificationErrorReason.TOKEN_INVALID_AUTHORIZED_PARTIES);
  }

  /**
   * The SDK's secret-key path fetches {@code GET {apiUrl}/v1/jwks} with {@code Authorization:
   * Bearer sk_…}; a JDK server serving {@link SigningKeyRing#jwksJson()} stands in for the
   * emulator's BAPI route here (the emulator test is {@code EmulatorBackendVerificationTest}).
   */
  @Test
  void mintedTokenPassesTheSdkOverTheJwksPathAcrossARotation() throws Exception {
    String secret = "sk_test_emulator";
    AtomicInteger fetches = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/jwks",
        exchange -> {
          fetches.incrementAndGet();
          boolean authorised =
              ("Bearer " + secret).equals(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body =
              (authorised
                      ? keys.jwksJson()
                      : "{\"errors\":[{\"code\":\"authentication_invalid\"}]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String api = "http://127.0.0.1:" + server.getAddress().getPort();
      TokenMinter minter = minter(Clock.systemUTC());
      String before = minter.mintSessionToken(request().build());
      keys.rotate(TestKeys.key(1));
      String after = minter.mintSessionToken(request().build());

      for (String jwt : List.of(before, after)) {
        Claims claims =
            (Claims)
                VerifyToken.verifyToken(
                        jwt,
                        VerifyTokenOptions.secretKey(secret)
                            .apiUrl(api)
                            .skipJwksCache(true)
                            .build())
                    .payload();
        assertThat(claims.getSubject()).isEqualTo("user_2xyz");
      }
      assertThat(fetches.get()).isEqualTo(2);

      TokenVerificationException e =
          catchThrowableOfType(
              TokenVerificationException.class,
              () ->
                  VerifyToken.verifyToken(
                      after,
                      VerifyTokenOptions.secretKey("sk_test_wrong")
                          .apiUrl(api)
                          .skipJwksCache(true)
                          .build()));
      assertThat(e).isNotNull();
    } finally {
      server.stop(0);
    }
  }
}
