/**
 * The seam between clerk-fx and an OS keychain: {@link
 * dev.clerkfx.internal.keychain.KeychainBackend} (generic passwords by service and account) and
 * {@link dev.clerkfx.internal.keychain.KeychainProvider}, the service the optional {@code
 * clerk-fx-keychain} module implements.
 *
 * <p>Internal: exported only to module {@code dev.clerkfx.keychain}; may change in any release.
 */
package dev.clerkfx.internal.keychain;
