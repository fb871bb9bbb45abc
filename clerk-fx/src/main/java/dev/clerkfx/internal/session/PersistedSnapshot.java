package dev.clerkfx.internal.session;

import dev.clerkfx.internal.fapi.FapiJson;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.User;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What is persisted for an offline cold start: the last client and environment. The client token is
 * kept apart, in the {@code TokenStore}; session tokens are never persisted ({@link #of} strips
 * {@code last_active_token}).
 *
 * @param client the client (holds the session and user)
 * @param environment the instance settings, or null when never loaded
 */
public record PersistedSnapshot(Client client, Environment environment) {

  /**
   * Makes the snapshot to persist: the client without any session's {@code last_active_token} (a
   * session JWT).
   *
   * @param client the client
   * @param environment the environment, or null
   * @return the snapshot
   */
  static PersistedSnapshot of(Client client, Environment environment) {
    boolean tokens = client.sessions().stream().anyMatch(s -> s.lastActiveToken().isPresent());
    return new PersistedSnapshot(
        tokens ? mapSessions(client, PersistedSnapshot::withoutToken) : client, environment);
  }

  /**
   * Reads a persisted snapshot.
   *
   * @param json the stored JSON
   * @return the snapshot
   * @throws dev.clerkfx.ClerkResponseException when the JSON is not a snapshot
   */
  static PersistedSnapshot read(String json) {
    return FapiJson.read(json, PersistedSnapshot.class);
  }

  /** Returns the JSON to persist; {@link #read(String)} reads it back to an equal snapshot. */
  String toJson() {
    return FapiJson.write(this);
  }

  /**
   * Returns the client with {@code user} replacing the user of every session that holds that user.
   */
  static Client withUser(Client client, User user) {
    return mapSessions(
        client,
        s ->
            s.user().map(u -> u.id().equals(user.id())).orElse(false)
                ? new Session(
                    s.id(),
                    s.status(),
                    s.expireAt(),
                    s.abandonAt(),
                    s.lastActiveAt(),
                    s.lastActiveToken(),
                    s.lastActiveOrganizationId(),
                    s.actor(),
                    Optional.of(user),
                    s.publicUserData(),
                    s.factorVerificationAge(),
                    s.tasks(),
                    s.currentTask(),
                    s.createdAt(),
                    s.updatedAt())
                : s);
  }

  private static Session withoutToken(Session s) {
    return s.lastActiveToken().isEmpty()
        ? s
        : new Session(
            s.id(),
            s.status(),
            s.expireAt(),
            s.abandonAt(),
            s.lastActiveAt(),
            Optional.empty(),
            s.lastActiveOrganizationId(),
            s.actor(),
            s.user(),
            s.publicUserData(),
            s.factorVerificationAge(),
            s.tasks(),
            s.currentTask(),
            s.createdAt(),
            s.updatedAt());
  }

  private static Client mapSessions(Client c, UnaryOperator<Session> f) {
    return new Client(
        c.id(),
        c.sessions().stream().map(f).toList(),
        c.signIn(),
        c.signUp(),
        c.lastActiveSessionId(),
        c.lastAuthenticationStrategy(),
        c.cookieExpiresAt(),
        c.captchaBypass(),
        c.createdAt(),
        c.updatedAt());
  }
}
