package dev.clerkfx.testkit.internal.token;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session token says, in plain values: session and user ids, session status, factor ages,
 * and optionally the authorized party (request origin), an impersonating actor, the active
 * organization, extra claims and whether to add the {@code oiat} header.
 *
 * <pre>{@code
 * SessionTokenRequest req = SessionTokenRequest.builder("sess_123", "user_456")
 *     .factorAges(0, -1)                        // fva: first factor just verified, second never
 *     .organization(new SessionTokenRequest.Organization("org_1", "acme", "admin",
 *         List.of("org:invoices:read", "org:invoices:manage")))
 *     .build();
 * }</pre>
 *
 * @param sessionId the session id ({@code sid}), such as {@code sess_…}
 * @param userId the user id ({@code sub}), such as {@code user_…}
 * @param status the session status ({@code sts}): {@code active} or {@code pending}
 * @param firstFactorAgeMinutes minutes since the first factor was verified ({@code fva[0]}); -1 if
 *     never
 * @param secondFactorAgeMinutes minutes since the second factor was verified ({@code fva[1]}); -1
 *     if never
 * @param authorizedParty the request origin ({@code azp}), or {@code null} to leave the claim out
 * @param actor the impersonating actor ({@code act}), or {@code null}
 * @param organization the active organization (v2 claim {@code o}), or {@code null}
 * @param customClaims extra claims (session-token customisation); default claims always win over
 *     these
 * @param originIssuedAtHeader whether to add the {@code oiat} JOSE header (equal to {@code iat})
 */
public record SessionTokenRequest(
    String sessionId,
    String userId,
    String status,
    int firstFactorAgeMinutes,
    int secondFactorAgeMinutes,
    String authorizedParty,
    Actor actor,
    Organization organization,
    Map<String, Object> customClaims,
    boolean originIssuedAtHeader) {

  /** Session status {@code active}. */
  public static final String ACTIVE = "active";

  /** Session status {@code pending} (a task such as choosing an organization is outstanding). */
  public static final String PENDING = "pending";

  /**
   * Checks the values.
   *
   * @param sessionId the session id
   * @param userId the user id
   * @param status {@code active} or {@code pending}
   * @param firstFactorAgeMinutes minutes since the first factor, or -1
   * @param secondFactorAgeMinutes minutes since the second factor, or -1
   * @param authorizedParty the origin, or {@code null}
   * @param actor the actor, or {@code null}
   * @param organization the active organization, or {@code null}
   * @param customClaims extra claims, or {@code null}
   * @param originIssuedAtHeader whether to add {@code oiat}
   * @throws IllegalArgumentException if an id is blank, the status is not {@code active}/{@code
   *     pending}, or a factor age is below -1
   */
  public SessionTokenRequest {
    requireText(sessionId, "sessionId");
    requireText(userId, "userId");
    if (!ACTIVE.equals(status) && !PENDING.equals(status)) {
      throw new IllegalArgumentException(
          "Session token status must be \"active\" or \"pending\", got " + status);
    }
    if (firstFactorAgeMinutes < -1 || secondFactorAgeMinutes < -1) {
      throw new IllegalArgumentException(
          "Factor ages are minutes >= 0, or -1 for never verified; got ["
              + firstFactorAgeMinutes
              + ","
              + secondFactorAgeMinutes
              + "]");
    }
    if (authorizedParty != null && authorizedParty.isBlank()) {
      authorizedParty = null;
    }
    customClaims =
        customClaims == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(customClaims));
  }

  /**
   * Starts a request for an active session with fva {@code [0, -1]} and no optional claims.
   *
   * @param sessionId the session id
   * @param userId the user id
   * @return a builder
   */
  public static Builder builder(String sessionId, String userId) {
    return new Builder(sessionId, userId);
  }

  /**
   * The impersonating actor of an impersonation session ({@code act} claim, RFC 8693).
   *
   * @param sub the actor's id (who is impersonating), such as a dashboard user id
   * @param otherClaims further members of {@code act} (for example {@code iss}, {@code sid}); may
   *     be empty
   */
  public record Actor(String sub, Map<String, Object> otherClaims) {
    /**
     * Checks the values.
     *
     * @param sub the actor's id
     * @param otherClaims further members, or {@code null}
     * @throws IllegalArgumentException if {@code sub} is blank
     */
    public Actor {
      requireText(sub, "actor sub");
      otherClaims =
          otherClaims == null
              ? Map.of()
              : Collections.unmodifiableMap(new LinkedHashMap<>(otherClaims));
    }

    /**
     * An actor with only a {@code sub}.
     *
     * @param sub the actor's id
     * @return the actor
     */
    public static Actor of(String sub) {
      return new Actor(sub, Map.of());
    }
  }

  /**
   * The active organization and the member's role and permissions in it.
   *
   * @param id the organization id ({@code org_…})
   * @param slug the organization slug, or {@code null}
   * @param role the role key, with or without the {@code org:} prefix ({@code org:admin} or {@code
   *     admin})
   * @param permissions permission keys, each {@code org:<feature>:<action>} (for example {@code
   *     org:sys_memberships:manage}); may be empty
   */
  public record Organization(String id, String slug, String role, List<String> permissions) {
    /**
     * Checks the values.
     *
     * @param id the organization id
     * @param slug the slug, or {@code null}
     * @param role the role key, or {@code null}
     * @param permissions the permission keys, or {@code null}
     * @throws IllegalArgumentException if the id is blank or a permission key is not {@code
     *     org:<feature>:<action>}
     */
    public Organization {
      requireText(id, "organization id");
      permissions = permissions == null ? List.of() : List.copyOf(permissions);
      for (String p : permissions) {
        String[] parts = p.split(":", -1);
        if (parts.length != 3
            || !"org".equals(parts[0])
            || parts[1].isEmpty()
            || parts[2].isEmpty()) {
          throw new IllegalArgumentException(
              "Organization permission keys look like org:<feature>:<action>, got " + p);
        }
      }
    }
  }

  /** Builds a {@link SessionTokenRequest}; not thread-safe. */
  public static final class Builder {
    private final String sessionId;
    private final String userId;
    private String status = ACTIVE;
    private int firstFactorAge = 0;
    private int secondFactorAge = -1;
    private String authorizedParty;
    private Actor actor;
    private Organization organization;
    private Map<String, Object> customClaims = Map.of();
    private boolean oiat;

    private Builder(String sessionId, String userId) {
      this.sessionId = sessionId;
      this.userId = userId;
    }

    /**
     * Sets the session status ({@code active} or {@code pending}).
     *
     * @param status the status
     * @return this builder
     */
    public Builder status(String status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the factor verification ages in minutes ({@code fva}); -1 means never verified.
     *
     * @param firstFactorMinutes minutes since the first factor
     * @param secondFactorMinutes minutes since the second factor
     * @return this builder
     */
    public Builder factorAges(int firstFactorMinutes, int secondFactorMinutes) {
      this.firstFactorAge = firstFactorMinutes;
      this.secondFactorAge = secondFactorMinutes;
      return this;
    }

    /**
     * Sets the authorized party ({@code azp}), the origin the request came from.
     *
     * @param origin the origin, or {@code null} for none
     * @return this builder
     */
    public Builder authorizedParty(String origin) {
      this.authorizedParty = origin;
      return this;
    }

    /**
     * Sets the impersonating actor ({@code act}).
     *
     * @param actor the actor, or {@code null}
     * @return this builder
     */
    public Builder actor(Actor actor) {
      this.actor = actor;
      return this;
    }

    /**
     * Sets the active organization (v2 claim {@code o}).
     *
     * @param organization the organization, or {@code null}
     * @return this builder
     */
    public Builder organization(Organization organization) {
      this.organization = organization;
      return this;
    }

    /**
     * Sets extra claims; they never replace default claims.
     *
     * @param claims the claims
     * @return this builder
     */
    public Builder customClaims(Map<String, Object> claims) {
      this.customClaims = claims;
      return this;
    }

    /**
     * Adds the {@code oiat} (origin issued-at) JOSE header, equal to {@code iat}.
     *
     * @param include whether to add it
     * @return this builder
     */
    public Builder originIssuedAtHeader(boolean include) {
      this.oiat = include;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException if a value is invalid (see the record's constructor)
     */
    public SessionTokenRequest build() {
      return new SessionTokenRequest(
          sessionId,
          userId,
          status,
          firstFactorAge,
          secondFactorAge,
          authorizedParty,
          actor,
          organization,
          customClaims,
          oiat);
    }
  }

  static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}
