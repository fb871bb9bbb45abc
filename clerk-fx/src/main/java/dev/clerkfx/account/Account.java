package dev.clerkfx.account;

import dev.clerkfx.auth.FactorParams;
import dev.clerkfx.model.ActiveSession;
import dev.clerkfx.model.BackupCodes;
import dev.clerkfx.model.EmailAddress;
import dev.clerkfx.model.ExternalAccount;
import dev.clerkfx.model.PhoneNumber;
import dev.clerkfx.model.SessionVerification;
import dev.clerkfx.model.Totp;
import dev.clerkfx.model.User;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The signed-in user's account verbs ({@code /v1/me/**}), from {@code ClerkClient.account()}:
 * profile, email addresses, phone numbers, password, MFA, connected accounts, devices, deletion and
 * reverification.
 *
 * <p>Every verb is safe from any thread, never blocks, and completes on a clerk-fx background
 * thread (hop to the FX thread with {@code Platform.runLater} to touch controls). When a future
 * completes, the auth state has already followed the change ({@code useUser()} properties update on
 * the FX thread). Verbs act for the current session; with no one signed in they fail with a {@code
 * ClerkUsageException} ({@code not_signed_in}).
 *
 * <p>Sensitive verbs (identifiers, password, MFA, connected accounts, sessions, deletion) may fail
 * with {@link ReverificationRequiredException} when the session's factors were verified too long
 * ago: reverify, then retry ({@link #withReverification} does both).
 *
 * <pre>{@code
 * Account account = clerk.account();
 * account.updateProfile(ProfileUpdate.names("Ada", "Lovelace"));       // bound labels follow
 * EmailAddress e = account.addEmailAddress("ada@work.example").join();
 * account.prepareEmailAddressVerification(e.id());                     // sends a code
 * account.attemptEmailAddressVerification(e.id(), code)
 *     .thenCompose(v -> account.setPrimaryEmailAddress(v.id()));
 * }</pre>
 */
public interface Account {
  // ------------------------------------------------------------------ profile

  /**
   * Updates names, username and unsafe metadata ({@code PATCH /v1/me}).
   *
   * @param update the changes; an empty update completes at once with the current user
   * @return the updated user; fails with {@code form_identifier_exists} when the username is taken
   */
  CompletableFuture<User> updateProfile(ProfileUpdate update);

  /**
   * Merges keys into the unsafe metadata ({@code PATCH /v1/me/metadata}): nested objects merge, a
   * {@code null} value deletes its key.
   *
   * @param patch the keys to merge (JSON-serialisable values)
   * @return the updated user
   */
  CompletableFuture<User> mergeUnsafeMetadata(Map<String, Object> patch);

  /**
   * Uploads a profile image from a file ({@code POST /v1/me/profile_image}, multipart). The file is
   * read on a background thread.
   *
   * @param file a PNG, JPEG, GIF or WebP image of at most {@link #MAX_PROFILE_IMAGE_BYTES}
   * @return the updated user (with its new image URL); fails with a {@code ClerkUsageException} for
   *     another type, an over-large or unreadable file
   */
  CompletableFuture<User> setProfileImage(Path file);

  /**
   * Uploads a profile image from bytes; the type is recognised from the content.
   *
   * @param image a PNG, JPEG, GIF or WebP image of at most {@link #MAX_PROFILE_IMAGE_BYTES}
   * @return the updated user (with its new image URL)
   */
  CompletableFuture<User> setProfileImage(byte[] image);

  /**
   * Removes the profile image ({@code DELETE /v1/me/profile_image}); Clerk's generated avatar is
   * shown again.
   *
   * @return the updated user
   */
  CompletableFuture<User> removeProfileImage();

  /** The largest profile image Clerk accepts: 10 MB. */
  long MAX_PROFILE_IMAGE_BYTES = 10L * 1024 * 1024;

  // ------------------------------------------------------------------ email addresses

  /**
   * Adds an unverified email address ({@code POST /v1/me/email_addresses}).
   *
   * @param emailAddress the address
   * @return the new address; fails with {@code form_identifier_exists} (taken) or {@code
   *     form_param_format_invalid}
   */
  CompletableFuture<EmailAddress> addEmailAddress(String emailAddress);

  /**
   * Sends a verification code to an address ({@code …/prepare_verification}, {@code
   * strategy=email_code}).
   *
   * @param emailAddressId the address's id
   * @return the address, its verification now {@code unverified} with an expiry
   */
  CompletableFuture<EmailAddress> prepareEmailAddressVerification(String emailAddressId);

  /**
   * Verifies an address with the code the user received ({@code …/attempt_verification}).
   *
   * @param emailAddressId the address's id
   * @param code the code
   * @return the verified address; fails with {@code form_code_incorrect} or {@code
   *     verification_expired}
   */
  CompletableFuture<EmailAddress> attemptEmailAddressVerification(
      String emailAddressId, String code);

  /**
   * Makes a verified address primary ({@code PATCH /v1/me} {@code primary_email_address_id}).
   *
   * @param emailAddressId the address's id
   * @return the updated user
   */
  CompletableFuture<User> setPrimaryEmailAddress(String emailAddressId);

  /**
   * Removes an address ({@code DELETE /v1/me/email_addresses/{id}}).
   *
   * @param emailAddressId the address's id
   * @return the updated user; Clerk refuses removing the primary address while others exist, and
   *     the user's last identifier
   */
  CompletableFuture<User> removeEmailAddress(String emailAddressId);

  // ------------------------------------------------------------------ phone numbers

  /**
   * Adds an unverified phone number ({@code POST /v1/me/phone_numbers}).
   *
   * @param phoneNumber the number in E.164 form ({@code +15555550123})
   * @return the new number; fails with {@code form_identifier_exists} or {@code
   *     form_param_format_invalid}
   */
  CompletableFuture<PhoneNumber> addPhoneNumber(String phoneNumber);

  /**
   * Sends a verification code by SMS ({@code strategy=phone_code}).
   *
   * @param phoneNumberId the number's id
   * @return the number
   */
  CompletableFuture<PhoneNumber> preparePhoneNumberVerification(String phoneNumberId);

  /**
   * Verifies a number with the code the user received.
   *
   * @param phoneNumberId the number's id
   * @param code the code
   * @return the verified number
   */
  CompletableFuture<PhoneNumber> attemptPhoneNumberVerification(String phoneNumberId, String code);

  /**
   * Makes a verified number primary ({@code PATCH /v1/me} {@code primary_phone_number_id}).
   *
   * @param phoneNumberId the number's id
   * @return the updated user
   */
  CompletableFuture<User> setPrimaryPhoneNumber(String phoneNumberId);

  /**
   * Removes a number ({@code DELETE /v1/me/phone_numbers/{id}}).
   *
   * @param phoneNumberId the number's id
   * @return the updated user
   */
  CompletableFuture<User> removePhoneNumber(String phoneNumberId);

  // ------------------------------------------------------------------ password

  /**
   * Sets a password for a user who has none (signed up with a code or OAuth).
   *
   * @param newPassword the password
   * @return the updated user
   */
  CompletableFuture<User> setPassword(String newPassword);

  /**
   * Changes the password ({@code POST /v1/me/change_password}).
   *
   * @param currentPassword the current password
   * @param newPassword the new password
   * @param signOutOfOtherSessions true to end the user's sessions on every other device
   * @return the updated user; fails with {@code form_password_validation_failed} for a wrong
   *     current password
   */
  CompletableFuture<User> changePassword(
      String currentPassword, String newPassword, boolean signOutOfOtherSessions);

  /**
   * Removes the password ({@code POST /v1/me/remove_password}); only when the user has another way
   * to sign in.
   *
   * @param currentPassword the current password
   * @return the updated user
   */
  CompletableFuture<User> removePassword(String currentPassword);

  // ------------------------------------------------------------------ MFA

  /**
   * Starts authenticator-app enrolment ({@code POST /v1/me/totp}).
   *
   * @return the pending enrolment with its secret and {@code otpauth://} URI (show it as a QR code)
   */
  CompletableFuture<Totp> createTotp();

  /**
   * Finishes enrolment with a code from the app ({@code POST /v1/me/totp/attempt_verification}). On
   * a pending session this resolves its {@code setup-mfa} task (as does a verified phone number
   * made a second factor).
   *
   * @param code the 6-digit code
   * @return the verified enrolment, with backup codes when the user had none
   */
  CompletableFuture<Totp> verifyTotp(String code);

  /**
   * Disables the authenticator app ({@code DELETE /v1/me/totp}).
   *
   * @return the updated user
   */
  CompletableFuture<User> disableTotp();

  /**
   * Generates a new set of backup codes, replacing any earlier set ({@code POST
   * /v1/me/backup_codes}). Needs another second factor enrolled.
   *
   * @return the codes, to show the user once
   */
  CompletableFuture<BackupCodes> createBackupCodes();

  /**
   * Turns a verified phone number's use as SMS second factor on or off ({@code PATCH
   * /v1/me/phone_numbers/{id}} {@code reserved_for_second_factor}).
   *
   * @param phoneNumberId the number's id
   * @param enabled true to use it as a second factor
   * @return the updated number
   */
  CompletableFuture<PhoneNumber> setPhoneNumberSecondFactor(String phoneNumberId, boolean enabled);

  // ------------------------------------------------------------------ connected accounts

  /**
   * Returns the user's connected OAuth accounts, from the current state (no request).
   *
   * @return the accounts, empty while signed out
   */
  List<ExternalAccount> externalAccounts();

  /**
   * Connects an OAuth provider through the browser, as browser sign-in does ({@code
   * ClerkClient.Builder.browserSignIn}): asks Clerk for the provider's page ({@code POST
   * /v1/me/external_accounts}), opens it, waits for the redirect back, then reloads the user.
   *
   * @param strategy {@code oauth_google}, {@code oauth_github}…
   * @return the connected account; fails with a {@code BrowserSignInException} on timeout or when
   *     the user refuses at the provider ({@code oauth_access_denied}), and with {@code
   *     external_account_not_verified} when the provider did not approve; cancelling it ends the
   *     browser flow (a new one may start at once)
   */
  CompletableFuture<ExternalAccount> connectExternalAccount(String strategy);

  /**
   * Starts connecting an OAuth provider with the app's own browser handling ({@code POST
   * /v1/me/external_accounts}): the answer's {@code verification.externalVerificationRedirectUrl}
   * is the page to open in the browser; after the provider redirects to {@code redirectUrl}, {@link
   * #reloadUser()} shows the connected account.
   *
   * @param strategy {@code oauth_google}, {@code oauth_github}…
   * @param redirectUrl where the provider flow returns (the app's loopback or custom-scheme
   *     callback)
   * @return the pending account
   */
  CompletableFuture<ExternalAccount> connectExternalAccount(String strategy, String redirectUrl);

  /**
   * Disconnects an OAuth account ({@code DELETE /v1/me/external_accounts/{id}}).
   *
   * @param externalAccountId the account's id
   * @return the updated user
   */
  CompletableFuture<User> disconnectExternalAccount(String externalAccountId);

  // ------------------------------------------------------------------ devices

  /**
   * Lists the user's active sessions on every device with their latest activity ({@code GET
   * /v1/me/sessions/active}).
   *
   * @return the sessions, the current one included
   */
  CompletableFuture<List<ActiveSession>> activeSessions();

  /**
   * Signs another device out ({@code POST /v1/me/sessions/{id}/revoke}). To end the current session
   * use {@code ClerkClient.signOut}.
   *
   * @param sessionId the session to revoke
   * @return the revoked session's new state
   */
  CompletableFuture<ActiveSession> revokeSession(String sessionId);

  // ------------------------------------------------------------------ the account itself

  /**
   * Fetches the user again ({@code GET /v1/me}); the state follows.
   *
   * @return the user
   */
  CompletableFuture<User> reloadUser();

  /**
   * Deletes the account ({@code DELETE /v1/me}) when the instance allows it ({@code
   * User.deleteSelfEnabled()}). Local state then signs out with {@code
   * SignOutReason.ACCOUNT_DELETED} and stored credentials are cleared.
   *
   * @return completes when the account is deleted and local state cleared
   */
  CompletableFuture<Void> deleteAccount();

  // ------------------------------------------------------------------ reverification

  /**
   * Starts a reverification of the current session ({@code POST /v1/client/sessions/{id}/verify}).
   *
   * @param level the level to prove (from {@link ReverificationRequiredException#level()})
   * @return the reverification, saying which factors are needed and supported
   */
  CompletableFuture<SessionVerification> startReverification(ReverificationLevel level);

  /**
   * Sends a first-factor code for the reverification in progress ({@code
   * …/verify/prepare_first_factor}).
   *
   * @param params {@link FactorParams#emailCode(String)} or {@link FactorParams#phoneCode(String)}
   * @return the reverification
   */
  CompletableFuture<SessionVerification> prepareReverificationFirstFactor(FactorParams params);

  /**
   * Attempts the first factor ({@code …/verify/attempt_first_factor}).
   *
   * @param params {@link FactorParams#password(String)} or a code ({@link FactorParams#code(String,
   *     String)})
   * @return the reverification ({@code complete}, or {@code needs_second_factor})
   */
  CompletableFuture<SessionVerification> attemptReverificationFirstFactor(FactorParams params);

  /**
   * Sends an SMS code for the second factor ({@code …/verify/prepare_second_factor}).
   *
   * @param params {@link FactorParams#phoneCode(String)}
   * @return the reverification
   */
  CompletableFuture<SessionVerification> prepareReverificationSecondFactor(FactorParams params);

  /**
   * Attempts the second factor ({@code …/verify/attempt_second_factor}).
   *
   * @param params {@link FactorParams#totp(String)}, {@link FactorParams#backupCode(String)} or a
   *     phone code
   * @return the reverification
   */
  CompletableFuture<SessionVerification> attemptReverificationSecondFactor(FactorParams params);

  /**
   * Reverifies with the password in one go (start at {@code first_factor}, attempt the password).
   *
   * @param password the password
   * @return the complete reverification; fails with {@code form_password_incorrect}
   */
  CompletableFuture<SessionVerification> reverifyWithPassword(String password);

  /**
   * Reverifies with an authenticator-app code in one go (start at {@code second_factor}, attempt
   * TOTP).
   *
   * @param code the 6-digit code
   * @return the complete reverification; fails with {@code form_code_incorrect}
   */
  CompletableFuture<SessionVerification> reverifyWithTotp(String code);

  /**
   * Runs a sensitive action; when it fails with {@link ReverificationRequiredException}, hands the
   * error to {@code reverify} (which asks the user and completes a reverification, for example with
   * {@link #reverifyWithPassword}), then runs the action once more.
   *
   * @param action the action, started once or twice
   * @param reverify called on a clerk-fx background thread with the error; its stage fails to give
   *     up
   * @param <T> the action's result
   * @return the action's result
   */
  <T> CompletableFuture<T> withReverification(
      Supplier<? extends CompletionStage<T>> action,
      Function<ReverificationRequiredException, ? extends CompletionStage<?>> reverify);

  /**
   * Finds a {@link ReverificationRequiredException} in a failure, unwrapping {@code
   * CompletionException} and {@code ExecutionException}.
   *
   * @param failure what a future failed with
   * @return the reverification error, or empty when the failure is something else
   */
  static Optional<ReverificationRequiredException> reverificationRequired(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof ReverificationRequiredException r ? Optional.of(r) : Optional.empty();
  }
}
