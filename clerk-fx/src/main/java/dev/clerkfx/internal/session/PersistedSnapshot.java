package dev.clerkfx.internal.session;

import dev.clerkfx.model.Client;
import dev.clerkfx.model.Environment;

/**
 * What is persisted for an offline cold start: the last client and environment. The client token is kept apart,
 * in the {@code TokenStore}.
 *
 * @param client the client (holds the session and user)
 * @param environment the instance settings, or null when never loaded
 */
public record PersistedSnapshot(Client client, Environment environment) {}
