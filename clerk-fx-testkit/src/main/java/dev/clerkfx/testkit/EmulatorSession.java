package dev.clerkfx.testkit;

import java.time.Instant;

/**
 * A snapshot of one session held by the emulator, for assertions.
 *
 * @param id the session id ({@code sess_…})
 * @param clientId the client (device) the session belongs to
 * @param userId the signed-in user
 * @param status {@code active}, {@code pending} (tasks left, see {@code
 *     ClerkEmulator.Builder.sessionTasks}), {@code ended}, {@code removed}, {@code revoked}, {@code
 *     expired} or {@code abandoned}, as of the emulator clock
 * @param createdAt when the session was created
 * @param expireAt when the session expires
 * @param lastActiveOrganizationId the active organization, or {@code null} for the personal account
 */
public record EmulatorSession(
    String id,
    String clientId,
    String userId,
    String status,
    Instant createdAt,
    Instant expireAt,
    String lastActiveOrganizationId) {

  /**
   * Returns whether the session can mint tokens.
   *
   * @return whether the session can mint tokens
   */
  public boolean isActive() {
    return "active".equals(status) || "pending".equals(status);
  }
}
