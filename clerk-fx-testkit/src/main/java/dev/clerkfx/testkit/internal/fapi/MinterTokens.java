package dev.clerkfx.testkit.internal.fapi;

import dev.clerkfx.testkit.internal.token.SessionTokenRequest;
import dev.clerkfx.testkit.internal.token.SigningKeyRing;
import dev.clerkfx.testkit.internal.token.TemplateTokenRequest;
import dev.clerkfx.testkit.internal.token.TokenMinter;
import dev.clerkfx.testkit.internal.token.UnknownTemplateException;
import dev.clerkfx.testkit.internal.totp.Totp;
import java.time.Clock;
import java.util.Map;

/**
 * {@link TokenService} on the testkit's {@link TokenMinter}, {@link SigningKeyRing} and {@link
 * Totp}.
 */
public final class MinterTokens implements TokenService {
  private final TokenMinter minter;
  private final SigningKeyRing keys;
  private final Clock clock;

  /**
   * Wraps a minter.
   *
   * @param minter the minter
   * @param clock the emulator clock (for TOTP)
   */
  public MinterTokens(TokenMinter minter, Clock clock) {
    this.minter = minter;
    this.keys = minter.keys();
    this.clock = clock;
  }

  @Override
  public String mintSessionToken(SessionClaims c) {
    return minter.mintSessionToken(request(c));
  }

  private static SessionTokenRequest request(SessionClaims c) {
    SessionTokenRequest.Builder b =
        SessionTokenRequest.builder(c.sessionId(), c.userId())
            .status(c.status())
            .factorAges(c.firstFactorAgeMinutes(), c.secondFactorAgeMinutes())
            .authorizedParty(c.authorizedParty());
    if (c.orgId() != null) {
      b.organization(
          new SessionTokenRequest.Organization(
              c.orgId(), c.orgSlug(), c.orgRole(), c.orgPermissions()));
    }
    return b.build();
  }

  @Override
  public String mintTemplateToken(
      String template, SessionClaims c, Map<String, Object> user, Map<String, Object> org) {
    try {
      return minter.mintTemplateToken(
          template,
          new TemplateTokenRequest(
              c.userId(),
              c.authorizedParty(),
              user,
              org == null ? Map.of() : org,
              Map.of("id", c.sessionId(), "status", c.status())));
    } catch (UnknownTemplateException e) {
      return null;
    }
  }

  @Override
  public String jwksJson() {
    return keys.jwksJson();
  }

  @Override
  public String publicKeyPem() {
    return keys.current().publicKeyPem();
  }

  @Override
  public void rotate() {
    keys.rotate();
  }

  @Override
  public boolean verifyTotp(String base32Secret, String code) {
    try {
      return Totp.verify(base32Secret, code, clock);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
