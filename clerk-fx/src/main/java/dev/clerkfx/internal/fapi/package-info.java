/**
 * The Frontend API transport: {@link dev.clerkfx.internal.fapi.FapiClient} (one method per endpoint), the OkHttp
 * interceptors (native query and headers, client-token rotation, piggybacked-client sync, redacting logger), form
 * encoding, envelope unwrapping and error parsing, {@link dev.clerkfx.internal.fapi.ClientSync} (the one owner of the
 * current client) and {@link dev.clerkfx.internal.fapi.FapiJson}.
 *
 * <p>Internal: not exported from the {@code dev.clerkfx} module and free to change in any release.
 */
package dev.clerkfx.internal.fapi;
