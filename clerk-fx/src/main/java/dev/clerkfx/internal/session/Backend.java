package dev.clerkfx.internal.session;

import dev.clerkfx.model.Client;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.User;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The few Frontend API calls the session manager makes itself. {@link FapiBackend} implements it
 * over the transport; futures fail with {@code ClerkException}s and complete on transport threads,
 * after the facts of their response (rotated client token, piggybacked client) were applied by the
 * state machine.
 */
interface Backend {
  /** {@code GET /v1/environment}. */
  CompletableFuture<Environment> environment();

  /** {@code GET /v1/client}. */
  CompletableFuture<Optional<Client>> fetchClient();

  /**
   * {@code POST /v1/client/sessions/{sid}/tokens[/{template}]}, decoded.
   *
   * @param key what to fetch
   * @param force a caller-forced refresh
   * @param client the current client (its session's {@code last_active_token} for {@code
   *     session_minter})
   * @param environment the instance settings, if loaded
   * @return the token
   */
  CompletableFuture<MintedToken> token(
      TokenKey key, boolean force, Optional<Client> client, Optional<Environment> environment);

  /**
   * {@code DELETE /v1/client/sessions} sent with a given client token: signs out every session of
   * that client.
   *
   * @param clientToken the token the client had before the local sign-out
   * @return completes when Clerk answered
   */
  CompletableFuture<Void> removeAllSessions(String clientToken);

  /** {@code POST /v1/client/sessions/{sid}/remove}. */
  CompletableFuture<Void> removeSession(String sessionId);

  /** {@code POST /v1/client/sessions/{sid}/touch} with {@code active_organization_id}. */
  CompletableFuture<Void> touchSession(String sessionId, String organizationId);

  /** {@code GET /v1/me}. */
  CompletableFuture<User> me(String sessionId);
}
