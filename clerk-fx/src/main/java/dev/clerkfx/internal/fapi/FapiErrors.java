package dev.clerkfx.internal.fapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import dev.clerkfx.account.ReverificationLevel;
import dev.clerkfx.account.ReverificationRequiredException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Frontend API error body ({@code {"errors":[…],"meta":{…},"clerk_trace_id":"…"}}) into a
 * {@link ClerkApiException}.
 */
public final class FapiErrors {
  private FapiErrors() {}

  /**
   * Tells whether a parsed body looks like a FAPI error body: an object with an {@code errors}
   * array.
   *
   * @param body the parsed body
   * @return true for an error body
   */
  public static boolean isErrorBody(JsonNode body) {
    return body != null && body.isObject() && body.path("errors").isArray();
  }

  /**
   * Builds the exception for an error response.
   *
   * @param status the HTTP status
   * @param body the parsed body (an error body; entries that cannot be read are kept as code-only
   *     entries)
   * @param traceIdHeader the {@code x-clerk-trace-id} header if any, used when the body has no
   *     {@code clerk_trace_id}
   * @param retryAfterHeader the {@code Retry-After} header if any
   * @param now the time to measure an HTTP-date {@code Retry-After} against (the response {@code
   *     Date}, else the clock)
   * @return the exception
   */
  public static ClerkApiException toException(
      int status, JsonNode body, String traceIdHeader, String retryAfterHeader, Instant now) {
    List<ClerkError> errors = new ArrayList<>();
    for (JsonNode entry : body.path("errors")) {
      if (!entry.isObject()) continue;
      try {
        errors.add(FapiJson.mapper().treeToValue(entry, ClerkError.class));
      } catch (Exception e) {
        errors.add(
            new ClerkError(
                entry.path("code").asText(""),
                entry.path("message").asText(""),
                entry.path("long_message").asText(""),
                null));
      }
    }
    String traceId = text(body.path("clerk_trace_id")).orElse(blankToNull(traceIdHeader));
    if (!errors.isEmpty() && ReverificationRequiredException.CODE.equals(errors.get(0).code())) {
      return reverification(status, errors, traceId, body.path("errors").path(0).path("meta"));
    }
    return new ClerkApiException(
        status, errors, traceId, retryAfter(retryAfterHeader, now).orElse(null));
  }

  /** The longest {@code Retry-After} read; longer values (up to absurd ones) read as this. */
  static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  /**
   * The typed reverification error. The level and window are read from the entry's {@code
   * meta.reverification} ({@code level}, {@code after_minutes}) when present; Clerk's default level
   * is {@code second_factor}.
   */
  private static ReverificationRequiredException reverification(
      int status, List<ClerkError> errors, String traceId, JsonNode meta) {
    JsonNode r = meta.path("reverification");
    if (!r.isObject()) r = meta;
    ReverificationLevel level = ReverificationLevel.fromWire(r.path("level").asText(null));
    JsonNode minutes = r.path("after_minutes");
    Duration window = minutes.canConvertToLong() ? Duration.ofMinutes(minutes.asLong()) : null;
    return new ReverificationRequiredException(status, errors, traceId, level, window);
  }

  /**
   * Parses a {@code Retry-After} value: delay-seconds or an HTTP-date.
   *
   * @param header the header value, or null
   * @param now the reference time for an HTTP-date
   * @return the delay, between zero and one day (longer values are capped), or empty when absent or
   *     unparseable
   */
  public static Optional<Duration> retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) return Optional.empty();
    String value = header.strip();
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // Any number of ASCII digits: more than 6 is more than a day anyway (and may not fit a long).
      return Optional.of(
          value.length() > 6 ? MAX_RETRY_AFTER : capped(Duration.ofSeconds(Long.parseLong(value))));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return Optional.of(d.isNegative() ? Duration.ZERO : capped(d));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration capped(Duration d) {
    return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
