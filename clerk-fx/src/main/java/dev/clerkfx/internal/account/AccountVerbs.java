package dev.clerkfx.internal.account;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.ClerkException;
import dev.clerkfx.ClerkUsageException;
import dev.clerkfx.GetTokenOptions;
import dev.clerkfx.account.Account;
import dev.clerkfx.account.Organizations;
import dev.clerkfx.account.ProfileUpdate;
import dev.clerkfx.account.ReverificationLevel;
import dev.clerkfx.account.ReverificationRequiredException;
import dev.clerkfx.auth.FactorParams;
import dev.clerkfx.browser.BrowserSignInException;
import dev.clerkfx.internal.browser.BrowserFlows;
import dev.clerkfx.internal.fapi.FapiClient;
import dev.clerkfx.internal.fapi.Form;
import dev.clerkfx.internal.session.SessionManager;
import dev.clerkfx.model.ActiveSession;
import dev.clerkfx.model.BackupCodes;
import dev.clerkfx.model.EmailAddress;
import dev.clerkfx.model.ExternalAccount;
import dev.clerkfx.model.Organization;
import dev.clerkfx.model.OrganizationInvitation;
import dev.clerkfx.model.OrganizationMembership;
import dev.clerkfx.model.OrganizationSuggestion;
import dev.clerkfx.model.PhoneNumber;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.SessionStatus;
import dev.clerkfx.model.SessionVerification;
import dev.clerkfx.model.Totp;
import dev.clerkfx.model.User;
import dev.clerkfx.model.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The account and organization verbs over the transport. Each acts for the current session; a
 * response's piggybacked client reaches the state through the client sync before the future
 * completes, and verbs whose answer is the user hand it to the session manager as well.
 */
public final class AccountVerbs implements Account {
  private static final String EMAILS = "email_addresses";
  private static final String PHONES = "phone_numbers";

  private final Supplier<FapiClient> fapi;
  private final SessionManager manager;
  private final Executor io;
  private final BrowserFlows browser;
  private final OrganizationVerbs organizations = new OrganizationVerbs();

  /**
   * Creates the verbs.
   *
   * @param fapi the transport, made on first use (so a cold start never waits for it)
   * @param manager the session manager (current session, state updates)
   * @param io where files are read
   * @param browser the browser flows (connecting an OAuth account)
   */
  public AccountVerbs(
      Supplier<FapiClient> fapi, SessionManager manager, Executor io, BrowserFlows browser) {
    this.fapi = fapi;
    this.manager = manager;
    this.io = io;
    this.browser = browser;
  }

  /** Returns the organization verbs. */
  public Organizations organizations() {
    return organizations;
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The session to act for: the signed-in one, or a pending one (tasks left), so the verbs that
   * finish its tasks (choosing an organization, enrolling MFA) can run.
   */
  private Optional<Session> actingSession() {
    AuthSnapshot s = manager.snapshot();
    return s.session().filter(x -> s.signedIn() || x.status() == SessionStatus.PENDING);
  }

  private Optional<String> sessionId() {
    return actingSession().map(Session::id);
  }

  private Optional<User> currentUser() {
    AuthSnapshot s = manager.snapshot();
    return s.user().or(() -> actingSession().flatMap(Session::user));
  }

  /** Runs a call for the current session, or fails with {@code not_signed_in}. */
  private <T> CompletableFuture<T> signedIn(Function<String, CompletableFuture<T>> call) {
    Optional<String> sid = sessionId();
    if (sid.isEmpty()) return notSignedIn();
    return call.apply(sid.get());
  }

  private static <T> CompletableFuture<T> notSignedIn() {
    return CompletableFuture.failedFuture(
        new ClerkUsageException("not_signed_in", "No user is signed in"));
  }

  /** A call answered with the user: the user goes to the state too. */
  private CompletableFuture<User> userCall(Function<String, CompletableFuture<User>> call) {
    return signedIn(call).thenApply(manager::userChanged);
  }

  /**
   * A call answered with something else; then the user is fetched so the state and the result are
   * fresh.
   */
  private <T> CompletableFuture<User> thenReload(Function<String, CompletableFuture<T>> call) {
    return signedIn(call).thenCompose(x -> reloadUser());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static <T> CompletableFuture<T> invalid(String message) {
    return CompletableFuture.failedFuture(new ClerkUsageException("invalid_argument", message));
  }

  // ------------------------------------------------------------------ profile

  @Override
  public CompletableFuture<User> updateProfile(ProfileUpdate update) {
    if (update == null) return invalid("updateProfile needs a ProfileUpdate");
    if (update.isEmpty()) {
      return signedIn(sid -> CompletableFuture.completedFuture(currentUser().orElseThrow()));
    }
    Form.Builder form =
        Form.builder()
            .add("first_name", update.firstName())
            .add("last_name", update.lastName())
            .add("username", update.username());
    if (update.unsafeMetadata() != null) form.addJson("unsafe_metadata", update.unsafeMetadata());
    return userCall(sid -> fapi.get().updateMe(sid, form.build()));
  }

  @Override
  public CompletableFuture<User> mergeUnsafeMetadata(Map<String, Object> patch) {
    if (patch == null) return invalid("mergeUnsafeMetadata needs a map");
    return userCall(
        sid ->
            fapi.get()
                .mergeMetadata(sid, Form.builder().addJson("unsafe_metadata", patch).build()));
  }

  @Override
  public CompletableFuture<User> setProfileImage(Path file) {
    if (file == null) return invalid("setProfileImage needs a file");
    if (sessionId().isEmpty()) return notSignedIn();
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                if (Files.size(file) > MAX_PROFILE_IMAGE_BYTES) {
                  throw new ClerkUsageException(
                      "image_too_large", "The image is larger than 10 MB: " + file.getFileName());
                }
                return Files.readAllBytes(file);
              } catch (IOException e) {
                throw new ClerkUsageException(
                    "image_unreadable",
                    "Could not read " + file.getFileName() + ": " + e.getMessage());
              }
            },
            io)
        .thenCompose(this::setProfileImage);
  }

  @Override
  public CompletableFuture<User> setProfileImage(byte[] image) {
    if (image == null || image.length == 0) return invalid("setProfileImage needs image bytes");
    if (image.length > MAX_PROFILE_IMAGE_BYTES) {
      return CompletableFuture.failedFuture(
          new ClerkUsageException("image_too_large", "The image is larger than 10 MB"));
    }
    Optional<String> type = ImageTypes.detect(image);
    if (type.isEmpty()) {
      return CompletableFuture.failedFuture(
          new ClerkUsageException(
              "image_type_unsupported", "The image must be PNG, JPEG, GIF or WebP"));
    }
    byte[] copy = image.clone();
    return thenReload(sid -> fapi.get().uploadProfileImage(sid, copy, type.get()));
  }

  @Override
  public CompletableFuture<User> removeProfileImage() {
    return thenReload(sid -> fapi.get().deleteMine(sid, "profile_image"));
  }

  // ------------------------------------------------------------------ email addresses

  @Override
  public CompletableFuture<EmailAddress> addEmailAddress(String emailAddress) {
    if (blank(emailAddress)) return invalid("addEmailAddress needs an address");
    return signedIn(
        sid ->
            fapi.get()
                .createIdentification(
                    sid,
                    EMAILS,
                    Form.builder().add("email_address", emailAddress.strip()).build(),
                    EmailAddress.class));
  }

  @Override
  public CompletableFuture<EmailAddress> prepareEmailAddressVerification(String emailAddressId) {
    return prepareVerification(EMAILS, emailAddressId, "email_code", EmailAddress.class);
  }

  @Override
  public CompletableFuture<EmailAddress> attemptEmailAddressVerification(
      String emailAddressId, String code) {
    if (blank(code)) return invalid("attemptEmailAddressVerification needs a code");
    return attemptVerification(EMAILS, emailAddressId, code, EmailAddress.class);
  }

  @Override
  public CompletableFuture<User> setPrimaryEmailAddress(String emailAddressId) {
    if (blank(emailAddressId)) return invalid("setPrimaryEmailAddress needs an id");
    return userCall(
        sid ->
            fapi.get()
                .updateMe(
                    sid, Form.builder().add("primary_email_address_id", emailAddressId).build()));
  }

  @Override
  public CompletableFuture<User> removeEmailAddress(String emailAddressId) {
    return thenReload(sid -> fapi.get().deleteMine(sid, EMAILS, emailAddressId));
  }

  /** Sends an email address or phone number its verification code ({@code strategy}). */
  private <T> CompletableFuture<T> prepareVerification(
      String kind, String id, String strategy, Class<T> type) {
    return signedIn(
        sid ->
            fapi.get()
                .identificationAction(
                    sid,
                    kind,
                    id,
                    "prepare_verification",
                    Form.builder().add("strategy", strategy).build(),
                    type));
  }

  /** Checks the code sent to an email address or phone number. */
  private <T> CompletableFuture<T> attemptVerification(
      String kind, String id, String code, Class<T> type) {
    return signedIn(
        sid ->
            fapi.get()
                .identificationAction(
                    sid,
                    kind,
                    id,
                    "attempt_verification",
                    Form.builder().add("code", code.strip()).build(),
                    type));
  }

  // ------------------------------------------------------------------ phone numbers

  @Override
  public CompletableFuture<PhoneNumber> addPhoneNumber(String phoneNumber) {
    if (blank(phoneNumber)) return invalid("addPhoneNumber needs a number");
    return signedIn(
        sid ->
            fapi.get()
                .createIdentification(
                    sid,
                    PHONES,
                    Form.builder().add("phone_number", phoneNumber.strip()).build(),
                    PhoneNumber.class));
  }

  @Override
  public CompletableFuture<PhoneNumber> preparePhoneNumberVerification(String phoneNumberId) {
    return prepareVerification(PHONES, phoneNumberId, "phone_code", PhoneNumber.class);
  }

  @Override
  public CompletableFuture<PhoneNumber> attemptPhoneNumberVerification(
      String phoneNumberId, String code) {
    if (blank(code)) return invalid("attemptPhoneNumberVerification needs a code");
    return attemptVerification(PHONES, phoneNumberId, code, PhoneNumber.class);
  }

  @Override
  public CompletableFuture<User> setPrimaryPhoneNumber(String phoneNumberId) {
    if (blank(phoneNumberId)) return invalid("setPrimaryPhoneNumber needs an id");
    return userCall(
        sid ->
            fapi.get()
                .updateMe(
                    sid, Form.builder().add("primary_phone_number_id", phoneNumberId).build()));
  }

  @Override
  public CompletableFuture<User> removePhoneNumber(String phoneNumberId) {
    return thenReload(sid -> fapi.get().deleteMine(sid, PHONES, phoneNumberId));
  }

  // ------------------------------------------------------------------ password

  @Override
  public CompletableFuture<User> setPassword(String newPassword) {
    if (newPassword == null || newPassword.isEmpty())
      return invalid("setPassword needs a password");
    return userCall(
        sid ->
            fapi.get()
                .changePassword(sid, Form.builder().add("new_password", newPassword).build()));
  }

  @Override
  public CompletableFuture<User> changePassword(
      String currentPassword, String newPassword, boolean signOutOfOtherSessions) {
    if (currentPassword == null
        || currentPassword.isEmpty()
        || newPassword == null
        || newPassword.isEmpty()) {
      return invalid("changePassword needs the current and the new password");
    }
    return userCall(
        sid ->
            fapi.get()
                .changePassword(
                    sid,
                    Form.builder()
                        .add("current_password", currentPassword)
                        .add("new_password", newPassword)
                        .add("sign_out_of_other_sessions", signOutOfOtherSessions)
                        .build()));
  }

  @Override
  public CompletableFuture<User> removePassword(String currentPassword) {
    if (currentPassword == null || currentPassword.isEmpty())
      return invalid("removePassword needs the password");
    return userCall(
        sid ->
            fapi.get()
                .removePassword(
                    sid, Form.builder().add("current_password", currentPassword).build()));
  }

  // ------------------------------------------------------------------ MFA

  @Override
  public CompletableFuture<Totp> createTotp() {
    return signedIn(sid -> fapi.get().postMine(sid, Form.empty(), Totp.class, "totp"));
  }

  @Override
  public CompletableFuture<Totp> verifyTotp(String code) {
    if (blank(code)) return invalid("verifyTotp needs a code");
    return signedIn(
        sid ->
            fapi.get()
                .postMine(
                    sid,
                    Form.builder().add("code", code.strip()).build(),
                    Totp.class,
                    "totp",
                    "attempt_verification"));
  }

  @Override
  public CompletableFuture<User> disableTotp() {
    return thenReload(sid -> fapi.get().deleteMine(sid, "totp"));
  }

  @Override
  public CompletableFuture<BackupCodes> createBackupCodes() {
    return signedIn(
        sid -> fapi.get().postMine(sid, Form.empty(), BackupCodes.class, "backup_codes"));
  }

  @Override
  public CompletableFuture<PhoneNumber> setPhoneNumberSecondFactor(
      String phoneNumberId, boolean enabled) {
    return signedIn(
        sid ->
            fapi.get()
                .identificationAction(
                    sid,
                    PHONES,
                    phoneNumberId,
                    null,
                    Form.builder().add("reserved_for_second_factor", enabled).build(),
                    PhoneNumber.class));
  }

  // ------------------------------------------------------------------ connected accounts

  @Override
  public List<ExternalAccount> externalAccounts() {
    return currentUser().map(User::externalAccounts).orElse(List.of());
  }

  @Override
  public CompletableFuture<ExternalAccount> connectExternalAccount(String strategy) {
    if (blank(strategy)) return invalid("connectExternalAccount needs a strategy");
    AtomicReference<String> started = new AtomicReference<>();
    AtomicReference<CompletableFuture<?>> flow = new AtomicReference<>();
    CompletableFuture<ExternalAccount> connected =
        signedIn(
                sid -> {
                  CompletableFuture<Map<String, String>> f =
                      browser.external(
                          "connect " + strategy,
                          redirect ->
                              connectExternalAccount(strategy, redirect)
                                  .thenApply(
                                      a -> {
                                        started.set(a.id());
                                        return a.verification()
                                            .flatMap(Verification::externalVerificationRedirectUrl)
                                            .orElseThrow(
                                                () ->
                                                    new ClerkException(
                                                        "external_account_no_url",
                                                        "Clerk gave no page to connect "
                                                            + strategy
                                                            + " on",
                                                        null));
                                      }));
                  flow.set(f);
                  return f;
                })
            .thenCompose(
                callback -> {
                  String refused =
                      callback.getOrDefault("__clerk_error_code", callback.get("error"));
                  if (refused == null) return reloadUser();
                  return CompletableFuture.<User>failedFuture(
                      new BrowserSignInException(
                          BrowserSignInException.ACCESS_DENIED,
                          strategy + " was not connected: the provider reported " + refused));
                })
            .thenApply(
                u ->
                    u.externalAccounts().stream()
                        .filter(a -> a.id().equals(started.get()))
                        .filter(a -> a.verification().map(Verification::verified).orElse(false))
                        .findFirst()
                        .orElseThrow(
                            () ->
                                new ClerkException(
                                    "external_account_not_verified",
                                    "The "
                                        + strategy
                                        + " account was not connected (the provider did not approve)",
                                    null)));
    // cancelling the returned future ends the browser flow too (its receiver and its slot)
    connected.whenComplete(
        (a, e) -> {
          CompletableFuture<?> f = flow.get();
          if (connected.isCancelled() && f != null) f.cancel(false);
        });
    return connected;
  }

  @Override
  public CompletableFuture<ExternalAccount> connectExternalAccount(
      String strategy, String redirectUrl) {
    if (blank(strategy) || blank(redirectUrl)) {
      return invalid("connectExternalAccount needs a strategy and a redirect URL");
    }
    return signedIn(
        sid ->
            fapi.get()
                .postMine(
                    sid,
                    Form.builder()
                        .add("strategy", strategy)
                        .add("redirect_url", redirectUrl)
                        .add("action_complete_redirect_url", redirectUrl)
                        .build(),
                    ExternalAccount.class,
                    "external_accounts"));
  }

  @Override
  public CompletableFuture<User> disconnectExternalAccount(String externalAccountId) {
    return thenReload(sid -> fapi.get().deleteMine(sid, "external_accounts", externalAccountId));
  }

  // ------------------------------------------------------------------ devices

  @Override
  public CompletableFuture<List<ActiveSession>> activeSessions() {
    return signedIn(sid -> fapi.get().activeSessions(sid));
  }

  @Override
  public CompletableFuture<ActiveSession> revokeSession(String sessionId) {
    if (blank(sessionId)) return invalid("revokeSession needs a session id");
    return signedIn(
        sid ->
            fapi.get()
                .postMine(sid, Form.empty(), ActiveSession.class, "sessions", sessionId, "revoke"));
  }

  // ------------------------------------------------------------------ the account itself

  @Override
  public CompletableFuture<User> reloadUser() {
    return manager.reloadUser();
  }

  @Override
  public CompletableFuture<Void> deleteAccount() {
    return signedIn(
            sid -> {
              manager.accountDeletion(sid);
              return fapi.get()
                  .deleteMe(sid)
                  .whenComplete(
                      (deleted, failure) -> {
                        if (failure != null) manager.accountDeletion(null);
                      });
            })
        .thenCompose(deleted -> manager.accountDeleted());
  }

  // ------------------------------------------------------------------ reverification

  @Override
  public CompletableFuture<SessionVerification> startReverification(ReverificationLevel level) {
    ReverificationLevel l = level == null ? ReverificationLevel.SECOND_FACTOR : level;
    return signedIn(
        sid -> fapi.get().reverify(sid, null, Form.builder().add("level", l.wireValue()).build()));
  }

  @Override
  public CompletableFuture<SessionVerification> prepareReverificationFirstFactor(
      FactorParams params) {
    return step("prepare_first_factor", params);
  }

  @Override
  public CompletableFuture<SessionVerification> attemptReverificationFirstFactor(
      FactorParams params) {
    return step("attempt_first_factor", params);
  }

  @Override
  public CompletableFuture<SessionVerification> prepareReverificationSecondFactor(
      FactorParams params) {
    return step("prepare_second_factor", params);
  }

  @Override
  public CompletableFuture<SessionVerification> attemptReverificationSecondFactor(
      FactorParams params) {
    return step("attempt_second_factor", params);
  }

  private CompletableFuture<SessionVerification> step(String step, FactorParams p) {
    if (p == null || blank(p.strategy())) return invalid(step + " needs a strategy");
    Form form =
        Form.builder()
            .add("strategy", p.strategy())
            .add("code", p.code())
            .add("password", p.password())
            .add("email_address_id", p.emailAddressId())
            .add("phone_number_id", p.phoneNumberId())
            .build();
    // the session's factor ages change: the next token carries the new fva
    return signedIn(sid -> fapi.get().reverify(sid, step, form))
        .thenCompose(
            v ->
                v.complete()
                    ? manager
                        .getToken(GetTokenOptions.defaults().withSkipCache(true))
                        .handle((t, e) -> v)
                    : CompletableFuture.completedFuture(v));
  }

  @Override
  public CompletableFuture<SessionVerification> reverifyWithPassword(String password) {
    if (password == null || password.isEmpty())
      return invalid("reverifyWithPassword needs a password");
    return startReverification(ReverificationLevel.FIRST_FACTOR)
        .thenCompose(v -> attemptReverificationFirstFactor(FactorParams.password(password)));
  }

  @Override
  public CompletableFuture<SessionVerification> reverifyWithTotp(String code) {
    if (blank(code)) return invalid("reverifyWithTotp needs a code");
    return startReverification(ReverificationLevel.SECOND_FACTOR)
        .thenCompose(v -> attemptReverificationSecondFactor(FactorParams.totp(code)));
  }

  @Override
  public <T> CompletableFuture<T> withReverification(
      Supplier<? extends CompletionStage<T>> action,
      Function<ReverificationRequiredException, ? extends CompletionStage<?>> reverify) {
    if (action == null || reverify == null)
      return invalid("withReverification needs an action and a reverify step");
    return action
        .get()
        .toCompletableFuture()
        .handle(
            (result, failure) -> {
              if (failure == null) return CompletableFuture.completedFuture(result);
              Optional<ReverificationRequiredException> needed =
                  Account.reverificationRequired(failure);
              if (needed.isEmpty()) return CompletableFuture.<T>failedFuture(failure);
              return reverify
                  .apply(needed.get())
                  .toCompletableFuture()
                  .thenCompose(v -> action.get());
            })
        .thenCompose(f -> f);
  }

  // ------------------------------------------------------------------ organizations

  /**
   * The organization verbs; membership changes refresh the user and, for the active organization,
   * the token.
   */
  private final class OrganizationVerbs implements Organizations {
    @Override
    public List<OrganizationMembership> memberships() {
      return currentUser().map(User::organizationMemberships).orElse(List.of());
    }

    @Override
    public CompletableFuture<List<OrganizationMembership>> fetchMemberships() {
      return signedIn(
              sid ->
                  fapi.get()
                      .listMine(
                          sid, null, OrganizationMembership.class, "organization_memberships"))
          .thenCompose(list -> reloadUser().thenApply(u -> list));
    }

    @Override
    public CompletableFuture<AuthSnapshot> setActive(String organizationId) {
      return signedIn(sid -> manager.setActive(sid, organizationId));
    }

    @Override
    public CompletableFuture<Organization> create(String name, String slug) {
      if (blank(name)) return invalid("create needs a name");
      return signedIn(
              sid ->
                  fapi.get()
                      .createOrganization(
                          sid,
                          Form.builder()
                              .add("name", name.strip())
                              .add("slug", blank(slug) ? null : slug.strip())
                              .build()))
          .thenCompose(org -> reloadUser().thenApply(u -> org));
    }

    @Override
    public CompletableFuture<Void> leave(String organizationId) {
      if (blank(organizationId)) return invalid("leave needs an organization id");
      boolean wasActive =
          manager
              .snapshot()
              .organization()
              .map(m -> m.organization().id().equals(organizationId))
              .orElse(false);
      return signedIn(sid -> fapi.get().deleteMine(sid, "organization_memberships", organizationId))
          .thenCompose(v -> wasActive ? refreshClaims() : reloadUser().thenApply(u -> null));
    }

    @Override
    public CompletableFuture<List<OrganizationInvitation>> invitations() {
      return signedIn(
          sid ->
              fapi.get()
                  .listMine(
                      sid, "pending", OrganizationInvitation.class, "organization_invitations"));
    }

    @Override
    public CompletableFuture<OrganizationInvitation> acceptInvitation(String invitationId) {
      if (blank(invitationId)) return invalid("acceptInvitation needs an id");
      return signedIn(
              sid ->
                  fapi.get()
                      .postMine(
                          sid,
                          Form.empty(),
                          OrganizationInvitation.class,
                          "organization_invitations",
                          invitationId,
                          "accept"))
          .thenCompose(inv -> reloadUser().thenApply(u -> inv));
    }

    @Override
    public CompletableFuture<List<OrganizationSuggestion>> suggestions() {
      return signedIn(
          sid ->
              fapi.get()
                  .listMine(
                      sid, "pending", OrganizationSuggestion.class, "organization_suggestions"));
    }

    @Override
    public CompletableFuture<OrganizationSuggestion> acceptSuggestion(String suggestionId) {
      if (blank(suggestionId)) return invalid("acceptSuggestion needs an id");
      return signedIn(
              sid ->
                  fapi.get()
                      .postMine(
                          sid,
                          Form.empty(),
                          OrganizationSuggestion.class,
                          "organization_suggestions",
                          suggestionId,
                          "accept"))
          .thenCompose(s -> reloadUser().thenApply(u -> s));
    }

    /**
     * The active organization changed on the server: fetch the client and a fresh token so claims
     * agree.
     */
    private CompletableFuture<Void> refreshClaims() {
      return manager
          .refresh()
          .thenCompose(s -> manager.getToken(GetTokenOptions.defaults().withSkipCache(true)))
          .thenApply(t -> null);
    }
  }
}
