/**
 * The signed-in user's account: {@link dev.clerkfx.account.Account} (profile, email addresses,
 * phone numbers, password, MFA, connected accounts, devices, deletion, reverification) from {@code
 * ClerkClient.account()}, and {@link dev.clerkfx.account.Organizations} (memberships, creating and
 * leaving, invitations, suggestions) from {@code ClerkClient.organizations()}.
 *
 * <p>Every verb returns a {@code CompletableFuture} completed on a clerk-fx background thread
 * (never the FX Application Thread), and the auth state ({@code useUser()}, {@code useAuth()}) has
 * already followed the change when it completes: a {@code Label} bound to the user's name shows the
 * new name without a reload. Failures are {@code ClerkException}s: a {@code ClerkApiException} with
 * Clerk's code and message ({@code form_identifier_exists}, {@code
 * form_password_validation_failed}…), a {@link dev.clerkfx.account.ReverificationRequiredException}
 * when Clerk wants the user to prove who they are again first, or a {@code ClerkUsageException} for
 * a bad argument or when no one is signed in.
 */
package dev.clerkfx.account;
