package dev.clerkfx.internal.session;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.LoadState;

/**
 * One published step as the JavaFX views apply it: the snapshot and the load state together.
 *
 * @param snapshot the auth snapshot
 * @param load the load state
 */
public record Published(AuthSnapshot snapshot, LoadState load) {}
