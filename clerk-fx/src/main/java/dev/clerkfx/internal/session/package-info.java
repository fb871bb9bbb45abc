/**
 * The session manager's engine: the session-token cache and its ahead-of-expiry refresher, the one auth state
 * store that feeds JavaFX properties and RxJava streams, retry with backoff, and the load/sign-out lifecycle.
 *
 * <p>Nothing here is public API; {@code dev.clerkfx.ClerkClient} wires these collaborators together.
 */
package dev.clerkfx.internal.session;
