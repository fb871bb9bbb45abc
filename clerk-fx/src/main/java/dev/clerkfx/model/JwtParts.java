package dev.clerkfx.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clerkfx.ClerkResponseException;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Splits a compact JWT and base64url-decodes its header and payload into JSON maps (no signature check). */
record JwtParts(Map<String, Object> header, Map<String, Object> payload) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  static JwtParts split(String jwt) {
    if (jwt == null || jwt.isBlank()) throw invalid("the token is empty", null);
    String[] parts = jwt.strip().split("\\.", -1);
    if (parts.length != 3) throw invalid("a JWT has three dot-separated parts, this has " + parts.length, null);
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

  static Optional<Instant> seconds(Object value) {
    return value instanceof Number n ? Optional.of(Instant.ofEpochSecond(n.longValue())) : Optional.empty();
  }
}
