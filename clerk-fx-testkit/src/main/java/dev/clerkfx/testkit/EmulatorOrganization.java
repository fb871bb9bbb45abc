package dev.clerkfx.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An organization of the emulated instance, with its roles and each role's permission keys.
 *
 * <p>{@link #of(String, String)} gives Clerk's two default roles, {@code org:admin} and {@code
 * org:member}, with the system permissions Clerk grants them; {@link #withRole} adds or replaces a
 * custom role:
 *
 * <pre>{@code
 * EmulatorOrganization acme = EmulatorOrganization.of("Acme", "acme")
 *     .withRole("org:billing", "org:invoices:read", "org:invoices:manage");
 * }</pre>
 *
 * @param id the organization id ({@code org_…}); {@code null} lets the emulator assign one
 * @param name the display name
 * @param slug the unique slug
 * @param roles role key (such as {@code org:admin}) to permission keys (such as {@code
 *     org:sys_memberships:read})
 */
public record EmulatorOrganization(
    String id, String name, String slug, Map<String, List<String>> roles) {
  private static final java.util.regex.Pattern PERMISSION =
      java.util.regex.Pattern.compile("^org:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$");

  /**
   * Checks the fields and copies the role map.
   *
   * @param id the organization id, or {@code null}
   * @param name the display name
   * @param slug the slug
   * @param roles role key to permission keys
   */
  public EmulatorOrganization {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(slug, "slug");
    if (slug.isBlank()) {
      throw new IllegalArgumentException("An organization slug must not be blank");
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(roles, "roles")
        .forEach(
            (k, v) -> {
              for (String p : v) {
                if (!PERMISSION.matcher(p).matches()) {
                  throw new IllegalArgumentException(
                      "Permission keys look like org:<feature>:<action>, got '"
                          + p
                          + "' in role "
                          + k);
                }
              }
              copy.put(k, List.copyOf(v));
            });
    roles = Map.copyOf(copy);
  }

  /**
   * Returns an organization with Clerk's default roles.
   *
   * @param name the display name
   * @param slug the slug
   * @return the organization
   */
  public static EmulatorOrganization of(String name, String slug) {
    Map<String, List<String>> roles = new LinkedHashMap<>();
    roles.put(
        "org:admin",
        List.of(
            "org:sys_profile:manage",
            "org:sys_profile:delete",
            "org:sys_memberships:read",
            "org:sys_memberships:manage",
            "org:sys_domains:read",
            "org:sys_domains:manage"));
    roles.put("org:member", List.of("org:sys_memberships:read"));
    return new EmulatorOrganization(null, name, slug, roles);
  }

  /**
   * Returns a copy with a role added or replaced.
   *
   * @param role the role key, such as {@code org:billing}
   * @param permissions the role's permission keys
   * @return the new organization
   */
  public EmulatorOrganization withRole(String role, String... permissions) {
    Map<String, List<String>> copy = new LinkedHashMap<>(roles);
    copy.put(Objects.requireNonNull(role, "role"), List.of(permissions));
    return new EmulatorOrganization(id, name, slug, copy);
  }

  /**
   * Returns a copy with a fixed id.
   *
   * @param newId the id, such as {@code org_acme}
   * @return the new organization
   */
  public EmulatorOrganization withId(String newId) {
    return new EmulatorOrganization(newId, name, slug, roles);
  }
}
