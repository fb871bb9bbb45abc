package dev.clerkfx.testkit.internal.token;

/**
 * Thrown when a token is requested for a JWT template the instance does not have; the server
 * answers it the way Clerk does for an unknown template (404 {@code resource_not_found}).
 */
public final class UnknownTemplateException extends RuntimeException {
  /** Serialisation version. */
  private static final long serialVersionUID = 1L;

  /** The requested template name. */
  private final String templateName;

  /**
   * Creates the exception.
   *
   * @param templateName the requested name
   */
  public UnknownTemplateException(String templateName) {
    super("No JWT template named '" + templateName + "'");
    this.templateName = templateName;
  }

  /**
   * Returns the requested template name.
   *
   * @return the requested template name
   */
  public String templateName() {
    return templateName;
  }
}
