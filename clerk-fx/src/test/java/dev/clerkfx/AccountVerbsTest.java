package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.account.Account;
import dev.clerkfx.account.ProfileUpdate;
import dev.clerkfx.browser.BrowserSignInOptions;
import dev.clerkfx.model.ActiveSession;
import dev.clerkfx.model.BackupCodes;
import dev.clerkfx.model.EmailAddress;
import dev.clerkfx.model.ExternalAccount;
import dev.clerkfx.model.PhoneNumber;
import dev.clerkfx.model.Totp;
import dev.clerkfx.model.User;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorUser;
import dev.clerkfx.testkit.RecordedRequest;
import io.reactivex.rxjava3.observers.TestObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account verbs against the emulator: each asserts the Frontend API requests sent (journal) and
 * the observable state afterwards.
 */
class AccountVerbsTest {
  /** A 1×1 transparent PNG. */
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

  private EmulatorHarness h;

  @AfterEach
  void tearDown() {
    if (h != null) h.close();
  }

  private static RecordedRequest last(EmulatorHarness h, String method, String path) {
    List<RecordedRequest> all = h.emulator.journal().requests(method, path);
    assertThat(all).as(method + " " + path).isNotEmpty();
    return all.get(all.size() - 1);
  }

  private static ClerkApiException apiError(CompletableFuture<?> f) {
    Throwable t =
        assertThatThrownBy(f::join).isInstanceOf(CompletionException.class).actual().getCause();
    assertThat(t).isInstanceOf(ClerkApiException.class);
    return (ClerkApiException) t;
  }

  private static User user(ClerkClient c) {
    return c.snapshot().user().orElseThrow();
  }

  @Test
  void profileNamesUsernameAndMetadata() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    TestObserver<AuthEvent> events = c.events().test();

    User u =
        c.account()
            .updateProfile(ProfileUpdate.names("Augusta", "King").withUsername("augusta"))
            .join();
    RecordedRequest patch = last(h, "PATCH", "/v1/me");
    assertThat(patch.formField("first_name")).contains("Augusta");
    assertThat(patch.formField("username")).contains("augusta");
    assertThat(patch.queryParameter("_clerk_session_id")).isEqualTo(c.snapshot().sessionId());
    assertThat(u.username()).contains("augusta");
    assertThat(user(c).fullName()).contains("Augusta King");
    h.settle(c); // events are published after the change is persisted
    assertThat(events.values()).anyMatch(e -> e instanceof AuthEvent.UserUpdated);

    c.account()
        .mergeUnsafeMetadata(Map.of("theme", "dark", "layout", Map.of("sidebar", true)))
        .join();
    c.account().mergeUnsafeMetadata(Map.of("layout", Map.of("width", 3))).join();
    assertThat(last(h, "PATCH", "/v1/me/metadata").formField("unsafe_metadata"))
        .contains("{\"layout\":{\"width\":3}}");
    assertThat(user(c).unsafeMetadata())
        .containsEntry("theme", "dark")
        .containsEntry("layout", Map.of("sidebar", true, "width", 3));

    h.emulator.createUser(
        EmulatorUser.builder()
            .email("grace@example.com")
            .username("grace")
            .password("pw-grace-1")
            .build());
    ClerkApiException taken =
        apiError(c.account().updateProfile(ProfileUpdate.none().withUsername("grace")));
    assertThat(taken.code()).isEqualTo("form_identifier_exists");
    assertThat(user(c).username()).contains("augusta");

    int before = h.emulator.journal().size();
    assertThat(c.account().updateProfile(ProfileUpdate.none()).join().id()).isEqualTo(user(c).id());
    assertThat(h.emulator.journal().size()).as("an empty update sends nothing").isEqualTo(before);
  }

  @Test
  void profileImageFromBytesAndFileAndRemoval(@TempDir Path dir) throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    String oldUrl = user(c).imageUrl().orElse("");

    User u = c.account().setProfileImage(PNG).join();
    RecordedRequest upload = last(h, "POST", "/v1/me/profile_image");
    assertThat(upload.header("content-type").orElse("")).startsWith("multipart/form-data");
    assertThat(u.hasImage()).isTrue();
    assertThat(u.imageUrl()).isPresent().get().isNotEqualTo(oldUrl);
    assertThat(user(c).imageUrl()).isEqualTo(u.imageUrl());

    Path gif = dir.resolve("avatar.gif");
    Files.write(gif, new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'});
    String pngUrl = u.imageUrl().orElseThrow();
    assertThat(c.account().setProfileImage(gif).join().imageUrl())
        .isPresent()
        .get()
        .isNotEqualTo(pngUrl);
    assertThat(h.emulator.journal().count("POST", "/v1/me/profile_image")).isEqualTo(2);

    int uploads = h.emulator.journal().count("POST", "/v1/me/profile_image");
    assertThatThrownBy(() -> c.account().setProfileImage("not an image".getBytes()).join())
        .hasCauseInstanceOf(ClerkUsageException.class)
        .hasMessageContaining("PNG, JPEG, GIF or WebP");
    byte[] huge = new byte[(int) Account.MAX_PROFILE_IMAGE_BYTES + 1];
    System.arraycopy(PNG, 0, huge, 0, PNG.length);
    assertThatThrownBy(() -> c.account().setProfileImage(huge).join())
        .hasCauseInstanceOf(ClerkUsageException.class)
        .hasMessageContaining("10 MB");
    assertThat(h.emulator.journal().count("POST", "/v1/me/profile_image"))
        .as("refused locally")
        .isEqualTo(uploads);

    User removed = c.account().removeProfileImage().join();
    assertThat(h.emulator.journal().count("DELETE", "/v1/me/profile_image")).isEqualTo(1);
    assertThat(removed.hasImage()).isFalse();
    assertThat(user(c).hasImage()).isFalse();
  }

  @Test
  void emailAddressesAddVerifyMakePrimaryRemove() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    Account account = c.account();

    EmailAddress added = account.addEmailAddress("ada@work.example").join();
    assertThat(last(h, "POST", "/v1/me/email_addresses").formField("email_address"))
        .contains("ada@work.example");
    assertThat(added.verified()).isFalse();
    assertThat(user(c).emailAddresses())
        .extracting(EmailAddress::emailAddress)
        .contains("ada@work.example");

    account.prepareEmailAddressVerification(added.id()).join();
    assertThat(
            last(h, "POST", "/v1/me/email_addresses/*/prepare_verification").formField("strategy"))
        .contains("email_code");
    String code = h.emulator.lastVerificationCode("ada@work.example").orElseThrow();
    assertThat(
            apiError(
                    account.attemptEmailAddressVerification(
                        added.id(), code.equals("000000") ? "111111" : "000000"))
                .code())
        .isEqualTo("form_code_incorrect");
    assertThat(account.attemptEmailAddressVerification(added.id(), code).join().verified())
        .isTrue();

    User u = account.setPrimaryEmailAddress(added.id()).join();
    assertThat(last(h, "PATCH", "/v1/me").formField("primary_email_address_id"))
        .contains(added.id());
    assertThat(u.primaryEmailAddressId()).contains(added.id());
    assertThat(c.user().getPrimaryEmailAddress()).isEqualTo("ada@work.example");

    String oldId =
        u.emailAddresses().stream()
            .filter(e -> e.emailAddress().equals(ClerkEmulator.DEMO_EMAIL))
            .findFirst()
            .orElseThrow()
            .id();
    assertThat(account.removeEmailAddress(oldId).join().emailAddresses())
        .extracting(EmailAddress::emailAddress)
        .containsExactly("ada@work.example");
    assertThat(h.emulator.journal().count("DELETE", "/v1/me/email_addresses/" + oldId))
        .isEqualTo(1);
    assertThat(user(c).emailAddresses()).hasSize(1);

    assertThat(apiError(account.addEmailAddress("not-an-email")).code())
        .isEqualTo("form_param_format_invalid");
    h.emulator.createUser(
        EmulatorUser.builder().email("taken@example.com").password("pw-taken-1").build());
    ClerkApiException taken = apiError(account.addEmailAddress("taken@example.com"));
    assertThat(taken.code()).isEqualTo("form_identifier_exists");
    assertThat(taken.error().orElseThrow().paramName()).contains("email_address");
  }

  @Test
  void theLastIdentifierCannotBeRemoved() {
    h =
        EmulatorHarness.start(
            b ->
                b.withoutDemoUser()
                    .user(
                        EmulatorUser.builder()
                            .email("solo@example.com")
                            .password("pw-solo-12")
                            .build()));
    ClerkClient c = h.loadedClient();
    c.signIn().withPassword("solo@example.com", "pw-solo-12").join();
    h.settle(c);

    String only = user(c).emailAddresses().get(0).id();
    ClerkApiException e = apiError(c.account().removeEmailAddress(only));
    assertThat(e.code()).isEqualTo("identification_deletion_failed");
    assertThat(e.getMessage()).contains("last identification");
    assertThat(user(c).emailAddresses()).hasSize(1);
  }

  @Test
  void phoneNumbersAndSmsSecondFactor() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    Account account = c.account();

    PhoneNumber p = account.addPhoneNumber("+15555550177").join();
    assertThat(last(h, "POST", "/v1/me/phone_numbers").formField("phone_number"))
        .contains("+15555550177");
    assertThat(
            apiError(account.setPhoneNumberSecondFactor(p.id(), true))
                .error()
                .orElseThrow()
                .paramName())
        .contains("reserved_for_second_factor");

    account.preparePhoneNumberVerification(p.id()).join();
    String code = h.emulator.lastVerificationCode("+15555550177").orElseThrow();
    assertThat(account.attemptPhoneNumberVerification(p.id(), code).join().verified()).isTrue();

    account.setPrimaryPhoneNumber(p.id()).join();
    assertThat(last(h, "PATCH", "/v1/me").formField("primary_phone_number_id")).contains(p.id());
    assertThat(user(c).primaryPhoneNumberId()).contains(p.id());

    assertThat(account.setPhoneNumberSecondFactor(p.id(), true).join().reservedForSecondFactor())
        .isTrue();
    assertThat(
            last(h, "PATCH", "/v1/me/phone_numbers/" + p.id())
                .formField("reserved_for_second_factor"))
        .contains("true");
    assertThat(user(c).twoFactorEnabled()).isTrue();

    account.setPhoneNumberSecondFactor(p.id(), false).join();
    assertThat(account.reloadUser().join().twoFactorEnabled()).isFalse();
    assertThat(account.removePhoneNumber(p.id()).join().phoneNumbers())
        .extracting(PhoneNumber::id)
        .doesNotContain(p.id());
    assertThat(user(c).phoneNumbers())
        .extracting(PhoneNumber::phoneNumber)
        .containsExactly(ClerkEmulator.DEMO_PHONE);
  }

  @Test
  void passwordChangeWithSignOutOfOtherDevicesSetAndRemove() {
    h = EmulatorHarness.start(b -> b.multiSession(true));
    ClerkClient c = h.signedInClient();
    // another device: its own client (own token store), same user
    ClerkClient other =
        h.newClient(
            b ->
                b.tokenStore(dev.clerkfx.store.TokenStores.inMemory())
                    .snapshotCache(dev.clerkfx.internal.store.SnapshotCache.inMemory()));
    h.settle(other);
    other.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    h.settle(other);
    String otherSession = other.snapshot().sessionId().orElseThrow();

    ClerkApiException wrong =
        apiError(c.account().changePassword("nope-nope", "new-password-1", false));
    assertThat(wrong.code()).isEqualTo("form_password_validation_failed");
    assertThat(wrong.error().orElseThrow().paramName()).contains("current_password");

    c.account().changePassword(ClerkEmulator.DEMO_PASSWORD, "new-password-1", true).join();
    RecordedRequest change = last(h, "POST", "/v1/me/change_password");
    assertThat(change.formField("sign_out_of_other_sessions")).contains("true");
    assertThat(h.emulator.session(otherSession).orElseThrow().status()).isEqualTo("revoked");
    assertThat(c.snapshot().signedIn()).isTrue();
    assertThat(user(c).passwordEnabled()).isTrue();

    assertThat(c.account().removePassword("new-password-1").join().passwordEnabled()).isFalse();
    assertThat(user(c).passwordEnabled()).isFalse();
    assertThat(c.account().setPassword("third-password-1").join().passwordEnabled()).isTrue();
    assertThat(last(h, "POST", "/v1/me/change_password").formField("current_password")).isEmpty();
    assertThat(h.emulator.userByIdentifier(ClerkEmulator.DEMO_EMAIL).orElseThrow().password())
        .contains("third-password-1");
  }

  @Test
  void totpEnrolmentBackupCodesAndDisable() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    Account account = c.account();

    Totp pending = account.createTotp().join();
    assertThat(pending.verified()).isFalse();
    assertThat(pending.uri()).isPresent().get().asString().startsWith("otpauth://totp/");
    assertThat(pending.toString()).doesNotContain(pending.secret().orElseThrow());
    assertThat(
            apiError(
                    account.verifyTotp(
                        "000000".equals(h.emulator.totpCode(pending.secret().get()))
                            ? "111111"
                            : "000000"))
                .code())
        .isEqualTo("form_code_incorrect");

    Totp verified = account.verifyTotp(h.emulator.totpCode(pending.secret().orElseThrow())).join();
    assertThat(verified.verified()).isTrue();
    assertThat(verified.backupCodes()).isNotEmpty();
    assertThat(account.reloadUser().join().totpEnabled()).isTrue();
    assertThat(user(c).twoFactorEnabled()).isTrue();

    BackupCodes codes = account.createBackupCodes().join();
    assertThat(codes.codes()).isNotEmpty().doesNotContainAnyElementsOf(verified.backupCodes());
    assertThat(h.emulator.journal().count("POST", "/v1/me/backup_codes")).isEqualTo(1);

    assertThat(account.disableTotp().join().totpEnabled()).isFalse();
    assertThat(h.emulator.journal().count("DELETE", "/v1/me/totp")).isEqualTo(1);
    assertThat(user(c).totpEnabled()).isFalse();
  }

  @Test
  void devicesListTheAppFromItsProductTokenAndRevokeAnother() {
    h = EmulatorHarness.start(b -> b.multiSession(true));
    ClerkClient c = h.newClient(b -> b.appProduct("Acme Notes", "2.1"));
    h.settle(c);
    c.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    h.settle(c);
    assertThat(last(h, "POST", "/v1/client/sign_ins").header("user-agent").orElse(""))
        .startsWith("Acme-Notes/2.1 clerk-fx/");

    ClerkClient other =
        h.newClient(
            b ->
                b.appProduct("Acme Tasks", null)
                    .tokenStore(dev.clerkfx.store.TokenStores.inMemory())
                    .snapshotCache(dev.clerkfx.internal.store.SnapshotCache.inMemory()));
    h.settle(other);
    other.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    h.settle(other);
    String otherId = other.snapshot().sessionId().orElseThrow();

    List<ActiveSession> sessions = c.account().activeSessions().join();
    assertThat(last(h, "GET", "/v1/me/sessions/active").queryParameter("_clerk_session_id"))
        .isEqualTo(c.snapshot().sessionId());
    assertThat(sessions)
        .extracting(ActiveSession::id)
        .containsExactlyInAnyOrder(c.snapshot().sessionId().get(), otherId);
    ActiveSession mine =
        sessions.stream()
            .filter(s -> s.id().equals(c.snapshot().sessionId().get()))
            .findFirst()
            .orElseThrow();
    assertThat(mine.latestActivity().orElseThrow().browser()).contains("Acme-Notes 2.1");
    assertThat(mine.latestActivity().orElseThrow().location()).contains("Localhost, ZZ");
    assertThat(
            sessions.stream()
                .filter(s -> s.id().equals(otherId))
                .findFirst()
                .orElseThrow()
                .latestActivity()
                .flatMap(a -> a.browserName()))
        .contains("Acme-Tasks");

    TestObserver<AuthEvent> otherEvents = other.events().test();
    ActiveSession revoked = c.account().revokeSession(otherId).join();
    assertThat(revoked.status()).isEqualTo(dev.clerkfx.model.SessionStatus.REVOKED);
    assertThat(h.emulator.journal().count("POST", "/v1/me/sessions/" + otherId + "/revoke"))
        .isEqualTo(1);
    assertThat(c.account().activeSessions().join())
        .extracting(ActiveSession::id)
        .doesNotContain(otherId);
    // the other device finds out on its next token request
    other.getToken(GetTokenOptions.defaults().withSkipCache(true)).handle((t, e) -> null).join();
    h.settle(other);
    assertThat(other.snapshot().signedIn()).isFalse();
    assertThat(otherEvents.values())
        .anyMatch(e -> e instanceof AuthEvent.SignedOut s && s.reason() == SignOutReason.REVOKED);
  }

  @Test
  void connectAndDisconnectAnOAuthAccount() throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();

    ExternalAccount pending =
        c.account().connectExternalAccount("oauth_github", "myapp://oauth-callback").join();
    RecordedRequest post = last(h, "POST", "/v1/me/external_accounts");
    assertThat(post.formField("strategy")).contains("oauth_github");
    assertThat(post.formField("redirect_url")).contains("myapp://oauth-callback");
    String url =
        pending.verification().orElseThrow().externalVerificationRedirectUrl().orElseThrow();

    // the browser: the provider approves and sends the user back to the app
    OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();
    try (Response r = browser.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(r.code()).isEqualTo(303);
      assertThat(r.header("Location")).isEqualTo("myapp://oauth-callback");
    }
    User u = c.account().reloadUser().join();
    ExternalAccount connected =
        u.externalAccounts().stream()
            .filter(x -> x.id().equals(pending.id()))
            .findFirst()
            .orElseThrow();
    assertThat(connected.verification().orElseThrow().verified()).isTrue();
    assertThat(c.account().externalAccounts())
        .extracting(ExternalAccount::id)
        .contains(pending.id());

    assertThat(c.account().disconnectExternalAccount(pending.id()).join().externalAccounts())
        .isEmpty();
    assertThat(h.emulator.journal().count("DELETE", "/v1/me/external_accounts/" + pending.id()))
        .isEqualTo(1);
    assertThat(c.account().externalAccounts()).isEmpty();
  }

  @Test
  void connectAProviderThroughTheBrowserFlow() {
    h = EmulatorHarness.start();
    TestBrowser browser = new TestBrowser();
    browser.action = u -> TestBrowser.get(u.toString()); // the provider approves at once
    ClerkClient c =
        h.newClient(b -> b.browserSignIn(BrowserSignInOptions.builder().opener(browser).build()));
    h.settle(c);
    c.signIn().withPassword(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD).join();
    h.settle(c);

    ExternalAccount connected =
        c.account()
            .connectExternalAccount("oauth_google")
            .orTimeout(20, java.util.concurrent.TimeUnit.SECONDS)
            .join();
    RecordedRequest post = last(h, "POST", "/v1/me/external_accounts");
    assertThat(post.formField("redirect_url"))
        .get()
        .asString()
        .startsWith("http://127.0.0.1:")
        .contains("state=");
    assertThat(browser.opened).hasSize(1);
    // the browser gets its completion page just after the flow completes
    assertThat(browser.landed).succeedsWithin(java.time.Duration.ofSeconds(10));
    assertThat(connected.provider()).contains("oauth_google");
    assertThat(connected.verification().orElseThrow().verified()).isTrue();
    assertThat(c.account().externalAccounts())
        .extracting(ExternalAccount::id)
        .containsExactly(connected.id());

    // the user closes the tab: the flow can be cancelled, nothing is connected
    browser.action = u -> null;
    CompletableFuture<ExternalAccount> waiting = c.account().connectExternalAccount("oauth_github");
    org.awaitility.Awaitility.await().until(() -> browser.opened.size() == 2);
    waiting.cancel(false);
    assertThat(
            c.account().reloadUser().join().externalAccounts().stream()
                .filter(a -> a.verification().map(v -> v.verified()).orElse(false))
                .map(ExternalAccount::provider))
        .containsExactly(java.util.Optional.of("oauth_google"));

    // the cancelled flow let go of the browser; a refusal at the provider is told apart
    browser.deny();
    assertThat(c.account().connectExternalAccount("oauth_github"))
        .failsWithin(java.time.Duration.ofSeconds(20))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            dev.clerkfx.browser.BrowserSignInException.class,
            e -> assertThat(e.code()).isEqualTo("oauth_access_denied"));
    assertThat(browser.opened).hasSize(3);
  }

  @Test
  void deletingTheAccountSignsOutWithItsOwnReason() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    String userId = c.snapshot().userId().orElseThrow();
    TestObserver<AuthEvent> events = c.events().test();

    c.account().deleteAccount().join();
    assertThat(h.emulator.journal().count("DELETE", "/v1/me")).isEqualTo(1);
    assertThat(h.emulator.user(userId)).isEmpty();
    assertThat(c.snapshot().signedIn()).isFalse();
    h.settle(c);
    assertThat(events.values())
        .anyMatch(
            e -> e instanceof AuthEvent.SignedOut s && s.reason() == SignOutReason.ACCOUNT_DELETED);
    assertThat(h.tokenStore.load()).isEmpty();
    assertThatThrownBy(() -> c.account().reloadUser().join())
        .hasCauseInstanceOf(ClerkUsageException.class);
  }

  @Test
  void verbsWhileSignedOutFailTypedWithoutARequest() {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    int before = h.emulator.journal().size();
    for (CompletableFuture<?> f :
        List.of(
            c.account().addEmailAddress("a@example.com"),
            c.account().createTotp(),
            c.account().activeSessions(),
            c.account().setProfileImage(PNG),
            c.organizations().invitations())) {
      assertThatThrownBy(f::join)
          .hasCauseInstanceOf(ClerkUsageException.class)
          .hasMessageContaining("signed in");
    }
    assertThat(h.emulator.journal().size()).isEqualTo(before);
    assertThat(c.account().externalAccounts()).isEmpty();
    assertThat(c.organizations().memberships()).isEmpty();
  }
}
