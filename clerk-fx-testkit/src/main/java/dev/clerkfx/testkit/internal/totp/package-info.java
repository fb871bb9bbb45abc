/**
 * Second factors for the emulator: RFC 6238 TOTP codes (authenticator apps) over base32 secrets,
 * and single-use backup codes.
 *
 * <p>Internal: the emulator's sign-in and {@code /v1/me} flows call these with plain values.
 */
package dev.clerkfx.testkit.internal.totp;
