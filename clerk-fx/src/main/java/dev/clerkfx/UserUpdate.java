package dev.clerkfx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes to the signed-in user's profile, sent as {@code PATCH /v1/me}. A null field is left unchanged.
 *
 * <pre>{@code
 * ClerkFx.useUser().update(UserUpdate.names("Ada", "Lovelace"));
 * client.updateUser(UserUpdate.none().withUnsafeMetadata(Map.of("theme", "dark")));
 * }</pre>
 *
 * @param firstName the new first name, or null to keep it ({@code ""} clears it)
 * @param lastName the new last name, or null to keep it ({@code ""} clears it)
 * @param unsafeMetadata the new unsafe metadata (replaces the whole object), or null to keep it
 */
public record UserUpdate(String firstName, String lastName, Map<String, Object> unsafeMetadata) {

  /** Freezes the metadata. */
  public UserUpdate {
    if (unsafeMetadata != null) {
      unsafeMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(unsafeMetadata));
    }
  }

  /** Returns an update that changes nothing, to build on with the {@code with…} methods. */
  public static UserUpdate none() {
    return new UserUpdate(null, null, null);
  }

  /**
   * Returns an update of first and last name.
   *
   * @param firstName the first name
   * @param lastName the last name
   * @return the update
   */
  public static UserUpdate names(String firstName, String lastName) {
    return new UserUpdate(firstName, lastName, null);
  }

  /**
   * Returns a copy with a new first name.
   *
   * @param value the first name
   * @return the update
   */
  public UserUpdate withFirstName(String value) {
    return new UserUpdate(value, lastName, unsafeMetadata);
  }

  /**
   * Returns a copy with a new last name.
   *
   * @param value the last name
   * @return the update
   */
  public UserUpdate withLastName(String value) {
    return new UserUpdate(firstName, value, unsafeMetadata);
  }

  /**
   * Returns a copy with new unsafe metadata.
   *
   * @param value the metadata; must be JSON-serialisable (maps, lists, strings, numbers, booleans)
   * @return the update
   */
  public UserUpdate withUnsafeMetadata(Map<String, Object> value) {
    return new UserUpdate(firstName, lastName, value);
  }

  /** True when nothing would change. */
  public boolean isEmpty() {
    return firstName == null && lastName == null && unsafeMetadata == null;
  }
}
