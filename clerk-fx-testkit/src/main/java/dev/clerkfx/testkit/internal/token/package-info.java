/**
 * Session-token minting for the emulator: RS256 signing keys with Clerk-shaped {@code ins_…} key
 * ids, key rotation, the JWKS document and a PEM of the current public key, and {@link
 * dev.clerkfx.testkit.internal.token.TokenMinter}, which signs session tokens (protocol doc §7.1)
 * and JWT-template tokens.
 *
 * <p>Internal: the emulator's server calls these types with plain values; nothing here depends on
 * the server.
 */
package dev.clerkfx.testkit.internal.token;
