package dev.clerkfx;

/**
 * The SDK was configured with something it cannot use: a malformed publishable key, a plain-HTTP
 * FAPI host that is not loopback, an invalid proxy URL, app id or refresh policy. Thrown at
 * configuration time, never later. A {@link ClerkUsageException}, so one {@code catch} covers every
 * wrong call.
 */
public final class ClerkConfigurationException extends ClerkUsageException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a configuration error.
   *
   * @param code a stable code such as {@code invalid_publishable_key}
   * @param message says exactly what is wrong (never the full key)
   */
  public ClerkConfigurationException(String code, String message) {
    super(code, message);
  }
}
