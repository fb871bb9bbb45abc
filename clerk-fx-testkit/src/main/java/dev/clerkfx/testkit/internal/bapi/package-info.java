/**
 * The Backend API subset the emulator serves under its secret key: users, sessions (list, get,
 * revoke) and JWKS.
 */
package dev.clerkfx.testkit.internal.bapi;
