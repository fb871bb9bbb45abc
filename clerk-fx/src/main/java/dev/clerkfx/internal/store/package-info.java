/**
 * How clerk-fx writes its state to disk: the one owner-only atomic file writer, the platform config
 * directory, and the snapshot cache for offline cold starts.
 *
 * <p>Internal: not exported, may change in any release. The public side is {@code
 * dev.clerkfx.store}.
 */
package dev.clerkfx.internal.store;
