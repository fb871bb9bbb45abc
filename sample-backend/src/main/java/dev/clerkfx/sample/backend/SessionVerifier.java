package dev.clerkfx.sample.backend;

import com.clerk.backend_api.helpers.security.VerifyToken;
import com.clerk.backend_api.helpers.security.models.TokenVerificationException;
import com.clerk.backend_api.helpers.security.models.VerifyTokenOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Claims;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Verifies a Clerk session token the way {@code getAuth(req)} does: Clerk's Java SDK ({@code
 * VerifyToken}) checks the signature, {@code exp}/{@code nbf}/{@code iat} on the system clock and
 * the authorized party ({@code azp}); then times are checked again on the configured clock (the
 * emulator's in tests and in the sample; the SDK's check then tolerates how far that clock is from
 * the system clock, so moving the emulator's time does not reject every new token), a pending
 * session ({@code sts: pending}) is refused as signed out, and only session tokens ({@code sid})
 * pass.
 */
final class SessionVerifier {
  /** Clock difference tolerated between Clerk and this server (the SDK's default). */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BackendConfig config;
  private final Keys jwks;

  SessionVerifier(BackendConfig config, HttpClient http) {
    this.config = config;
    this.jwks =
        config.jwtKey().isEmpty()
            ? config.frontendApiUrl().map(url -> new Keys(url, http)).orElse(null)
            : null;
  }

  /**
   * Verifies a compact JWT.
   *
   * @param jwt the token from {@code Authorization: Bearer}
   * @return who it speaks for
   * @throws AuthFailure when the request is not signed in
   */
  Auth verify(String jwt) throws AuthFailure {
    Claims claims;
    try {
      claims = (Claims) VerifyToken.verifyToken(jwt, options(jwt)).payload();
    } catch (TokenVerificationException e) {
      throw new AuthFailure(e.reason().id(), e.reason().message(), e);
    } catch (IOException e) {
      throw new AuthFailure("jwk-failed-to-load", "Could not read the instance's signing keys.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthFailure("jwk-failed-to-load", "Interrupted while reading the signing keys.", e);
    }
    Instant now = config.clock().instant();
    Date exp = claims.getExpiration();
    if (exp == null || !now.isBefore(exp.toInstant().plus(CLOCK_SKEW))) {
      throw new AuthFailure("token-expired", "Token has expired and is no longer valid.");
    }
    Date nbf = claims.getNotBefore();
    if (nbf != null && now.isBefore(nbf.toInstant().minus(CLOCK_SKEW))) {
      throw new AuthFailure("token-not-active-yet", "Token is not active yet.");
    }
    String sid = claims.get("sid", String.class);
    if (claims.getSubject() == null || sid == null) {
      throw new AuthFailure("token-invalid", "Not a session token (no sub or sid).");
    }
    String status = claims.get("sts", String.class);
    if ("pending".equals(status)) {
      throw new AuthFailure(
          "session-pending",
          "The session has a pending task (such as choosing an organization) and counts as signed out.");
    }
    return new Auth(
        claims.getSubject(),
        sid,
        status == null ? "active" : status,
        claims.get("org_id", String.class),
        claims.get("org_slug", String.class),
        orgRole(claims.get("org_role", String.class)),
        permissions(claims.get("org_permissions")));
  }

  private VerifyTokenOptions options(String jwt)
      throws AuthFailure, IOException, InterruptedException {
    VerifyTokenOptions.Builder b;
    if (config.jwtKey().isPresent()) {
      b = VerifyTokenOptions.jwtKey(config.jwtKey().get());
    } else if (jwks != null) {
      String kid = kid(jwt);
      b =
          VerifyTokenOptions.jwtKey(
              jwks.pem(kid)
                  .orElseThrow(
                      () ->
                          new AuthFailure(
                              "jwk-kid-mismatch",
                              "No signing key in the instance's JWKS matches the token's kid.")));
    } else {
      b = VerifyTokenOptions.secretKey(config.secretKey().orElseThrow()).apiUrl(config.apiUrl());
    }
    return b.authorizedParties(config.authorizedParties())
        .clockSkew(CLOCK_SKEW.plus(clockOffset()).toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }

  /**
   * How far the configured clock is from the system clock, rounded up to whole seconds (the SDK
   * counts its skew in seconds).
   */
  private Duration clockOffset() {
    Duration offset = Duration.between(Instant.now(), config.clock().instant()).abs();
    return Duration.ofSeconds(offset.getSeconds() + (offset.getNano() > 0 ? 1 : 0));
  }

  private static String kid(String jwt) throws AuthFailure {
    int dot = jwt.indexOf('.');
    try {
      JsonNode header =
          JSON.readTree(
              new String(
                  Base64.getUrlDecoder().decode(jwt.substring(0, Math.max(dot, 0))),
                  StandardCharsets.UTF_8));
      if (dot > 0 && header.hasNonNull("kid")) {
        return header.get("kid").asText();
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new AuthFailure("token-invalid", "Token is invalid and could not be verified.", e);
    }
    throw new AuthFailure("token-invalid", "Token is invalid and could not be verified.");
  }

  /** getAuth() reports roles with their {@code org:} prefix; the v2 claim drops it. */
  private static String orgRole(String role) {
    return role == null || role.startsWith("org:") ? role : "org:" + role;
  }

  private static List<String> permissions(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(p -> out.add(String.valueOf(p)));
    }
    return out;
  }
}
