package dev.clerkfx.internal.session;

import dev.clerkfx.LoadState;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.SessionClaims;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the session state machine knows, as one immutable value. Only the state thread makes
 * new ones.
 *
 * @param tokenKnown true once the stored client token was read or something newer decided it
 * @param clientToken the client token held (the one long-lived secret)
 * @param client the current client
 * @param clientDate the response {@code Date} of the newest client applied (older snapshots are
 *     ignored)
 * @param environment the instance settings
 * @param claims the claims of the newest session token of the current session
 * @param deadSessions sessions ended locally (sign-out, revocation) that a late response must not
 *     bring back
 * @param load where loading stands
 * @param loaded true once the client is known (from the stored snapshot or the network, or the load
 *     gave up)
 */
record SessionState(
    boolean tokenKnown,
    Optional<String> clientToken,
    Optional<Client> client,
    Optional<Instant> clientDate,
    Optional<Environment> environment,
    Optional<SessionClaims> claims,
    Set<String> deadSessions,
    LoadState load,
    boolean loaded) {

  private static final SessionState INITIAL =
      new SessionState(
          false,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Set.of(),
          LoadState.loading(),
          false);

  /** Copies the dead-session set. */
  SessionState {
    deadSessions = Set.copyOf(deadSessions);
  }

  static SessionState initial() {
    return INITIAL;
  }

  SessionState withClientToken(Optional<String> token) {
    return new SessionState(
        true, token, client, clientDate, environment, claims, deadSessions, load, loaded);
  }

  SessionState withClient(Optional<Client> c, Optional<Instant> date) {
    return new SessionState(
        tokenKnown, clientToken, c, date, environment, claims, deadSessions, load, loaded);
  }

  SessionState withEnvironment(Optional<Environment> env) {
    return new SessionState(
        tokenKnown, clientToken, client, clientDate, env, claims, deadSessions, load, loaded);
  }

  SessionState withClaims(Optional<SessionClaims> c) {
    return new SessionState(
        tokenKnown, clientToken, client, clientDate, environment, c, deadSessions, load, loaded);
  }

  SessionState withDead(Set<String> sessionIds) {
    Set<String> dead = new HashSet<>(deadSessions);
    dead.addAll(sessionIds);
    return new SessionState(
        tokenKnown, clientToken, client, clientDate, environment, claims, dead, load, loaded);
  }

  SessionState withLoad(LoadState l, boolean isLoaded) {
    return new SessionState(
        tokenKnown,
        clientToken,
        client,
        clientDate,
        environment,
        claims,
        deadSessions,
        l,
        isLoaded);
  }

  /** Describes the state without the client token. */
  @Override
  public String toString() {
    return "SessionState[token="
        + (clientToken.isPresent() ? "<redacted>" : tokenKnown ? "none" : "unknown")
        + ", client="
        + client.map(Client::id).orElse("none")
        + ", load="
        + load.phase()
        + ", loaded="
        + loaded
        + ", dead="
        + deadSessions
        + "]";
  }
}
