package dev.clerkfx.testkit.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenMinterTest {
  private static final Instant NOW = Instant.parse("2026-11-27T16:00:00Z");
  private static final long IAT = NOW.getEpochSecond();
  private static final String ISS = "http://127.0.0.1:54321";

  private final SigningKeyRing keys = SigningKeyRing.of(TestKeys.key(0));
  private final TokenMinter minter =
      TokenMinter.builder(keys, Clock.fixed(NOW, ZoneOffset.UTC), ISS).build();

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void sessionTokenHasExactlyClerksHeaderAndClaims() {
    String jwt =
        minter.mintSessionToken(SessionTokenRequest.builder("sess_abc", "user_xyz").build());

    JsonNode header = Jwts.header(jwt);
    assertThat(names(header)).containsExactly("alg", "kid", "typ");
    assertThat(header.get("alg").asText()).isEqualTo("RS256");
    assertThat(header.get("typ").asText()).isEqualTo("JWT");
    assertThat(header.get("kid").asText())
        .isEqualTo(keys.current().kid())
        .matches("ins_[0-9A-Za-z]{27}");

    JsonNode claims = Jwts.payload(jwt);
    assertThat(names(claims))
        .containsExactly("exp", "fva", "iat", "iss", "nbf", "sid", "sts", "sub", "v");
    assertThat(claims.get("iat").asLong()).isEqualTo(IAT);
    assertThat(claims.get("nbf").asLong()).isEqualTo(IAT - 10);
    assertThat(claims.get("exp").asLong()).isEqualTo(IAT + 60);
    assertThat(claims.get("iss").asText()).isEqualTo(ISS);
    assertThat(claims.get("sid").asText()).isEqualTo("sess_abc");
    assertThat(claims.get("sub").asText()).isEqualTo("user_xyz");
    assertThat(claims.get("sts").asText()).isEqualTo("active");
    assertThat(claims.get("v").asInt()).isEqualTo(2);
    assertThat(claims.get("fva").toString()).isEqualTo("[0,-1]");

    assertThat(Jwts.verifies(jwt, keys.jwksJson())).isTrue();
  }

  @Test
  void optionalClaimsAppearWhenGiven() {
    String jwt =
        minter.mintSessionToken(
            SessionTokenRequest.builder("sess_1", "user_1")
                .status("pending")
                .factorAges(5, 2)
                .authorizedParty("http://localhost:3000")
                .actor(
                    new SessionTokenRequest.Actor(
                        "user_admin", Map.of("iss", "https://dashboard.clerk.com")))
                .originIssuedAtHeader(true)
                .build());

    assertThat(names(Jwts.header(jwt))).containsExactly("alg", "kid", "oiat", "typ");
    assertThat(Jwts.header(jwt).get("oiat").asLong()).isEqualTo(IAT);
    JsonNode claims = Jwts.payload(jwt);
    assertThat(claims.get("azp").asText()).isEqualTo("http://localhost:3000");
    assertThat(claims.get("sts").asText()).isEqualTo("pending");
    assertThat(claims.get("fva").toString()).isEqualTo("[5,2]");
    assertThat(claims.get("act").toString())
        .isEqualTo("{\"iss\":\"https://dashboard.clerk.com\",\"sub\":\"user_admin\"}");
    assertThat(claims.has("o")).isFalse();
    assertThat(Jwts.verifies(jwt, keys.jwksJson())).isTrue();
  }

  @Test
  void organizationClaimMatchesClerksV2Encoding() {
    // The vector of clerk/javascript packages/shared/src/__tests__/jwtPayloadParser.spec.ts
    // ("org permissions are generated correctly when fea, per, and fpm are present").
    String jwt =
        minter.mintSessionToken(
            SessionTokenRequest.builder("sess_1", "user_1")
                .organization(
                    new SessionTokenRequest.Organization(
                        "org_xxxxxxx",
                        "org_test",
                        "org:admin",
                        List.of(
                            "org:impersonation:read",
                            "org:memberships:read",
                            "org:memberships:manage")))
                .build());

    JsonNode claims = Jwts.payload(jwt);
    assertThat(claims.get("fea").asText()).isEqualTo("o:impersonation,o:memberships");
    JsonNode o = claims.get("o");
    assertThat(names(o)).containsExactly("fpm", "id", "per", "rol", "slg");
    assertThat(o.get("id").asText()).isEqualTo("org_xxxxxxx");
    assertThat(o.get("slg").asText()).isEqualTo("org_test");
    assertThat(o.get("rol").asText()).isEqualTo("admin");
    assertThat(o.get("per").asText()).isEqualTo("read,manage");
    assertThat(o.get("fpm").asText()).isEqualTo("1,3");
  }

  @Test
  void organizationPermissionsRoundTripThroughClerksDecoder() {
    List<String> permissions =
        List.of(
            "org:repositories:read",
            "org:repositories:create",
            "org:repositories:update",
            "org:projects:read",
            "org:projects:update",
            "org:projects:revoke",
            "org:sys_memberships:manage",
            "org:sys_profile:delete");
    String jwt =
        minter.mintSessionToken(
            SessionTokenRequest.builder("sess_1", "user_1")
                .organization(
                    new SessionTokenRequest.Organization("org_1", null, "member", permissions))
                .build());

    JsonNode claims = Jwts.payload(jwt);
    assertThat(claims.get("o").has("slg")).isFalse();
    assertThat(decodeLikeClerk(claims)).containsExactlyInAnyOrderElementsOf(permissions);
  }

  /**
   * Mirrors clerk/javascript packages/shared/src/jwtPayloadParser.ts (bit i of fpm grants per[i]).
   */
  private static List<String> decodeLikeClerk(JsonNode claims) {
    List<String> orgFeatures = new ArrayList<>();
    for (String part : claims.get("fea").asText().split(",")) {
      String[] scopeAndName = part.trim().split(":", 2);
      if (scopeAndName[0].contains("o")) {
        orgFeatures.add(scopeAndName[1]);
      }
    }
    String[] per = claims.get("o").get("per").asText().split(",");
    String[] fpm = claims.get("o").get("fpm").asText().split(",");
    List<String> out = new ArrayList<>();
    for (int f = 0; f < orgFeatures.size() && f < fpm.length; f++) {
      long mask = Long.parseLong(fpm[f].trim());
      for (int i = 0; i < per.length; i++) {
        if ((mask >> i & 1) == 1) {
          out.add("org:" + orgFeatures.get(f) + ":" + per[i]);
        }
      }
    }
    return out;
  }

  @Test
  void organizationWithoutPermissionsHasNoPerFpmOrFea() {
    JsonNode claims =
        Jwts.payload(
            minter.mintSessionToken(
                SessionTokenRequest.builder("sess_1", "user_1")
                    .organization(
                        new SessionTokenRequest.Organization("org_1", "acme", "admin", List.of()))
                    .build()));
    assertThat(names(claims.get("o"))).containsExactly("id", "rol", "slg");
    assertThat(claims.has("fea")).isFalse();
  }

  @Test
  void customClaimsNeverReplaceDefaultClaims() {
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("sub", "attacker");
    custom.put("exp", 9_999_999_999L);
    custom.put("role", "tester");
    JsonNode claims =
        Jwts.payload(
            minter.mintSessionToken(
                SessionTokenRequest.builder("sess_1", "user_1").customClaims(custom).build()));
    assertThat(claims.get("sub").asText()).isEqualTo("user_1");
    assertThat(claims.get("exp").asLong()).isEqualTo(IAT + 60);
    assertThat(claims.get("role").asText()).isEqualTo("tester");
  }

  @Test
  void lifetimeAndTimeComeFromConfigurationAndClock() {
    Instant later = NOW.plusSeconds(3600);
    TokenMinter custom =
        TokenMinter.builder(keys, Clock.fixed(later, ZoneOffset.UTC), ISS)
            .sessionTokenLifetime(Duration.ofSeconds(120))
            .build();
    JsonNode claims =
        Jwts.payload(custom.mintSessionToken(SessionTokenRequest.builder("s", "u").build()));
    assertThat(claims.get("iat").asLong()).isEqualTo(later.getEpochSecond());
    assertThat(claims.get("exp").asLong()).isEqualTo(later.getEpochSecond() + 120);
    assertThat(claims.get("nbf").asLong()).isEqualTo(later.getEpochSecond() - 10);
    assertThat(custom.sessionTokenLifetime()).hasSeconds(120);
  }

  @Test
  void templateTokenCarriesClerksDefaultClaimsAndEvaluatedShortcodes() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("aud", "https://example.com");
    claims.put("interests", List.of("hiking", "knitting"));
    claims.put("user_id", "{{user.id}}");
    claims.put("name", "{{user.first_name}}");
    claims.put("surname", "{{user.last_name}}");
    claims.put("email", "{{user.primary_email_address}}");
    claims.put("full_name", "{{user.last_name}} {{user.first_name}}");
    claims.put("likes_to_do", "{{user.public_metadata.profile.interests}}");
    claims.put("unsafe_meta", "{{user.unsafe_metadata}}");
    claims.put("registration_date", "{{user.created_at}}");
    claims.put("invalid_shortcode", "{{user.i_dont_exist}}");
    claims.put("display", "{{user.full_name || 'Awesome User'}}");
    claims.put("age", "{{user.public_metadata.age || user.unsafe_metadata.age || 30 }}");
    claims.put("verified", "{{user.email_verified || user.phone_number_verified}}");
    claims.put("org", Map.of("id", "{{org.id}}", "slug", "{{org.slug}}"));
    claims.put("iss", "https://evil.example"); // default claims cannot be overridden
    claims.put("sub", "{{user.first_name}}");
    minter.putTemplate(JwtTemplate.of("integration", claims, Duration.ofSeconds(300)));

    Map<String, Object> user = new LinkedHashMap<>();
    user.put("first_name", "Maria");
    user.put("last_name", null);
    user.put("primary_email_address", "maria@example.com");
    user.put("created_at", 1227618844L);
    user.put("email_verified", false);
    user.put("phone_number_verified", true);
    user.put(
        "public_metadata", Map.of("profile", Map.of("interests", List.of("reading", "climbing"))));
    user.put("unsafe_metadata", Map.of("foo", Map.of("bar", 42)));
    TemplateTokenRequest base = TemplateTokenRequest.of("user_abc", user);
    TemplateTokenRequest request =
        new TemplateTokenRequest(
            base.userId(),
            "http://localhost:3000",
            base.user(),
            Map.of("id", "org_1", "slug", "acme"),
            Map.of());

    String jwt = minter.mintTemplateToken("integration", request);
    assertThat(Jwts.verifies(jwt, keys.jwksJson())).isTrue();
    assertThat(names(Jwts.header(jwt))).containsExactly("alg", "kid", "typ");
    JsonNode c = Jwts.payload(jwt);
    assertThat(c.get("azp").asText()).isEqualTo("http://localhost:3000");
    assertThat(c.get("iat").asLong()).isEqualTo(IAT);
    assertThat(c.get("exp").asLong()).isEqualTo(IAT + 300);
    assertThat(c.get("nbf").asLong()).isEqualTo(IAT - 5);
    assertThat(c.get("iss").asText()).isEqualTo(ISS);
    assertThat(c.get("sub").asText()).isEqualTo("user_abc");
    assertThat(c.get("jti").asText()).matches("[0-9a-f]{20}");
    assertThat(c.has("sid")).isFalse();
    assertThat(c.has("v")).isFalse();
    assertThat(c.get("aud").asText()).isEqualTo("https://example.com");
    assertThat(c.get("interests").toString()).isEqualTo("[\"hiking\",\"knitting\"]");
    assertThat(c.get("user_id").asText()).isEqualTo("user_abc");
    assertThat(c.get("name").asText()).isEqualTo("Maria");
    assertThat(c.get("surname").isNull()).isTrue();
    assertThat(c.get("email").asText()).isEqualTo("maria@example.com");
    assertThat(c.get("full_name").asText()).isEqualTo("null Maria");
    assertThat(c.get("likes_to_do").toString()).isEqualTo("[\"reading\",\"climbing\"]");
    assertThat(c.get("unsafe_meta").toString()).isEqualTo("{\"foo\":{\"bar\":42}}");
    assertThat(c.get("registration_date").asLong()).isEqualTo(1227618844L);
    assertThat(c.get("invalid_shortcode").isNull()).isTrue();
    assertThat(c.get("display").asText()).isEqualTo("Awesome User");
    assertThat(c.get("age").asLong()).isEqualTo(30);
    assertThat(c.get("verified").asBoolean()).isTrue();
    assertThat(c.get("org").get("id").asText()).isEqualTo("org_1");
    assertThat(c.get("org").get("slug").asText()).isEqualTo("acme");
  }

  @Test
  void templateDefaultsAreClerks() {
    minter.putTemplate(JwtTemplate.of("plain", Map.of("role", "authenticated")));
    JsonNode c =
        Jwts.payload(
            minter.mintTemplateToken("plain", TemplateTokenRequest.of("user_1", Map.of())));
    assertThat(names(c)).containsExactly("exp", "iat", "iss", "jti", "nbf", "role", "sub");
    assertThat(c.get("exp").asLong() - c.get("iat").asLong()).isEqualTo(60);
    assertThat(c.get("iat").asLong() - c.get("nbf").asLong()).isEqualTo(5);
    assertThat(minter.template("plain")).isPresent();
    assertThat(minter.template("nope")).isEmpty();
  }

  @Test
  void unknownTemplateIsATypedError() {
    assertThatThrownBy(
            () -> minter.mintTemplateToken("missing", TemplateTokenRequest.of("user_1", Map.of())))
        .isInstanceOf(UnknownTemplateException.class)
        .hasMessageContaining("missing")
        .satisfies(
            e -> assertThat(((UnknownTemplateException) e).templateName()).isEqualTo("missing"));
  }

  @Test
  void badInputIsRejectedWithClearMessages() {
    assertThatThrownBy(() -> SessionTokenRequest.builder("", "user_1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sessionId");
    assertThatThrownBy(() -> SessionTokenRequest.builder("sess_1", null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
    assertThatThrownBy(
            () -> SessionTokenRequest.builder("sess_1", "user_1").status("ended").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("active");
    assertThatThrownBy(
            () -> SessionTokenRequest.builder("sess_1", "user_1").factorAges(-2, 0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new SessionTokenRequest.Organization("org_1", "a", "admin", List.of("read")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("org:<feature>:<action>");
    assertThatThrownBy(() -> new SessionTokenRequest.Actor(" ", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minter.mintSessionToken(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenMinter.builder(keys, null, ISS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenMinter.builder(keys, Clock.systemUTC(), " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                TokenMinter.builder(keys, Clock.systemUTC(), ISS)
                    .sessionTokenLifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JwtTemplate.of("", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new JwtTemplate("t", Map.of(), Duration.ofSeconds(60), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TemplateTokenRequest.of(null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameClaimsInTheSameSecondGiveTheSameTokenAsAFreshSignature() throws Exception {
    SessionTokenRequest request = SessionTokenRequest.builder("sess_1", "user_1").build();
    String first = minter.mintSessionToken(request);
    String second = minter.mintSessionToken(request);
    assertThat(second).isEqualTo(first);

    // RS256 is deterministic: a signature made directly over the same input is the same bytes.
    String[] parts = first.split("\\.");
    java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
    rsa.initSign(TestKeys.pair(0).getPrivate());
    rsa.update((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(parts[2])
        .isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign()));

    TokenMinter nextSecond =
        TokenMinter.builder(keys, Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC), ISS).build();
    assertThat(nextSecond.mintSessionToken(request)).isNotEqualTo(first);
  }

  @Test
  void mintingIsThreadSafe() throws Exception {
    int threads = 8;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    tokens.add(
                        minter.mintSessionToken(
                            SessionTokenRequest.builder("sess_" + id, "user_" + i).build()));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(tokens).hasSize(threads * perThread);
    assertThat(tokens).allSatisfy(jwt -> assertThat(Jwts.verifies(jwt, keys.jwksJson())).isTrue());
  }
}
