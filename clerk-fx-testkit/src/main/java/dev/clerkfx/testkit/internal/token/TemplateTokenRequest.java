package dev.clerkfx.testkit.internal.token;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a JWT-template token is made from: the user ({@code sub}), the origin ({@code azp})
 * and the attributes shortcodes read, by namespace: {@code {{user.…}}}, {@code {{org.…}}} and
 * {@code {{session.…}}}.
 *
 * <p>Attribute maps use Clerk's snake_case names: for a user {@code id}, {@code first_name}, {@code
 * last_name}, {@code full_name}, {@code username}, {@code image_url}, {@code
 * primary_email_address}, {@code primary_phone_number}, {@code email_verified}, {@code
 * phone_number_verified}, {@code created_at}, {@code public_metadata}, {@code unsafe_metadata} …;
 * for an organization {@code id}, {@code name}, {@code slug}, {@code role}, {@code
 * public_metadata}. Values may be nested maps (dot paths reach into them).
 *
 * @param userId the user id ({@code sub})
 * @param authorizedParty the origin ({@code azp}), or {@code null} to leave it out
 * @param user the user attributes; may be empty
 * @param organization the active organization's attributes; may be empty
 * @param session the session's attributes (for example {@code id}); may be empty
 */
public record TemplateTokenRequest(
    String userId,
    String authorizedParty,
    Map<String, Object> user,
    Map<String, Object> organization,
    Map<String, Object> session) {

  /**
   * Checks the values.
   *
   * @param userId the user id
   * @param authorizedParty the origin, or {@code null}
   * @param user the user attributes, or {@code null}
   * @param organization the organization attributes, or {@code null}
   * @param session the session attributes, or {@code null}
   * @throws IllegalArgumentException if the user id is blank
   */
  public TemplateTokenRequest {
    SessionTokenRequest.requireText(userId, "userId");
    if (authorizedParty != null && authorizedParty.isBlank()) {
      authorizedParty = null;
    }
    user = copy(user);
    organization = copy(organization);
    session = copy(session);
  }

  /**
   * A request with user attributes only; {@code user.id} defaults to {@code userId}.
   *
   * @param userId the user id
   * @param user the user attributes
   * @return the request
   */
  public static TemplateTokenRequest of(String userId, Map<String, Object> user) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("id", userId);
    if (user != null) {
      attrs.putAll(user);
    }
    return new TemplateTokenRequest(userId, null, attrs, Map.of(), Map.of());
  }

  private static Map<String, Object> copy(Map<String, Object> m) {
    return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
