package dev.clerkfx.testkit.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clerk.backend_api.helpers.security.VerifyToken;
import com.clerk.backend_api.helpers.security.models.TokenVerificationResponse;
import com.clerk.backend_api.helpers.security.models.VerifyTokenOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.clerkfx.testkit.internal.token.SessionTokenRequest;
import dev.clerkfx.testkit.internal.token.SigningKeyRing;
import dev.clerkfx.testkit.internal.token.TestKeys;
import dev.clerkfx.testkit.internal.token.TokenMinter;
import dev.clerkfx.testsupport.SharedReference;
import io.jsonwebtoken.Claims;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sanity check of the verification path on Clerk's own test token ({@code fixtures/fapi/tokens}):
 * if our verifier accepts Clerk's token with Clerk's JWKS, the same verifier accepting our tokens
 * means something.
 */
class RecordedTokenVerificationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String jwt(String file) throws Exception {
    Path p = SharedReference.require("fixtures/fapi/tokens/" + file);
    JsonNode body = JSON.readTree(Files.readString(p));
    assertThat(body.get("object").asText()).isEqualTo("token");
    return body.get("jwt").asText();
  }

  private static String jwks() throws Exception {
    return Files.readString(SharedReference.require("fixtures/fapi/tokens/jwks.json"));
  }

  @Test
  void clerksRecordedTokenVerifiesAgainstClerksJwksAtItsOwnTime() throws Exception {
    String jwt = jwt("token_response_rs256.json");
    Clock then =
        Clock.fixed(Instant.ofEpochSecond(1666648250L + 30), ZoneOffset.UTC); // mid-lifetime

    JWTClaimsSet claims = new JwksVerifier(jwks(), then, Duration.ZERO).verify(jwt);

    assertThat(claims.getSubject()).isEqualTo("user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr");
    assertThat(claims.getStringClaim("sid")).isEqualTo("sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9");
    long iat = claims.getIssueTime().toInstant().getEpochSecond();
    assertThat(claims.getExpirationTime().toInstant().getEpochSecond() - iat).isEqualTo(60);
    assertThat(iat - claims.getNotBeforeTime().toInstant().getEpochSecond()).isEqualTo(10);
  }

  @Test
  void emulatorTokensPassTheSameVerifierAndHaveTheRecordedTokensShape() throws Exception {
    JsonNode recorded =
        JSON.readTree(
            Files.readString(
                SharedReference.require("fixtures/fapi/tokens/token_rs256_decoded.json")));
    SigningKeyRing keys = SigningKeyRing.of(TestKeys.key(0));
    Instant now = Instant.parse("2026-11-27T16:00:00Z");
    String jwt =
        TokenMinter.builder(keys, Clock.fixed(now, ZoneOffset.UTC), "http://127.0.0.1:1")
            .build()
            .mintSessionToken(
                SessionTokenRequest.builder("sess_1", "user_1")
                    .authorizedParty("http://localhost")
                    .build());

    JWTClaimsSet claims =
        new JwksVerifier(
                keys.jwksJson(), Clock.fixed(now.plusSeconds(59), ZoneOffset.UTC), Duration.ZERO)
            .verify(jwt);
    assertThat(claims.getSubject()).isEqualTo("user_1");
    assertThatThrownBy(
            () ->
                new JwksVerifier(
                        keys.jwksJson(),
                        Clock.fixed(now.plusSeconds(60), ZoneOffset.UTC),
                        Duration.ZERO)
                    .verify(jwt))
        .hasMessage("expired");

    // Every header member and claim of Clerk's recorded token is present in ours (we add fva, sts,
    // v).
    JsonNode ours = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    recorded
        .get("payload")
        .fieldNames()
        .forEachRemaining(name -> assertThat(ours.has(name)).as(name).isTrue());
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    recorded
        .get("header")
        .fieldNames()
        .forEachRemaining(name -> assertThat(header.has(name)).as(name).isTrue());
    assertThat(header.size()).isEqualTo(recorded.get("header").size());
  }

  @Test
  void clerksRecordedTokenIsExpiredNowAndItsExpiredTwinFailsThen() throws Exception {
    String jwt = jwt("token_response_rs256.json");
    assertThatThrownBy(
            () -> new JwksVerifier(jwks(), Clock.systemUTC(), Duration.ofSeconds(5)).verify(jwt))
        .hasMessage("expired");
    Clock then = Clock.fixed(Instant.ofEpochSecond(1666648250L + 30), ZoneOffset.UTC);
    String expired = jwt("token_response_rs256_expired.json");
    assertThatThrownBy(() -> new JwksVerifier(jwks(), then, Duration.ZERO).verify(expired))
        .isInstanceOf(JwksVerifier.VerificationFailure.class);
  }

  @Test
  void clerksBackendSdkAcceptsTheRecordedTokenWithAPemBuiltFromTheJwks() throws Exception {
    RSAKey key = (RSAKey) JWKSet.parse(jwks()).getKeys().get(0);
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.toRSAPublicKey().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    // The SDK checks time against the wall clock; the fixture is from 2022, so allow that much
    // skew.
    long ageSeconds = Instant.now().getEpochSecond() - 1666648250L + 3600;
    VerifyTokenOptions options =
        VerifyTokenOptions.jwtKey(pem).clockSkew(ageSeconds, TimeUnit.SECONDS).build();

    TokenVerificationResponse<?> response =
        VerifyToken.verifyToken(jwt("token_response_rs256.json"), options);

    Claims claims = (Claims) response.payload();
    assertThat(claims.getSubject()).isEqualTo("user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr");
    assertThat(claims.get("sid")).isEqualTo("sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9");
  }
}
