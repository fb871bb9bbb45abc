/**
 * Sign-in and sign-up verbs with their typed parameters: {@link dev.clerkfx.auth.SignIns} and
 * {@link dev.clerkfx.auth.SignUps}, reached through {@code ClerkClient.signIn()} and {@code
 * ClerkClient.signUp()}.
 *
 * <p>Each verb returns a {@code CompletableFuture} of the attempt's new state; when an attempt
 * completes, the new session becomes current and the auth state follows by itself.
 */
package dev.clerkfx.auth;
