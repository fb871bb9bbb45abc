/**
 * The clerk-fx showcase app: a JavaFX window that signs a user in through clerk-fx, binds labels to the user,
 * calls a protected API with {@code getToken()} and reacts to sign-out; on the embedded emulator unless
 * {@code CLERK_PUBLISHABLE_KEY} is set.
 */
package dev.clerkfx.sample;
