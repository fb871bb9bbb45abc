package dev.clerkfx.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clerkfx.ClerkResponseException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a compact JWT and base64url-decodes its header and payload into JSON maps (no signature
 * check).
 *
 * <p>Nothing a token holds makes these methods throw anything but a {@link ClerkResponseException}:
 * unreadable parts fail with one, and claim readers return empty for values of the wrong type or
 * out of range.
 */
record JwtParts(Map<String, Object> header, Map<String, Object> payload) {
  /**
   * The largest epoch second accepted in a time claim (9999-12-31T23:59:59Z): every accepted value
   * fits an {@link Instant} and its epoch milliseconds in a {@code long}, so arithmetic on them
   * cannot overflow.
   */
  static final long MAX_EPOCH_SECOND = 253_402_300_799L;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  static JwtParts split(String jwt) {
    if (jwt == null || jwt.isBlank()) throw invalid("the token is empty", null);
    String[] parts = jwt.strip().split("\\.", -1);
    if (parts.length != 3)
      throw invalid("a JWT has three dot-separated parts, this has " + parts.length, null);
    return new JwtParts(json(parts[0], "header"), json(parts[1], "payload"));
  }

  private static Map<String, Object> json(String part, String what) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(part.replace('+', '-').replace('/', '_'));
    } catch (IllegalArgumentException e) {
      throw invalid("the JWT " + what + " is not base64url", e);
    }
    try {
      Map<String, Object> map = JSON.readValue(bytes, MAP);
      if (map == null) throw invalid("the JWT " + what + " is not a JSON object", null);
      return map;
    } catch (IOException e) {
      throw invalid("the JWT " + what + " is not a JSON object", e);
    }
  }

  private static ClerkResponseException invalid(String why, Throwable cause) {
    return new ClerkResponseException(0, "Cannot decode the token: " + why, cause);
  }

  static Optional<String> string(Object value) {
    return value instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
  }

  /**
   * Reads a NumericDate claim (epoch seconds, RFC 7519): empty unless it is a finite number within
   * &plusmn;{@link #MAX_EPOCH_SECOND}; a fraction is truncated. Never throws.
   */
  static Optional<Instant> seconds(Object value) {
    if (!(value instanceof Number n)) return Optional.empty();
    long whole;
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      whole = n.longValue();
    } else if (value instanceof BigInteger big) {
      if (big.bitLength() > 62) return Optional.empty(); // longValue() would wrap 2^64 + 1 to 1
      whole = big.longValue();
    } else if (value instanceof BigDecimal dec) {
      if (dec.abs().compareTo(BigDecimal.valueOf(MAX_EPOCH_SECOND)) > 0) return Optional.empty();
      whole = dec.longValue();
    } else {
      double d = n.doubleValue();
      if (!Double.isFinite(d) || Math.abs(d) > MAX_EPOCH_SECOND) return Optional.empty();
      whole = (long) d;
    }
    if (whole > MAX_EPOCH_SECOND || whole < -MAX_EPOCH_SECOND) return Optional.empty();
    return Optional.of(Instant.ofEpochSecond(whole));
  }
}
