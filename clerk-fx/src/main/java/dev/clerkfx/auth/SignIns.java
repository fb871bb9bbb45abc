package dev.clerkfx.auth;

import dev.clerkfx.model.SignIn;
import java.util.concurrent.CompletableFuture;

/**
 * The sign-in verbs ({@code /v1/client/sign_ins}). Each returns the attempt's new state; when its
 * status is {@code complete}, the created session is current and the auth state has already
 * followed. Failures are {@code ClerkException}s: {@code ClerkApiException} with Clerk's code
 * ({@code form_password_incorrect}…) or {@code ClerkUsageException} for a blank argument.
 *
 * <pre>{@code
 * SignIn attempt = clerk.signIn().withPassword("ada@example.com", password).join();
 * if (attempt.status() == SignInStatus.NEEDS_SECOND_FACTOR) {
 *   clerk.signIn().attemptSecondFactor(attempt.id(), FactorParams.totp(code));
 * }
 * }</pre>
 */
public interface SignIns {
  /**
   * Signs in with identifier and password in one call.
   *
   * @param identifier email address, phone number or username
   * @param password the password
   * @return the sign-in (usually {@code complete}; {@code needs_second_factor} with MFA)
   */
  CompletableFuture<SignIn> withPassword(String identifier, String password);

  /**
   * Starts a sign-in.
   *
   * @param params what to send
   * @return the new sign-in
   */
  CompletableFuture<SignIn> create(SignInParams params);

  /**
   * Reads a sign-in again.
   *
   * @param signInId the sign-in's id
   * @return the sign-in
   */
  CompletableFuture<SignIn> get(String signInId);

  /**
   * Prepares a first factor (sends an email or SMS code, starts an external flow).
   *
   * @param signInId the sign-in's id
   * @param params the strategy and where to send
   * @return the sign-in
   */
  CompletableFuture<SignIn> prepareFirstFactor(String signInId, FactorParams params);

  /**
   * Attempts a first factor (password or code).
   *
   * @param signInId the sign-in's id
   * @param params the strategy and secret
   * @return the sign-in
   */
  CompletableFuture<SignIn> attemptFirstFactor(String signInId, FactorParams params);

  /**
   * Prepares a second factor (or the client-trust check): sends an email or SMS code.
   *
   * @param signInId the sign-in's id
   * @param params the strategy and where to send
   * @return the sign-in
   */
  CompletableFuture<SignIn> prepareSecondFactor(String signInId, FactorParams params);

  /**
   * Attempts a second factor ({@code totp}, {@code phone_code}, {@code email_code}, {@code
   * backup_code}).
   *
   * @param signInId the sign-in's id
   * @param params the strategy and code
   * @return the sign-in
   */
  CompletableFuture<SignIn> attemptSecondFactor(String signInId, FactorParams params);

  /**
   * Sets a new password after a {@code reset_password_*_code} factor was verified.
   *
   * @param signInId the sign-in's id
   * @param newPassword the new password
   * @param signOutOfOtherSessions whether to end the user's other sessions
   * @return the sign-in
   */
  CompletableFuture<SignIn> resetPassword(
      String signInId, String newPassword, boolean signOutOfOtherSessions);

  /**
   * Signs in with an OAuth provider in the system browser: opens the provider, waits for the
   * redirect (see {@code ClerkClient.Builder.browserSignIn}), redeems the nonce once. An account
   * the instance does not know becomes a sign-up when the instance allows it (the result then holds
   * the sign-up). Cancelling the future ends the flow; one browser flow runs at a time. Completes
   * on a background thread.
   *
   * <pre>{@code
   * clerk.signIn().withOAuth("oauth_google").thenAccept(r -> Platform.runLater(() -> done(r.complete())));
   * }</pre>
   *
   * @param strategy an {@code oauth_<provider>} strategy the instance enables
   * @return the final sign-in or sign-up; fails with {@code BrowserSignInException} (timeout,
   *     denied consent, another flow pending, port in use…) or {@code ClerkApiException}
   */
  CompletableFuture<BrowserAuthResult> withOAuth(String strategy);

  /**
   * Signs in with enterprise SSO (SAML or OIDC connection found from the email address) in the
   * system browser, like {@link #withOAuth(String)}.
   *
   * @param emailAddress the user's work email address
   * @return the final sign-in or sign-up
   */
  CompletableFuture<BrowserAuthResult> withEnterpriseSso(String emailAddress);

  /**
   * Signs in on Clerk's hosted pages in the system browser (every method the instance offers,
   * passkeys included), with PKCE; the client Clerk returns replaces the current one.
   *
   * @return the created session
   */
  CompletableFuture<BrowserAuthResult> withHostedPages();

  /**
   * Signs in with an email link: Clerk emails a link; the future completes once it was opened in
   * any browser on any device (the sign-in is reloaded every few seconds, as Clerk's SDKs do),
   * fails when it expires or the flow times out, and cancelling it stops waiting.
   *
   * @param emailAddress the account's email address
   * @return the final sign-in
   */
  CompletableFuture<BrowserAuthResult> withEmailLink(String emailAddress);
}
