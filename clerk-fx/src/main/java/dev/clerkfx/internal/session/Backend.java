package dev.clerkfx.internal.session;

import dev.clerkfx.model.Client;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.User;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the session manager needs from the Frontend API transport: the few endpoints it calls itself, the one
 * owner of the current client, and the held client token. {@link FapiBackend} implements it over the transport;
 * futures fail with {@code ClerkException}s and complete on transport threads.
 */
interface Backend {
  /** {@code GET /v1/environment}. */
  CompletableFuture<Environment> environment();

  /** {@code GET /v1/client}; the transport also hands the result to the client listener. */
  CompletableFuture<Optional<Client>> fetchClient();

  /** {@code POST /v1/client/sessions/{sid}/tokens[/{template}]}, decoded. */
  CompletableFuture<MintedToken> token(TokenKey key, boolean force);

  /** {@code DELETE /v1/client/sessions}: signs out every session of this client. */
  CompletableFuture<Void> removeAllSessions();

  /** {@code POST /v1/client/sessions/{sid}/remove}. */
  CompletableFuture<Void> removeSession(String sessionId);

  /** {@code POST /v1/client/sessions/{sid}/touch} with {@code active_organization_id}. */
  CompletableFuture<Void> touchSession(String sessionId, String organizationId);

  /** {@code GET /v1/me}. */
  CompletableFuture<User> me(String sessionId);

  /** The current client as the transport last applied it. */
  Optional<Client> client();

  /**
   * Replaces the current client locally (restored snapshot, sign-out); the listener hears about it.
   *
   * @param client the client, or null for none
   */
  void replaceClient(Client client);

  /** Registers the one listener for client changes: the client (or empty) and the response's server date (0 = unknown). */
  void onClientChanged(ClientListener listener);

  /** The held client token. */
  Optional<String> clientToken();

  /** Sets (null clears) the held client token without I/O. */
  void setClientToken(String token);

  /** Registers the one listener for client-token changes (rotation by responses included). */
  void onClientTokenChanged(Consumer<Optional<String>> listener);

  /** Serialises the persisted snapshot. */
  String writeSnapshot(PersistedSnapshot snapshot);

  /** Reads a persisted snapshot; fails with {@code ClerkResponseException} when unreadable. */
  PersistedSnapshot readSnapshot(String json);

  /** Hears client changes. */
  @FunctionalInterface
  interface ClientListener {
    /**
     * The current client changed.
     *
     * @param client the client, or empty when none
     * @param serverDateMillis the response's {@code Date} in epoch millis, or 0 when unknown
     */
    void clientChanged(Optional<Client> client, long serverDateMillis);
  }
}
