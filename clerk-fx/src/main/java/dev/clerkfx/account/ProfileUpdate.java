package dev.clerkfx.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes to the signed-in user's profile, sent as {@code PATCH /v1/me}. A null field is left
 * unchanged.
 *
 * <pre>{@code
 * clerk.account().updateProfile(ProfileUpdate.names("Ada", "Lovelace"));
 * clerk.account().updateProfile(ProfileUpdate.none().withUsername("ada").withUnsafeMetadata(Map.of("theme", "dark")));
 * }</pre>
 *
 * @param firstName the new first name, or null to keep it ({@code ""} clears it)
 * @param lastName the new last name, or null to keep it ({@code ""} clears it)
 * @param username the new username, or null to keep it
 * @param unsafeMetadata the new unsafe metadata (replaces the whole object), or null to keep it; to
 *     merge keys instead use {@link Account#mergeUnsafeMetadata(Map)}
 */
public record ProfileUpdate(
    String firstName, String lastName, String username, Map<String, Object> unsafeMetadata) {

  /** Freezes the metadata. */
  public ProfileUpdate {
    if (unsafeMetadata != null) {
      unsafeMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(unsafeMetadata));
    }
  }

  /** Returns an update that changes nothing, to build on with the {@code with…} methods. */
  public static ProfileUpdate none() {
    return new ProfileUpdate(null, null, null, null);
  }

  /**
   * Returns an update of first and last name.
   *
   * @param firstName the first name
   * @param lastName the last name
   * @return the update
   */
  public static ProfileUpdate names(String firstName, String lastName) {
    return new ProfileUpdate(firstName, lastName, null, null);
  }

  /**
   * Returns a copy with a new first name.
   *
   * @param value the first name
   * @return the update
   */
  public ProfileUpdate withFirstName(String value) {
    return new ProfileUpdate(value, lastName, username, unsafeMetadata);
  }

  /**
   * Returns a copy with a new last name.
   *
   * @param value the last name
   * @return the update
   */
  public ProfileUpdate withLastName(String value) {
    return new ProfileUpdate(firstName, value, username, unsafeMetadata);
  }

  /**
   * Returns a copy with a new username (Clerk answers {@code form_identifier_exists} when it is
   * taken).
   *
   * @param value the username
   * @return the update
   */
  public ProfileUpdate withUsername(String value) {
    return new ProfileUpdate(firstName, lastName, value, unsafeMetadata);
  }

  /**
   * Returns a copy with new unsafe metadata.
   *
   * @param value the metadata; must be JSON-serialisable (maps, lists, strings, numbers, booleans)
   * @return the update
   */
  public ProfileUpdate withUnsafeMetadata(Map<String, Object> value) {
    return new ProfileUpdate(firstName, lastName, username, value);
  }

  /** True when nothing would change. */
  public boolean isEmpty() {
    return firstName == null && lastName == null && username == null && unsafeMetadata == null;
  }
}
