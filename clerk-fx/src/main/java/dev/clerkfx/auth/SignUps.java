package dev.clerkfx.auth;

import dev.clerkfx.model.SignUp;
import java.util.concurrent.CompletableFuture;

/**
 * The sign-up verbs ({@code /v1/client/sign_ups}). When the sign-up's status becomes {@code
 * complete}, the created session is current and the auth state has already followed.
 *
 * <pre>{@code
 * SignUp s = clerk.signUp().create(SignUpParams.emailAndPassword(email, password).withStrategy("email_code")).join();
 * clerk.signUp().attemptVerification(s.id(), "email_code", codeFromEmail);
 * }</pre>
 */
public interface SignUps {
  /**
   * Starts a sign-up.
   *
   * @param params the user's details
   * @return the sign-up ({@code missing_requirements} until every required field is given and
   *     verified)
   */
  CompletableFuture<SignUp> create(SignUpParams params);

  /**
   * Adds or changes details of a sign-up in progress.
   *
   * @param signUpId the sign-up's id
   * @param params the details to change
   * @return the sign-up
   */
  CompletableFuture<SignUp> update(String signUpId, SignUpParams params);

  /**
   * Reads a sign-up again.
   *
   * @param signUpId the sign-up's id
   * @return the sign-up
   */
  CompletableFuture<SignUp> get(String signUpId);

  /**
   * Sends a verification code ({@code email_code}, {@code phone_code}).
   *
   * @param signUpId the sign-up's id
   * @param strategy the strategy
   * @return the sign-up
   */
  CompletableFuture<SignUp> prepareVerification(String signUpId, String strategy);

  /**
   * Attempts a verification with the received code.
   *
   * @param signUpId the sign-up's id
   * @param strategy the strategy
   * @param code the code
   * @return the sign-up
   */
  CompletableFuture<SignUp> attemptVerification(String signUpId, String strategy, String code);

  /**
   * Signs up with an OAuth provider in the system browser; an account that already exists becomes a
   * sign-in (the result then holds the sign-in). See {@link SignIns#withOAuth(String)}.
   *
   * @param strategy an {@code oauth_<provider>} strategy the instance enables
   * @return the final sign-up or sign-in
   */
  CompletableFuture<BrowserAuthResult> withOAuth(String strategy);

  /**
   * Signs up on Clerk's hosted pages in the system browser, with PKCE.
   *
   * @return the created session
   */
  CompletableFuture<BrowserAuthResult> withHostedPages();

  /**
   * Verifies the sign-up's email address with an email link and waits until it was opened (see
   * {@link SignIns#withEmailLink(String)}).
   *
   * @param signUpId the sign-up's id (its email address given)
   * @return the final sign-up ({@code complete} when nothing else was missing)
   */
  CompletableFuture<BrowserAuthResult> verifyWithEmailLink(String signUpId);
}
