/**
 * The emulated Frontend API: routes for environment, client, sign-in, sign-up, sessions, tokens,
 * {@code /me} (account, reverification window, the user's organizations), OAuth and hosted auth,
 * and the JSON rendering of every FAPI resource.
 */
package dev.clerkfx.testkit.internal.fapi;
