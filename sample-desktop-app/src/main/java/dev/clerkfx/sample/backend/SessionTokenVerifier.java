package dev.clerkfx.sample.backend;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.clerkfx.ClerkConfigurationException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * Verifies a Clerk session token (RS256 JWT): the signature against the instance's JWKS
 * ({@code <frontendApiUrl>/.well-known/jwks.json}, fetched on first use and cached; refetched when an unknown key id
 * appears), {@code exp} and {@code nbf} against a clock with a small leeway, {@code iss} equal to the Frontend API
 * URL, and the presence of {@code sub} and {@code sid}.
 */
final class SessionTokenVerifier {
  /** Clock difference tolerated between the issuer and this server. */
  static final Duration LEEWAY = Duration.ofSeconds(5);

  private final String issuer;
  private final Clock clock;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /** A verified token's subject and session. */
  record Verified(String userId, String sessionId) {}

  /** Why a token was refused; the message names the check, never the token. */
  static final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidTokenException(String message) {
      super(message);
    }

    InvalidTokenException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  SessionTokenVerifier(String frontendApiUrl, Clock clock) {
    if (frontendApiUrl == null || frontendApiUrl.isBlank()) {
      throw new ClerkConfigurationException("invalid_frontend_api_url",
          "The demo backend needs the instance's Frontend API URL, got " + (frontendApiUrl == null ? "null" : "blank"));
    }
    this.issuer = stripTrailingSlash(frontendApiUrl.strip());
    this.clock = Objects.requireNonNull(clock, "clock");
    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUrl(issuer)).retrying(true).build();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    // Time and issuer are checked below against the injected clock (nimbus's own verifier reads the system clock).
    processor.setJWTClaimsSetVerifier((claims, context) -> { });
  }

  /**
   * Verifies a compact JWT.
   *
   * @param jwt the token from {@code Authorization: Bearer}
   * @return its user and session ids
   * @throws InvalidTokenException when any check fails
   */
  Verified verify(String jwt) throws InvalidTokenException {
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (ParseException e) {
      throw new InvalidTokenException("malformed token", e);
    } catch (BadJOSEException e) {
      throw new InvalidTokenException("bad signature or unknown key", e);
    } catch (JOSEException e) {
      throw new InvalidTokenException("could not verify the signature (JWKS unavailable?)", e);
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null || !now.isBefore(exp.toInstant().plus(LEEWAY))) {
      throw new InvalidTokenException("token expired");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.isBefore(nbf.toInstant().minus(LEEWAY))) {
      throw new InvalidTokenException("token not valid yet");
    }
    if (claims.getIssuer() == null || !issuer.equals(stripTrailingSlash(claims.getIssuer()))) {
      throw new InvalidTokenException("wrong issuer");
    }
    String sid;
    try {
      sid = claims.getStringClaim("sid");
    } catch (ParseException e) {
      throw new InvalidTokenException("malformed sid claim", e);
    }
    if (claims.getSubject() == null || sid == null) {
      throw new InvalidTokenException("not a session token (no sub or sid)");
    }
    return new Verified(claims.getSubject(), sid);
  }

  private static URL jwksUrl(String issuer) {
    try {
      return URI.create(issuer + "/.well-known/jwks.json").toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new ClerkConfigurationException("invalid_frontend_api_url", "Not a Frontend API URL: " + issuer);
    }
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
