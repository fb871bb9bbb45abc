/**
 * The clerk-fx showcase app: a JavaFX window built on the SDK's prebuilt components that signs a
 * user in, binds labels to the user, calls a protected API with {@code getToken()}, logs the SDK's
 * events live and offers a developer panel acting on the server; it runs on the embedded emulator
 * unless {@code CLERK_PUBLISHABLE_KEY} is set.
 */
package dev.clerkfx.sample;
