/**
 * A local emulator of Clerk's Frontend API for tests and offline development: {@link
 * dev.clerkfx.testkit.ClerkEmulator} (library, {@link dev.clerkfx.testkit.EmulatorMain standalone
 * jar}, {@link dev.clerkfx.testkit.ClerkEmulatorExtension JUnit 5 extension}) and the types tests
 * use to drive it: {@link dev.clerkfx.testkit.EmulatorClock}, {@link
 * dev.clerkfx.testkit.EmulatorUser}, {@link dev.clerkfx.testkit.EmulatorOrganization}, {@link
 * dev.clerkfx.testkit.EmulatorSession}, {@link dev.clerkfx.testkit.Fault} / {@link
 * dev.clerkfx.testkit.Faults}, {@link dev.clerkfx.testkit.RequestJournal} / {@link
 * dev.clerkfx.testkit.RecordedRequest}, and {@link dev.clerkfx.testkit.VirtualTimeScheduler} to run
 * the SDK's timers on the emulator's virtual time.
 *
 * <h2>Deviations from real Clerk, on purpose</h2>
 *
 * <ul>
 *   <li>Token responses are {@code {"object":"token","jwt":…}} as real FAPI sends (the spec's
 *       schema lacks {@code object}); phone-code verifications carry {@code channel} like real
 *       ones.
 *   <li>The client token is an opaque JWT-shaped string checked by lookup, not a signed JWT; it is
 *       read from {@code Authorization} whether or not {@code _is_native} is sent (no cookies);
 *       rotated tokens leave older ones of the same client valid until the client is deleted.
 *   <li>A wrong HTTP method on a known path answers 405 {@code method_not_allowed} with {@code
 *       Allow} (the spec lists no 405; real FAPI answers 404/405 depending on the route).
 *   <li>Error codes the spec does not fix are the emulator's choice and documented where raised: a
 *       token request for a dead session answers 401 {@code session_<status>}; an unknown session
 *       404 {@code resource_not_found}; a bad hosted-auth verifier 422 {@code
 *       form_param_value_invalid} ({@code param_name=code_verifier}).
 *   <li>Enterprise SSO verifications are {@code verification_saml} with strategy {@code
 *       enterprise_sso}, as real FAPI reports them (the spec lists only {@code saml}).
 *   <li>Not emulated: passkeys, web3, real SAML/OIDC exchanges (OAuth and enterprise SSO use the
 *       emulator's own provider page), organization management endpoints, billing. Uploaded profile
 *       images are kept in memory; users without one get a generated PNG avatar.
 * </ul>
 */
package dev.clerkfx.testkit;
