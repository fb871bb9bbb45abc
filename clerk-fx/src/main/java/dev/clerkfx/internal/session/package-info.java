/**
 * The session manager: {@link dev.clerkfx.internal.session.SessionManager}, the serial state
 * machine that owns the one {@link dev.clerkfx.internal.session.SessionState} (facts applied on
 * {@code clerk-fx-state}, persisted on {@code clerk-fx-io}, published on {@code clerk-fx-events} by
 * the {@link dev.clerkfx.internal.session.Publisher}); the session-token cache and its
 * ahead-of-expiry refresher; retry with backoff; the persisted snapshot.
 *
 * <p>Nothing here is public API; {@code dev.clerkfx.ClerkClient} wires these collaborators
 * together.
 */
package dev.clerkfx.internal.session;
