/**
 * The Frontend API transport: {@link dev.clerkfx.internal.fapi.FapiClient} (one method per
 * endpoint; each response is read once, bounded, and its state-bearing parts reported as {@link
 * dev.clerkfx.internal.fapi.ResponseFacts} through {@link dev.clerkfx.internal.fapi.FapiFacts}),
 * the OkHttp interceptors (native query and headers, redacting logger), form encoding, envelope
 * unwrapping, error parsing and {@link dev.clerkfx.internal.fapi.FapiJson}. It holds no state: the
 * session state machine owns the client token and the client.
 *
 * <p>Internal: not exported from the {@code dev.clerkfx} module and free to change in any release.
 */
package dev.clerkfx.internal.fapi;
