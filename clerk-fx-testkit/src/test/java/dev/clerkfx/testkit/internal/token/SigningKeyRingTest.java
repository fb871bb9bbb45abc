package dev.clerkfx.testkit.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeyRingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void kidIsShapedLikeAClerkInstanceId() {
    for (int i = 0; i < 50; i++) {
      assertThat(SigningKey.newKid()).matches("ins_[0-9A-Za-z]{27}");
    }
    assertThat(TestKeys.key(0).kid()).matches("ins_[0-9A-Za-z]{27}");
  }

  @Test
  void generateMakesAnRsa2048Key() {
    SigningKey key = SigningKey.generate();
    assertThat(key.publicKey().getModulus().bitLength()).isEqualTo(2048);
    assertThat(key.kid()).startsWith("ins_");
  }

  @Test
  void jwksIsShapedExactlyLikeClerks() throws Exception {
    SigningKeyRing ring = SigningKeyRing.of(TestKeys.key(0));
    JsonNode jwks = JSON.readTree(ring.jwksJson());

    List<String> top = new ArrayList<>();
    jwks.fieldNames().forEachRemaining(top::add);
    assertThat(top).containsExactly("keys");
    assertThat(jwks.get("keys")).hasSize(1);
    JsonNode key = jwks.get("keys").get(0);
    List<String> members = new ArrayList<>();
    key.fieldNames().forEachRemaining(members::add);
    assertThat(members).containsExactly("use", "kty", "kid", "alg", "n", "e");
    assertThat(key.get("use").asText()).isEqualTo("sig");
    assertThat(key.get("kty").asText()).isEqualTo("RSA");
    assertThat(key.get("alg").asText()).isEqualTo("RS256");
    assertThat(key.get("kid").asText()).isEqualTo(ring.current().kid());
    assertThat(key.get("e").asText()).isEqualTo("AQAB");
    assertThat(key.get("n").asText())
        .matches("[A-Za-z0-9_-]{342}"); // 256 bytes, base64url, no padding
  }

  @Test
  void pemIsTheCurrentPublicKey() throws Exception {
    SigningKeyRing ring = SigningKeyRing.of(TestKeys.key(0));
    String pem = ring.current().publicKeyPem();
    assertThat(pem)
        .startsWith("-----BEGIN PUBLIC KEY-----\n")
        .endsWith("-----END PUBLIC KEY-----\n");
    String body =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    PublicKey parsed =
        KeyFactory.getInstance("RSA")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    assertThat(parsed).isEqualTo(ring.current().publicKey());
    assertThat(pem.lines().filter(l -> !l.startsWith("-----")))
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(64));
  }

  @Test
  void rotationKeepsThePreviousPublicKeySoOldTokensStillVerify() throws Exception {
    SigningKeyRing ring = SigningKeyRing.of(TestKeys.key(0));
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    TokenMinter minter = TokenMinter.builder(ring, clock, "http://127.0.0.1:1").build();
    String before =
        minter.mintSessionToken(SessionTokenRequest.builder("sess_1", "user_1").build());
    String oldKid = ring.current().kid();

    SigningKey next = ring.rotate(TestKeys.key(1));

    assertThat(ring.current()).isEqualTo(next);
    assertThat(ring.previous()).map(SigningKey::kid).contains(oldKid);
    JsonNode jwks = JSON.readTree(ring.jwksJson());
    assertThat(jwks.get("keys"))
        .extracting(k -> k.get("kid").asText())
        .containsExactly(next.kid(), oldKid);
    assertThat(Jwts.verifies(before, ring.jwksJson())).isTrue();

    String after = minter.mintSessionToken(SessionTokenRequest.builder("sess_1", "user_1").build());
    assertThat(Jwts.header(after).get("kid").asText()).isEqualTo(next.kid());
    assertThat(Jwts.verifies(after, ring.jwksJson())).isTrue();

    ring.rotate(TestKeys.key(2));
    assertThat(ring.find(oldKid)).isEmpty();
    assertThat(Jwts.verifies(before, ring.jwksJson()))
        .as("two rotations later the first key is gone")
        .isFalse();
    assertThat(Jwts.verifies(after, ring.jwksJson())).isTrue();
  }

  @Test
  void badKeysAreRejectedClearly() throws Exception {
    assertThatThrownBy(() -> SigningKey.of(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SigningKey.of(" ", TestKeys.pair(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    assertThatThrownBy(() -> SigningKey.of(ec.generateKeyPair()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RSA");
    KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
    small.initialize(1024);
    assertThatThrownBy(() -> SigningKey.of(small.generateKeyPair()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2048");
    SigningKeyRing ring = SigningKeyRing.of(TestKeys.key(0));
    assertThatThrownBy(() -> ring.rotate(SigningKey.of(ring.current().kid(), TestKeys.pair(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SigningKeyRing.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringShowsNoKeyMaterial() {
    SigningKey key = TestKeys.key(0);
    assertThat(key.toString()).isEqualTo("SigningKey[kid=" + key.kid() + "]");
    assertThat(SigningKeyRing.of(key).toString()).doesNotContain("MII").contains(key.kid());
  }
}
