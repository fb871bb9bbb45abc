package dev.clerkfx.model;

import dev.clerkfx.ClerkResponseException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The decoded claims of a Clerk session token (or JWT-template token). Decoding only: the signature
 * is not checked here, because the app's backend verifies tokens; the SDK reads claims to schedule
 * refreshes and to show state.
 *
 * <p>Organization claims of both token versions are normalised into {@link #organization()}:
 * version 1 ({@code org_id}, {@code org_slug}, {@code org_role}, {@code org_permissions}) and
 * version 2 ({@code "v":2}, {@code o: {id, slg, rol, per, fpm}} with the {@code fea} feature list),
 * where the role gains its {@code org:} prefix and permissions are expanded to {@code
 * org:<feature>:<permission>} keys as Clerk's backend SDK does.
 *
 * <pre>{@code
 * SessionClaims claims = SessionClaims.decode(jwt);
 * Duration lifetime = claims.lifetime();   // 60 s for session tokens
 * }</pre>
 *
 * @param subject {@code sub}: the user id (required)
 * @param issuer {@code iss}: the Frontend API URL
 * @param issuedAt {@code iat} (required)
 * @param expiresAt {@code exp} (required)
 * @param notBefore {@code nbf}
 * @param sessionId {@code sid}: the session id (absent in some template tokens)
 * @param authorizedParty {@code azp}: the origin the token was requested from
 * @param factorVerificationAge {@code fva}: minutes since first and second factor verification
 *     ({@code -1} = never)
 * @param sessionStatus {@code sts}: {@code active} or {@code pending}
 * @param actor {@code act}: the impersonating actor
 * @param version {@code v}: the claims version, 1 when absent
 * @param organization the active organization from v1 {@code org_*} or v2 {@code o} claims
 * @param originIssuedAt header {@code oiat}: when the origin token was issued (freshness ordering)
 * @param keyId header {@code kid}: the signing key id ({@code ins_…})
 * @param claims every payload claim as decoded (deeply unmodifiable), for custom template claims
 */
public record SessionClaims(
    String subject,
    Optional<String> issuer,
    Instant issuedAt,
    Instant expiresAt,
    Optional<Instant> notBefore,
    Optional<String> sessionId,
    Optional<String> authorizedParty,
    List<Integer> factorVerificationAge,
    Optional<SessionStatus> sessionStatus,
    Optional<Actor> actor,
    int version,
    Optional<OrganizationClaims> organization,
    Optional<Instant> originIssuedAt,
    Optional<String> keyId,
    Map<String, Object> claims) {

  /** Rejects missing required claims; normalises nulls. */
  public SessionClaims {
    if (subject == null || issuedAt == null || expiresAt == null) {
      throw new IllegalArgumentException("session claims need sub, iat and exp");
    }
    issuer = Models.opt(issuer);
    notBefore = Models.opt(notBefore);
    sessionId = Models.opt(sessionId);
    authorizedParty = Models.opt(authorizedParty);
    factorVerificationAge = Models.list(factorVerificationAge);
    sessionStatus = Models.opt(sessionStatus);
    actor = Models.opt(actor);
    organization = Models.opt(organization);
    originIssuedAt = Models.opt(originIssuedAt);
    keyId = Models.opt(keyId);
    claims = Models.metadata(claims);
  }

  /**
   * Decodes a compact JWT's header and payload (base64url JSON). No signature check.
   *
   * @param jwt a compact JWT ({@code header.payload.signature})
   * @return the claims
   * @throws ClerkResponseException when the text is not a JWT, its parts are not base64url JSON
   *     objects, or {@code sub}, {@code iat} or {@code exp} is missing (a time claim that is not a
   *     number, or is out of range, counts as missing; an optional one reads as empty). Nothing the
   *     token holds makes it throw anything else.
   */
  public static SessionClaims decode(String jwt) {
    JwtParts parts = JwtParts.split(jwt);
    Map<String, Object> header = parts.header();
    Map<String, Object> p = parts.payload();
    Optional<Instant> iat = JwtParts.seconds(p.get("iat"));
    Optional<Instant> exp = JwtParts.seconds(p.get("exp"));
    Optional<String> sub = JwtParts.string(p.get("sub"));
    if (iat.isEmpty() || exp.isEmpty() || sub.isEmpty()) {
      throw new ClerkResponseException(
          0,
          "The token lacks a required claim (sub, and iat and exp as numbers of "
              + "seconds within the years 1 to 9999, are required)",
          null);
    }
    int version = p.get("v") instanceof Number n ? n.intValue() : 1;
    return new SessionClaims(
        sub.get(),
        JwtParts.string(p.get("iss")),
        iat.get(),
        exp.get(),
        JwtParts.seconds(p.get("nbf")),
        JwtParts.string(p.get("sid")),
        JwtParts.string(p.get("azp")),
        integers(p.get("fva")),
        JwtParts.string(p.get("sts")).map(SessionClaims::status),
        actor(p.get("act")),
        version,
        version >= 2 ? organizationV2(p) : organizationV1(p),
        JwtParts.seconds(header.get("oiat")),
        JwtParts.string(header.get("kid")),
        p);
  }

  /**
   * Decodes like {@link #decode(String)} but returns empty instead of throwing.
   *
   * @param jwt a compact JWT, or null
   * @return the claims, or empty when undecodable
   */
  public static Optional<SessionClaims> tryDecode(String jwt) {
    try {
      return Optional.of(decode(jwt));
    } catch (
        RuntimeException
            e) { // decode throws only ClerkResponseException; belt and braces for a background path
      return Optional.empty();
    }
  }

  /**
   * Returns {@code exp − iat}: the lifetime the server gave the token (60 s for session tokens).
   */
  public Duration lifetime() {
    return Duration.between(issuedAt, expiresAt);
  }

  /** Returns the active organization's id, if any. */
  public Optional<String> organizationId() {
    return organization.map(OrganizationClaims::id);
  }

  /**
   * The active organization as the token states it.
   *
   * @param id the organization id ({@code org_…})
   * @param slug its slug
   * @param role the role key with its {@code org:} prefix, such as {@code org:admin}
   * @param permissions permission keys, such as {@code org:sys_memberships:manage}
   */
  public record OrganizationClaims(
      String id, Optional<String> slug, Optional<String> role, List<String> permissions) {

    /** Rejects a missing id; normalises nulls. */
    public OrganizationClaims {
      id = Models.id(id, "organization claim");
      slug = Models.opt(slug);
      role = Models.opt(role);
      permissions = Models.list(permissions);
    }
  }

  private static SessionStatus status(String value) {
    try {
      return SessionStatus.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return SessionStatus.UNKNOWN;
    }
  }

  private static List<Integer> integers(Object value) {
    if (!(value instanceof List<?> list)) return List.of();
    List<Integer> result = new ArrayList<>();
    for (Object o : list) {
      if (o instanceof Number n) result.add(n.intValue());
    }
    return result;
  }

  private static Optional<Actor> actor(Object value) {
    if (!(value instanceof Map<?, ?> m)) return Optional.empty();
    Optional<String> sub = JwtParts.string(m.get("sub"));
    return sub.map(s -> new Actor(s, JwtParts.string(m.get("type"))));
  }

  private static Optional<OrganizationClaims> organizationV1(Map<String, Object> p) {
    Optional<String> id = JwtParts.string(p.get("org_id"));
    if (id.isEmpty()) return Optional.empty();
    List<String> permissions = new ArrayList<>();
    if (p.get("org_permissions") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof String s) permissions.add(s);
      }
    }
    return Optional.of(
        new OrganizationClaims(
            id.get(),
            JwtParts.string(p.get("org_slug")),
            JwtParts.string(p.get("org_role")),
            permissions));
  }

  private static Optional<OrganizationClaims> organizationV2(Map<String, Object> p) {
    if (!(p.get("o") instanceof Map<?, ?> o)) return organizationV1(p);
    Optional<String> id = JwtParts.string(o.get("id"));
    if (id.isEmpty()) return Optional.empty();
    Optional<String> role =
        JwtParts.string(o.get("rol")).map(r -> r.startsWith("org:") ? r : "org:" + r);
    return Optional.of(
        new OrganizationClaims(
            id.get(),
            JwtParts.string(o.get("slg")),
            role,
            v2Permissions(
                JwtParts.string(p.get("fea")).orElse(""),
                JwtParts.string(o.get("per")).orElse(""),
                JwtParts.string(o.get("fpm")).orElse(""))));
  }

  /**
   * Expands v2 permissions: {@code fea} lists scoped features ({@code o:reports,u:billing}); the
   * organization ones, in order, pair with the comma-separated decimal bitmasks of {@code fpm}; bit
   * {@code i} (least significant first) grants permission {@code i} of {@code per}, giving {@code
   * org:<feature>:<permission>}.
   */
  static List<String> v2Permissions(String fea, String per, String fpm) {
    if (per.isBlank() || fpm.isBlank()) return List.of();
    List<String> features = new ArrayList<>();
    for (String f : fea.split(",")) {
      String item = f.strip();
      int colon = item.indexOf(':');
      if (colon > 0 && item.substring(0, colon).contains("o"))
        features.add(item.substring(colon + 1));
    }
    String[] permissions = per.split(",");
    String[] masks = fpm.split(",");
    List<String> result = new ArrayList<>();
    for (int f = 0; f < features.size() && f < masks.length; f++) {
      String mask = masks[f].strip();
      if (!mask.matches("\\d+")) continue;
      BigInteger bits = new BigInteger(mask);
      for (int i = 0; i < permissions.length; i++) {
        if (bits.testBit(i)) result.add("org:" + features.get(f) + ":" + permissions[i].strip());
      }
    }
    return result;
  }
}
