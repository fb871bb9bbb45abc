/**
 * The sample's demo protected API: a tiny loopback HTTP server that accepts only requests carrying a valid
 * Clerk session token, verified against the instance's JWKS the way any app backend would.
 */
package dev.clerkfx.sample.backend;
