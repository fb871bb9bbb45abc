package dev.clerkfx.testkit.fidelity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies a Clerk session token the way a backend does (nimbus): RS256 only, key chosen by {@code
 * kid} from a JWKS document, then {@code exp}/{@code nbf} against an injected clock with a leeway.
 * Used for the emulator's tokens and for Clerk's own recorded token, so both go through one
 * verification path.
 */
final class JwksVerifier {
  private final JWKSet jwks;
  private final Clock clock;
  private final Duration leeway;

  JwksVerifier(String jwksJson, Clock clock, Duration leeway) throws ParseException {
    this.jwks = JWKSet.parse(jwksJson);
    this.clock = clock;
    this.leeway = leeway;
  }

  /**
   * Returns the verified claims.
   *
   * @throws VerificationFailure naming what failed
   */
  JWTClaimsSet verify(String jwt) throws VerificationFailure {
    SignedJWT signed;
    try {
      signed = SignedJWT.parse(jwt);
    } catch (ParseException e) {
      throw new VerificationFailure("malformed");
    }
    if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
      throw new VerificationFailure("algorithm");
    }
    JWK key = jwks.getKeyByKeyId(signed.getHeader().getKeyID());
    if (!(key instanceof RSAKey rsa)) {
      throw new VerificationFailure("unknown kid");
    }
    try {
      if (!signed.verify(new RSASSAVerifier(rsa))) {
        throw new VerificationFailure("signature");
      }
    } catch (JOSEException e) {
      throw new VerificationFailure("signature");
    }
    JWTClaimsSet claims;
    try {
      claims = signed.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new VerificationFailure("claims");
    }
    Instant now = clock.instant();
    if (claims.getExpirationTime() == null
        || !now.isBefore(claims.getExpirationTime().toInstant().plus(leeway))) {
      throw new VerificationFailure("expired");
    }
    if (claims.getNotBeforeTime() != null
        && now.plus(leeway).isBefore(claims.getNotBeforeTime().toInstant())) {
      throw new VerificationFailure("not yet valid");
    }
    return claims;
  }

  /** Why a token did not verify. */
  static final class VerificationFailure extends Exception {
    private static final long serialVersionUID = 1L;

    VerificationFailure(String reason) {
      super(reason);
    }
  }
}
