package dev.clerkfx;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of a Frontend API error body ({@code
 * {"errors":[{"code","message","long_message","meta"}]}}).
 *
 * @param code Clerk's error code, such as {@code form_password_incorrect}; may be empty, never null
 * @param message a short message; may be empty, never null
 * @param longMessage a longer message fit to show a user; may be empty, never null
 * @param meta the entry's {@code meta} object as read (empty when absent), never null
 */
public record ClerkError(
    String code, String message, String longMessage, Map<String, Object> meta) {

  /** Normalises nulls to empty values and freezes {@code meta}. */
  public ClerkError {
    code = code == null ? "" : code;
    message = message == null ? "" : message;
    longMessage = longMessage == null ? "" : longMessage;
    meta =
        meta == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
  }

  /**
   * Returns {@code meta.param_name}: the form field the error is about, such as {@code password}.
   */
  public Optional<String> paramName() {
    return stringMeta("param_name");
  }

  /** Returns {@code meta.session_id}, sent with {@code identifier_already_signed_in}. */
  public Optional<String> sessionId() {
    return stringMeta("session_id");
  }

  /** Returns {@code meta.lockout_expires_in_seconds}, sent with {@code user_locked}. */
  public Optional<Long> lockoutExpiresInSeconds() {
    Object value = meta.get("lockout_expires_in_seconds");
    return value instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }

  /**
   * Returns the best message to show: {@code long_message}, else {@code message}, else the code.
   */
  public String displayMessage() {
    if (!longMessage.isEmpty()) return longMessage;
    if (!message.isEmpty()) return message;
    return code;
  }

  private Optional<String> stringMeta(String key) {
    Object value = meta.get(key);
    return value instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
  }
}
