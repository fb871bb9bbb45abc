/**
 * The clerk-fx entry points: {@code ClerkClient} (the session manager), {@code ClerkFx} (the
 * app-wide client and its {@code useAuth()} / {@code useUser()} state) and the typed errors every
 * call reports.
 */
package dev.clerkfx;
