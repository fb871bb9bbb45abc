package dev.clerkfx.testkit.internal.fapi;

import java.util.List;
import java.util.Map;

/** What the FAPI routes need from token minting (RS256 keys, JWKS, templates) and TOTP checking. */
public interface TokenService {
  /**
   * The facts a session token states.
   *
   * @param sessionId {@code sid}
   * @param userId {@code sub}
   * @param status {@code sts}
   * @param firstFactorAgeMinutes {@code fva[0]}
   * @param secondFactorAgeMinutes {@code fva[1]}, -1 when none
   * @param orgId the active organization, or null
   * @param orgSlug its slug
   * @param orgRole the user's role in it
   * @param orgPermissions the role's permission keys
   * @param authorizedParty {@code azp}, or null
   */
  record SessionClaims(
      String sessionId,
      String userId,
      String status,
      int firstFactorAgeMinutes,
      int secondFactorAgeMinutes,
      String orgId,
      String orgSlug,
      String orgRole,
      List<String> orgPermissions,
      String authorizedParty) {}

  /**
   * Mints a session token.
   *
   * @param claims the facts
   * @return the JWT
   */
  String mintSessionToken(SessionClaims claims);

  /**
   * Mints a JWT-template token.
   *
   * @param template the template name
   * @param claims the session facts
   * @param user the user's attributes for shortcodes ({@code id}, {@code first_name}, …)
   * @param org the active organization's attributes, or null
   * @return the JWT, or null when no such template exists
   */
  String mintTemplateToken(
      String template, SessionClaims claims, Map<String, Object> user, Map<String, Object> org);

  /**
   * Returns the JWKS document.
   *
   * @return the JSON
   */
  String jwksJson();

  /**
   * Returns the current public key as PEM.
   *
   * @return the PEM text
   */
  String publicKeyPem();

  /** Makes a new signing key current; the previous public key stays in the JWKS. */
  void rotate();

  /**
   * Checks a TOTP code (RFC 6238, ±1 step) at the emulator clock's time.
   *
   * @param base32Secret the secret
   * @param code the code
   * @return whether it is valid
   */
  boolean verifyTotp(String base32Secret, String code);
}
