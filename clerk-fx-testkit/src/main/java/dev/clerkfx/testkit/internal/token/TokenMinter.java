package dev.clerkfx.testkit.internal.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Mints the emulator's RS256 tokens: session tokens with exactly the claims of protocol doc §7.1,
 * and JWT-template tokens with Clerk's default template claims plus the template's evaluated
 * claims.
 *
 * <p>Thread-safe and lean: the current key's signer and encoded header are prepared once per key; a
 * token costs one JSON serialisation and one RSA signature. All times come from the injected {@link
 * Clock}.
 *
 * <pre>{@code
 * SigningKeyRing keys = SigningKeyRing.generate();
 * TokenMinter minter = TokenMinter.builder(keys, clock, "http://127.0.0.1:8080")
 *     .template(JwtTemplate.of("supabase", Map.of("email", "{{user.primary_email_address}}", "role", "authenticated")))
 *     .build();
 * String jwt = minter.mintSessionToken(SessionTokenRequest.builder("sess_1", "user_1").build());
 * String custom = minter.mintTemplateToken("supabase",
 *     TemplateTokenRequest.of("user_1", Map.of("primary_email_address", "ada@example.com")));
 * }</pre>
 *
 * <h2>Session token claims</h2>
 *
 * Header {@code {"alg":"RS256","kid":"ins_…","typ":"JWT"}} (+ {@code oiat} = {@code iat} when
 * asked). Payload, keys sorted like Clerk's: {@code azp} (when an origin is known), {@code exp} =
 * iat + lifetime (60 s default), {@code fva} [first, second factor age in minutes, -1 = never],
 * {@code iat}, {@code iss}, {@code nbf} = iat − 10 s, {@code sid}, {@code sts}, {@code sub}, {@code
 * v} = 2, {@code act} when impersonating, and when an organization is active the v2 org claim
 * {@code o} plus {@code fea}:
 *
 * <ul>
 *   <li>{@code o.id}, {@code o.slg} (slug), {@code o.rol} (role key without {@code org:}, e.g.
 *       {@code admin});
 *   <li>the member's permissions {@code org:<feature>:<action>} are encoded as Clerk's v2 tokens do
 *       (decoders: clerk/javascript {@code packages/shared/src/jwtPayloadParser.ts} and Clerk's
 *       Java backend SDK {@code JwtSessionTokenVerifier.computeOrgPermissions}): {@code fea} lists
 *       the features as {@code "o:<feature>,…"}; {@code o.per} lists the distinct actions ({@code
 *       "read,manage"}); {@code o.fpm} gives, per {@code fea} entry in order, a decimal bit mask
 *       over {@code per} where bit {@code i} (value {@code 2^i}) grants {@code per[i]} ({@code
 *       "1,3"} = first feature: read; second: read+manage).
 * </ul>
 *
 * Custom claims from the request are added but never replace these.
 *
 * <h2>Template token claims</h2>
 *
 * Clerk's default template claims ({@code docs/guides/sessions/jwt-templates.mdx}): {@code azp}
 * (when known), {@code exp} = iat + template lifetime, {@code iat}, {@code iss}, {@code jti} (20
 * hex chars), {@code nbf} = iat − the template's clock skew (5 s default), {@code sub}; they cannot
 * be overridden. Then the template's claims, evaluated with {@link Shortcodes}. Template tokens
 * carry no {@code sid}, {@code v} or {@code fea}.
 */
public final class TokenMinter {
  /** Clerk's session-token lifetime. */
  public static final Duration DEFAULT_SESSION_TOKEN_LIFETIME = Duration.ofSeconds(60);

  /** {@code nbf} of a session token is this much before {@code iat}. */
  public static final Duration SESSION_TOKEN_NOT_BEFORE_SKEW = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SESSION_DEFAULT_CLAIMS =
      Set.of(
          "azp", "exp", "fva", "iat", "iss", "nbf", "sid", "sts", "sub", "v", "act", "o", "fea",
          "pla", "jti");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SigningKeyRing keys;
  private final Clock clock;
  private final String issuer;
  private final long sessionLifetimeSeconds;
  private final Map<String, JwtTemplate> templates;

  private TokenMinter(Builder b) {
    this.keys = b.keys;
    this.clock = b.clock;
    this.issuer = b.issuer;
    this.sessionLifetimeSeconds = b.sessionLifetime.toSeconds();
    this.templates = new ConcurrentHashMap<>(b.templates);
  }

  /**
   * Starts a minter.
   *
   * @param keys the signing keys (the current key signs)
   * @param clock the time source (the emulator's clock)
   * @param issuer the {@code iss} claim: the FAPI URL, such as {@code http://127.0.0.1:54321}
   * @return a builder
   */
  public static Builder builder(SigningKeyRing keys, Clock clock, String issuer) {
    return new Builder(keys, clock, issuer);
  }

  /**
   * Returns the signing keys.
   *
   * @return the signing keys
   */
  public SigningKeyRing keys() {
    return keys;
  }

  /**
   * Returns the {@code iss} claim value.
   *
   * @return the {@code iss} claim value
   */
  public String issuer() {
    return issuer;
  }

  /**
   * Returns the session-token lifetime ({@code exp - iat}).
   *
   * @return the session-token lifetime ({@code exp - iat})
   */
  public Duration sessionTokenLifetime() {
    return Duration.ofSeconds(sessionLifetimeSeconds);
  }

  /**
   * Adds or replaces a JWT template.
   *
   * @param template the template
   * @throws IllegalArgumentException if the template is missing
   */
  public void putTemplate(JwtTemplate template) {
    if (template == null) {
      throw new IllegalArgumentException("Cannot add a missing JWT template");
    }
    templates.put(template.name(), template);
  }

  /**
   * Returns the template with the given name.
   *
   * @param name the name
   * @return the template, or empty
   */
  public Optional<JwtTemplate> template(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(templates.get(name));
  }

  /**
   * Mints a session token.
   *
   * @param request what the token says
   * @return the compact JWS
   * @throws IllegalArgumentException if the request is missing
   */
  public String mintSessionToken(SessionTokenRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("A session token needs a request");
    }
    long iat = clock.instant().getEpochSecond();
    Map<String, Object> claims = new TreeMap<>();
    request
        .customClaims()
        .forEach(
            (k, v) -> {
              if (!SESSION_DEFAULT_CLAIMS.contains(k)) {
                claims.put(k, v);
              }
            });
    if (request.authorizedParty() != null) {
      claims.put("azp", request.authorizedParty());
    }
    claims.put("exp", iat + sessionLifetimeSeconds);
    claims.put("fva", List.of(request.firstFactorAgeMinutes(), request.secondFactorAgeMinutes()));
    claims.put("iat", iat);
    claims.put("iss", issuer);
    claims.put("nbf", iat - SESSION_TOKEN_NOT_BEFORE_SKEW.toSeconds());
    claims.put("sid", request.sessionId());
    claims.put("sts", request.status());
    claims.put("sub", request.userId());
    claims.put("v", 2);
    if (request.actor() != null) {
      Map<String, Object> act = new TreeMap<>(request.actor().otherClaims());
      act.put("sub", request.actor().sub());
      claims.put("act", act);
    }
    if (request.organization() != null) {
      putOrganization(claims, request.organization());
    }
    return sign(claims, request.originIssuedAtHeader() ? iat : null);
  }

  /**
   * Mints a token from a JWT template.
   *
   * @param templateName the template's name
   * @param request the user and the attributes shortcodes read
   * @return the compact JWS
   * @throws UnknownTemplateException if there is no such template
   * @throws IllegalArgumentException if the request is missing
   */
  public String mintTemplateToken(String templateName, TemplateTokenRequest request) {
    JwtTemplate template =
        template(templateName).orElseThrow(() -> new UnknownTemplateException(templateName));
    if (request == null) {
      throw new IllegalArgumentException("A template token needs a request");
    }
    Map<String, Object> namespaces =
        Map.of("user", request.user(), "org", request.organization(), "session", request.session());
    Map<String, Object> claims = new TreeMap<>();
    template.claims().forEach((k, v) -> claims.put(k, Shortcodes.evaluate(v, namespaces)));
    long iat = clock.instant().getEpochSecond();
    if (request.authorizedParty() != null) {
      claims.put("azp", request.authorizedParty());
    } else {
      claims.remove("azp");
    }
    claims.put("exp", iat + template.lifetime().toSeconds());
    claims.put("iat", iat);
    claims.put("iss", issuer);
    claims.put("jti", jti());
    claims.put("nbf", iat - template.allowedClockSkew().toSeconds());
    claims.put("sub", request.userId());
    return sign(claims, null);
  }

  private static void putOrganization(
      Map<String, Object> claims, SessionTokenRequest.Organization org) {
    Map<String, Object> o = new TreeMap<>();
    o.put("id", org.id());
    if (org.slug() != null) {
      o.put("slg", org.slug());
    }
    if (org.role() != null) {
      o.put("rol", org.role().startsWith("org:") ? org.role().substring(4) : org.role());
    }
    if (!org.permissions().isEmpty()) {
      Map<String, Integer> features = new LinkedHashMap<>(); // feature → bit mask over actions
      List<String> actions = new ArrayList<>();
      for (String permission : org.permissions()) {
        String[] parts = permission.split(":", -1);
        int bit = actions.indexOf(parts[2]);
        if (bit < 0) {
          actions.add(parts[2]);
          bit = actions.size() - 1;
        }
        if (bit > 30) {
          throw new IllegalArgumentException(
              "At most 31 distinct permission actions fit a v2 token's fpm");
        }
        features.merge(parts[1], 1 << bit, (a, b) -> a | b);
      }
      o.put("per", String.join(",", actions));
      StringBuilder fpm = new StringBuilder();
      StringBuilder fea = new StringBuilder();
      features.forEach(
          (feature, mask) -> {
            fpm.append(fpm.length() == 0 ? "" : ",").append(mask);
            fea.append(fea.length() == 0 ? "" : ",").append("o:").append(feature);
          });
      o.put("fpm", fpm.toString());
      claims.put("fea", fea.toString());
    }
    claims.put("o", o);
  }

  private String sign(Map<String, Object> claims, Long oiat) {
    SigningKey key = keys.current();
    String header =
        oiat == null
            ? key.encodedHeader()
            : SigningKey.base64Url(
                ("{\"alg\":\"RS256\",\"kid\":\""
                        + key.kid()
                        + "\",\"oiat\":"
                        + oiat
                        + ",\"typ\":\"JWT\"}")
                    .getBytes(StandardCharsets.UTF_8));
    String payload;
    try {
      payload = SigningKey.base64Url(JSON.writeValueAsBytes(claims));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Token claims are not JSON-serialisable: " + e.getOriginalMessage(), e);
    }
    String signingInput = header + "." + payload;
    return signingInput + "." + key.sign(signingInput);
  }

  private static String jti() {
    char[] out = new char[20];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < out.length; i++) {
      out[i] = HEX[random.nextInt(16)];
    }
    return new String(out);
  }

  @Override
  public String toString() {
    return "TokenMinter[iss="
        + issuer
        + ", lifetime="
        + sessionLifetimeSeconds
        + "s, keys="
        + keys
        + ", templates="
        + templates.keySet()
        + "]";
  }

  /** Builds a {@link TokenMinter}; not thread-safe. */
  public static final class Builder {
    private final SigningKeyRing keys;
    private final Clock clock;
    private final String issuer;
    private Duration sessionLifetime = DEFAULT_SESSION_TOKEN_LIFETIME;
    private final Map<String, JwtTemplate> templates = new LinkedHashMap<>();

    private Builder(SigningKeyRing keys, Clock clock, String issuer) {
      if (keys == null || clock == null) {
        throw new IllegalArgumentException("A token minter needs signing keys and a clock");
      }
      SessionTokenRequest.requireText(issuer, "issuer");
      this.keys = keys;
      this.clock = clock;
      this.issuer = issuer;
    }

    /**
     * Sets the session-token lifetime (default 60 s), whole seconds.
     *
     * @param lifetime the lifetime
     * @return this builder
     * @throws IllegalArgumentException if it is shorter than one second
     */
    public Builder sessionTokenLifetime(Duration lifetime) {
      if (lifetime == null || lifetime.toSeconds() < 1) {
        throw new IllegalArgumentException(
            "Session token lifetime must be at least 1 s, got " + lifetime);
      }
      this.sessionLifetime = lifetime;
      return this;
    }

    /**
     * Adds a JWT template.
     *
     * @param template the template
     * @return this builder
     * @throws IllegalArgumentException if the template is missing
     */
    public Builder template(JwtTemplate template) {
      if (template == null) {
        throw new IllegalArgumentException("Cannot add a missing JWT template");
      }
      templates.put(template.name(), template);
      return this;
    }

    /**
     * Builds the minter.
     *
     * @return the minter
     */
    public TokenMinter build() {
      return new TokenMinter(this);
    }
  }
}
