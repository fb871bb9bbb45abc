/**
 * The emulator's resource state: users, organizations, clients, sessions, sign-ins, sign-ups and
 * verification codes, guarded by one lock in {@link dev.clerkfx.testkit.internal.state.Store}.
 */
package dev.clerkfx.testkit.internal.state;
