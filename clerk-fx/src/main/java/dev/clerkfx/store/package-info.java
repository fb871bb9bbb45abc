/**
 * Where clerk-fx keeps the one long-lived secret, the Clerk client token: the {@link
 * dev.clerkfx.store.TokenStore} SPI and the built-in stores (OS keychain, owner-only file,
 * in-memory), made by {@link dev.clerkfx.store.TokenStores}.
 *
 * <p>Session tokens are never persisted; they live in the session manager's memory only.
 */
package dev.clerkfx.store;
