package dev.clerkfx;

/**
 * What {@code getToken(options)} should fetch: a JWT template, another organization, or a forced
 * fresh token.
 *
 * <pre>{@code
 * auth.getToken(GetTokenOptions.template("supabase"));
 * auth.getToken(GetTokenOptions.defaults().withOrganizationId("org_123").withSkipCache(true));
 * }</pre>
 *
 * @param template a JWT template name, or null for the session token
 * @param organizationId the organization the token is for: null = the session's active
 *     organization, {@code ""} = the personal account, otherwise an organization id; ignored for
 *     templates
 * @param skipCache true to fetch a fresh token from Clerk even when a cached one is still good
 */
public record GetTokenOptions(String template, String organizationId, boolean skipCache) {

  private static final GetTokenOptions DEFAULTS = new GetTokenOptions(null, null, false);

  /**
   * Checks the values.
   *
   * @throws ClerkConfigurationException when the template name is blank or contains a {@code /}
   */
  public GetTokenOptions {
    if (template != null && (template.isBlank() || template.indexOf('/') >= 0)) {
      throw new ClerkConfigurationException(
          "invalid_template", "A JWT template name must be non-blank without '/'");
    }
  }

  /**
   * Returns the options of a plain {@code getToken()}: the session token for the active
   * organization.
   */
  public static GetTokenOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns options that fetch a token from the named JWT template.
   *
   * @param name the template name as set in the Clerk dashboard
   * @return the options
   */
  public static GetTokenOptions template(String name) {
    return new GetTokenOptions(name, null, false);
  }

  /**
   * Returns a copy for another organization.
   *
   * @param id an organization id, {@code ""} for the personal account, or null for the active
   *     organization
   * @return the options
   */
  public GetTokenOptions withOrganizationId(String id) {
    return new GetTokenOptions(template, id, skipCache);
  }

  /**
   * Returns a copy that does or does not bypass the cache.
   *
   * @param skip true to always fetch a fresh token
   * @return the options
   */
  public GetTokenOptions withSkipCache(boolean skip) {
    return new GetTokenOptions(template, organizationId, skip);
  }
}
