package dev.clerkfx.sample.backend;

/**
 * A backend setting is missing or malformed; the message names the setting (its environment
 * variable when read from the environment) and what is wrong with it, never a secret's value.
 */
public final class BackendConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, fit to show a user
   */
  public BackendConfigurationException(String message) {
    super(message);
  }
}
