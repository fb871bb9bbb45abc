package dev.clerkfx.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.ClerkResponseException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionClaimsTest {

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String jwt(String header, String payload) {
    return b64(header) + "." + b64(payload) + ".c2ln";
  }

  @Test
  void v1OrganizationClaims() {
    SessionClaims c =
        SessionClaims.decode(
            jwt(
                "{\"alg\":\"RS256\",\"kid\":\"ins_1\"}",
                "{\"sub\":\"user_1\",\"sid\":\"sess_1\",\"iat\":1000,\"exp\":1060,\"nbf\":990,\"org_id\":\"org_1\","
                    + "\"org_slug\":\"acme\",\"org_role\":\"org:admin\",\"org_permissions\":[\"org:sys_profile:manage\"],"
                    + "\"fva\":[3,-1],\"sts\":\"active\",\"act\":{\"sub\":\"user_admin\",\"type\":\"impersonation\"}}"));
    assertThat(c.version()).isEqualTo(1);
    assertThat(c.organizationId()).contains("org_1");
    SessionClaims.OrganizationClaims org = c.organization().orElseThrow();
    assertThat(org.slug()).contains("acme");
    assertThat(org.role()).contains("org:admin");
    assertThat(org.permissions()).containsExactly("org:sys_profile:manage");
    assertThat(c.factorVerificationAge()).containsExactly(3, -1);
    assertThat(c.sessionStatus()).contains(SessionStatus.ACTIVE);
    assertThat(c.actor()).contains(new Actor("user_admin", java.util.Optional.of("impersonation")));
    assertThat(c.issuedAt()).isEqualTo(Instant.ofEpochSecond(1000));
  }

  @Test
  void v2OrganizationClaimsAreNormalised() {
    // Features o:reports and o:billing (u:profile is a user feature); permissions read,manage;
    // fpm 3 = both permissions for reports, 1 = read only for billing.
    SessionClaims c =
        SessionClaims.decode(
            jwt(
                "{\"alg\":\"RS256\",\"oiat\":1500}",
                "{\"v\":2,\"sub\":\"user_1\",\"sid\":\"sess_1\",\"iat\":2000,\"exp\":2060,\"sts\":\"pending\","
                    + "\"fea\":\"o:reports,u:profile,o:billing\","
                    + "\"o\":{\"id\":\"org_2\",\"slg\":\"beta\",\"rol\":\"member\",\"per\":\"read,manage\",\"fpm\":\"3,1\"}}"));
    assertThat(c.version()).isEqualTo(2);
    SessionClaims.OrganizationClaims org = c.organization().orElseThrow();
    assertThat(org.id()).isEqualTo("org_2");
    assertThat(org.slug()).contains("beta");
    assertThat(org.role()).contains("org:member");
    assertThat(org.permissions())
        .containsExactly("org:reports:read", "org:reports:manage", "org:billing:read");
    assertThat(c.sessionStatus()).contains(SessionStatus.PENDING);
    assertThat(c.originIssuedAt()).contains(Instant.ofEpochSecond(1500));
  }

  @Test
  void v2WithoutOrganizationHasNone() {
    SessionClaims c =
        SessionClaims.decode(jwt("{}", "{\"v\":2,\"sub\":\"user_1\",\"iat\":1,\"exp\":61}"));
    assertThat(c.organization()).isEmpty();
    assertThat(c.sessionId()).isEmpty();
    assertThat(c.sessionStatus()).isEmpty();
  }

  @Test
  void malformedTokensAreResponseErrors() {
    assertThatThrownBy(() -> SessionClaims.decode("not-a-jwt"))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("three");
    assertThatThrownBy(() -> SessionClaims.decode("@@@.@@@.x"))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("base64url");
    assertThatThrownBy(() -> SessionClaims.decode(b64("{}") + "." + b64("[1]") + ".x"))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> SessionClaims.decode("e30=.e30=.e30="))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("required claim");
    assertThatThrownBy(() -> SessionClaims.decode(null)).isInstanceOf(ClerkResponseException.class);
    assertThat(SessionClaims.tryDecode("e30=.e30=.e30=")).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "1e300",
        "-1e300",
        "18446744073709551617",
        "-18446744073709551617",
        "\"1700000060\"",
        "null",
        "[1]",
        "{}",
        "true",
        "1e400",
        "253402300800",
        "99999999999999999999999999999999999999.5"
      })
  void absurdTimeClaimsNeverThrowAnythingButAResponseError(String exp) {
    String jwt =
        jwt(
            "{\"oiat\":" + exp + "}",
            "{\"sub\":\"user_1\",\"iat\":1700000000,\"exp\":" + exp + ",\"nbf\":" + exp + "}");
    assertThatThrownBy(() -> SessionClaims.decode(jwt))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("required claim");
    assertThat(SessionClaims.tryDecode(jwt)).isEmpty();
    // as an optional claim the same value reads as absent
    SessionClaims c =
        SessionClaims.decode(
            jwt(
                "{\"oiat\":" + exp + "}",
                "{\"sub\":\"user_1\",\"iat\":1700000000,\"exp\":1700000060,\"nbf\":" + exp + "}"));
    assertThat(c.notBefore()).isEmpty();
    assertThat(c.originIssuedAt()).isEmpty();
  }

  @Test
  void timeClaimsInRangeAreRead() {
    SessionClaims c =
        SessionClaims.decode(
            jwt("{}", "{\"sub\":\"user_1\",\"iat\":-5,\"exp\":1700000060.9,\"nbf\":253402300799}"));
    assertThat(c.issuedAt()).isEqualTo(Instant.ofEpochSecond(-5));
    assertThat(c.expiresAt()).isEqualTo(Instant.ofEpochSecond(1700000060));
    assertThat(c.notBefore()).contains(Instant.parse("9999-12-31T23:59:59Z"));
    assertThat(c.expiresAt().toEpochMilli()).isPositive();
  }

  @Test
  void randomClaimsNeverThrowAnythingButAResponseError() {
    String[] values = {
      "1e300",
      "-1e300",
      "18446744073709551617",
      "-1",
      "0",
      "1700000000",
      "1.5",
      "\"x\"",
      "\"\"",
      "null",
      "true",
      "[]",
      "[null]",
      "{}",
      "{\"id\":null}",
      "{\"id\":\"org_1\",\"per\":\"a,b\",\"fpm\":\"99999999999999999999\"}",
      "[1e300,\"a\",null,{}]",
      "\"o:x,o:,:y,,\"",
      "2147483648",
      "-2147483649",
      "1e-300",
      "\"\\u0000\""
    };
    String[] claims = {
      "sub",
      "iat",
      "exp",
      "nbf",
      "sid",
      "azp",
      "fva",
      "sts",
      "act",
      "v",
      "o",
      "fea",
      "org_id",
      "org_permissions",
      "org_role"
    };
    java.util.Random random = new java.util.Random(20_261_129L);
    int decoded = 0;
    for (int i = 0; i < 5_000; i++) {
      StringBuilder payload = new StringBuilder("{");
      for (String claim : claims) {
        if (random.nextInt(4) == 0) continue;
        if (payload.length() > 1) payload.append(',');
        String value =
            switch (claim) {
              case "sub" ->
                  random.nextBoolean() ? "\"user_1\"" : values[random.nextInt(values.length)];
              case "iat" ->
                  random.nextBoolean() ? "1700000000" : values[random.nextInt(values.length)];
              case "exp" ->
                  random.nextBoolean() ? "1700000060" : values[random.nextInt(values.length)];
              default -> values[random.nextInt(values.length)];
            };
        payload.append('"').append(claim).append("\":").append(value);
      }
      String header =
          "{\"oiat\":"
              + values[random.nextInt(values.length)]
              + ",\"kid\":"
              + values[random.nextInt(values.length)]
              + "}";
      String jwt = jwt(header, payload.append('}').toString());
      try {
        SessionClaims c = SessionClaims.decode(jwt);
        c.lifetime();
        c.expiresAt().toEpochMilli();
        c.issuedAt().toEpochMilli();
        decoded++;
      } catch (ClerkResponseException expected) {
        assertThat(SessionClaims.tryDecode(jwt)).isEmpty();
      }
    }
    assertThat(decoded).as("some random tokens are valid").isPositive();
  }
}
