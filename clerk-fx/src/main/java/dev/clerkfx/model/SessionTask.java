package dev.clerkfx.model;

/**
 * A task a {@link SessionStatus#PENDING pending} session must finish, such as {@code
 * choose-organization}, {@code setup-mfa} or {@code reset-password}.
 *
 * @param key the task key as Clerk sends it
 */
public record SessionTask(String key) {

  /** Normalises a null key to empty. */
  public SessionTask {
    key = key == null ? "" : key;
  }
}
