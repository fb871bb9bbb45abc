/**
 * A local emulator of Clerk's Frontend API: {@code ClerkEmulator} and its JUnit 5 extension.
 */
package dev.clerkfx.testkit;
