package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.account.Account;
import dev.clerkfx.account.ReverificationLevel;
import dev.clerkfx.account.ReverificationRequiredException;
import dev.clerkfx.model.EmailAddress;
import dev.clerkfx.model.Organization;
import dev.clerkfx.model.OrganizationInvitation;
import dev.clerkfx.model.OrganizationMembership;
import dev.clerkfx.model.OrganizationSuggestion;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.SessionClaims;
import dev.clerkfx.model.SessionStatus;
import dev.clerkfx.model.SessionTask;
import dev.clerkfx.model.SessionVerification;
import dev.clerkfx.model.Totp;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorOrganization;
import dev.clerkfx.testkit.EmulatorUser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reverification (the emulator's 10-minute window) and the organization verbs, against the
 * emulator.
 */
class ReverificationAndOrganizationsTest {
  private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
  private EmulatorHarness h;

  @AfterEach
  void tearDown() {
    if (h != null) h.close();
  }

  private static ReverificationRequiredException reverificationError(CompletableFuture<?> f) {
    Throwable t = assertThatThrownBy(f::join).actual();
    return Account.reverificationRequired(t)
        .orElseThrow(() -> new AssertionError("not a reverification error", t));
  }

  /** Lets more than the reverification window pass, refreshing tokens as a running app would. */
  private void waitPastTheWindow(ClerkClient c) {
    h.advance(c, Duration.ofMinutes(11), Duration.ofSeconds(30));
  }

  @Test
  void aStaleSessionMustReverifyWithItsPasswordThenTheActionSucceeds() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    waitPastTheWindow(c);

    ReverificationRequiredException e =
        reverificationError(c.account().addEmailAddress("ada@work.example"));
    assertThat(e.code()).isEqualTo("session_reverification_required");
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.level()).isEqualTo(ReverificationLevel.SECOND_FACTOR);
    assertThat(e.window()).contains(Duration.ofMinutes(10));
    assertThat(c.snapshot().user().orElseThrow().emailAddresses()).hasSize(1);
    // non-sensitive verbs are not held up
    assertThat(c.account().mergeUnsafeMetadata(java.util.Map.of("k", "v")).join().unsafeMetadata())
        .containsEntry("k", "v");

    assertThat(reverifyError(c.account().reverifyWithPassword("wrong-password")))
        .isEqualTo("form_password_incorrect");
    SessionVerification done = c.account().reverifyWithPassword(ClerkEmulator.DEMO_PASSWORD).join();
    assertThat(done.complete()).isTrue();
    String sid = c.snapshot().sessionId().orElseThrow();
    assertThat(
            h.emulator
                .journal()
                .requests("POST", "/v1/client/sessions/" + sid + "/verify")
                .get(0)
                .formField("level"))
        .contains("first_factor");
    assertThat(
            h.emulator
                .journal()
                .count("POST", "/v1/client/sessions/" + sid + "/verify/attempt_first_factor"))
        .isEqualTo(2);

    EmailAddress added = c.account().addEmailAddress("ada@work.example").join();
    assertThat(c.snapshot().user().orElseThrow().emailAddresses())
        .extracting(EmailAddress::id)
        .contains(added.id());
  }

  private static String reverifyError(CompletableFuture<?> f) {
    Throwable t = assertThatThrownBy(f::join).actual().getCause();
    assertThat(t).isInstanceOf(ClerkApiException.class);
    return ((ClerkApiException) t).code();
  }

  @Test
  void withReverificationAsksOnceAndRetriesTheAction() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    waitPastTheWindow(c);
    AtomicInteger asked = new AtomicInteger();

    Account account = c.account();
    var totp =
        account
            .withReverification(
                account::createTotp,
                needed -> {
                  asked.incrementAndGet();
                  assertThat(needed.level()).isEqualTo(ReverificationLevel.SECOND_FACTOR);
                  return account.reverifyWithPassword(ClerkEmulator.DEMO_PASSWORD);
                })
            .join();
    assertThat(totp.uri()).isPresent();
    assertThat(asked).hasValue(1);
    assertThat(h.emulator.journal().count("POST", "/v1/me/totp")).isEqualTo(2);

    // fresh now: no question asked
    account
        .withReverification(
            account::createBackupCodes,
            needed -> {
              asked.incrementAndGet();
              return CompletableFuture.completedFuture(null);
            })
        .handle((v, err) -> null)
        .join();
    assertThat(asked).hasValue(1);

    // a refusal from the reverify step gives up with its error
    waitPastTheWindow(c);
    assertThatThrownBy(
            () ->
                account
                    .withReverification(
                        () -> account.addEmailAddress("x@example.com"),
                        needed ->
                            CompletableFuture.failedFuture(new IllegalStateException("cancelled")))
                    .join())
        .hasRootCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aUserWithAnAuthenticatorReverifiesWithTotp() {
    h =
        EmulatorHarness.start(
            b ->
                b.user(
                    EmulatorUser.builder()
                        .email("mfa@example.com")
                        .password("pw-mfa-1234")
                        .totpSecret(TOTP_SECRET)
                        .build()));
    ClerkClient c = h.loadedClient();
    var signIn = c.signIn().withPassword("mfa@example.com", "pw-mfa-1234").join();
    c.signIn()
        .attemptSecondFactor(
            signIn.id(), dev.clerkfx.auth.FactorParams.totp(h.emulator.totpCode(TOTP_SECRET)))
        .join();
    h.settle(c);
    waitPastTheWindow(c);

    assertThat(
            reverificationError(c.account().changePassword("pw-mfa-1234", "pw-mfa-5678", false))
                .level())
        .isEqualTo(ReverificationLevel.SECOND_FACTOR);
    // a password alone does not satisfy second_factor for a user with MFA
    assertThat(c.account().reverifyWithPassword("pw-mfa-1234").join().complete()).isTrue();
    reverificationError(c.account().changePassword("pw-mfa-1234", "pw-mfa-5678", false));

    h.advance(
        c, Duration.ofSeconds(31), Duration.ofSeconds(31)); // a new TOTP step: codes are single-use
    SessionVerification v = c.account().reverifyWithTotp(h.emulator.totpCode(TOTP_SECRET)).join();
    assertThat(v.complete()).isTrue();
    assertThat(
            c.account()
                .changePassword("pw-mfa-1234", "pw-mfa-5678", false)
                .join()
                .passwordEnabled())
        .isTrue();
  }

  @Test
  void createSwitchAndLeaveKeepHasRight() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();

    Organization acme = c.organizations().create("Acme Inc", null).join();
    assertThat(h.emulator.journal().requests("POST", "/v1/organizations").get(0).formField("name"))
        .contains("Acme Inc");
    assertThat(acme.slug()).contains("acme-inc");
    assertThat(c.organizations().memberships())
        .extracting(m -> m.organization().id())
        .contains(acme.id());
    OrganizationMembership m =
        c.snapshot().user().orElseThrow().membership(acme.id()).orElseThrow();
    assertThat(m.role()).isEqualTo("org:admin");
    assertThat(c.has("org:admin")).as("personal account active").isFalse();

    assertThat(h.emulator.journal().count("GET", "/v1/me/organization_memberships")).isZero();
    assertThat(c.organizations().fetchMemberships().join())
        .extracting(x -> x.organization().id())
        .contains(acme.id());
    assertThat(
            h.emulator
                .journal()
                .requests("GET", "/v1/me/organization_memberships")
                .get(0)
                .queryParameter("paginated"))
        .contains("true");

    AuthSnapshot active = c.organizations().setActive(acme.id()).join();
    h.settle(c);
    assertThat(active.organization().map(x -> x.organization().id())).contains(acme.id());
    assertThat(c.has("org:admin")).isTrue();
    assertThat(c.has("org:sys_memberships:manage")).isTrue();

    ClerkApiException taken =
        (ClerkApiException)
            assertThatThrownBy(() -> c.organizations().create("Other", "acme-inc").join())
                .actual()
                .getCause();
    assertThat(taken.code()).isEqualTo("form_identifier_exists");

    c.organizations().leave(acme.id()).join();
    h.settle(c);
    assertThat(h.emulator.journal().count("DELETE", "/v1/me/organization_memberships/" + acme.id()))
        .isEqualTo(1);
    assertThat(c.organizations().memberships())
        .extracting(x -> x.organization().id())
        .doesNotContain(acme.id());
    assertThat(c.snapshot().organization()).isEmpty();
    assertThat(c.has("org:admin")).isFalse();
    assertThat(c.snapshot().sessionClaims().flatMap(x -> x.organizationId())).isEmpty();
  }

  @Test
  void pendingSessionTasksAreResolvedByChoosingAnOrganizationAndSettingUpMfa() {
    h = EmulatorHarness.start(b -> b.sessionTasks("choose-organization", "setup-mfa"));
    ClerkClient c = h.signedInClient();
    Session pending = c.snapshot().session().orElseThrow();
    assertThat(pending.status()).isEqualTo(SessionStatus.PENDING);
    assertThat(pending.tasks())
        .extracting(SessionTask::key)
        .containsExactly("choose-organization", "setup-mfa");
    assertThat(
            pending
                .lastActiveToken()
                .map(t -> SessionClaims.decode(t.jwt()))
                .flatMap(SessionClaims::sessionStatus))
        .contains(SessionStatus.PENDING);

    // the task verbs act for the pending session
    String org = c.organizations().memberships().get(0).organization().id();
    c.organizations().setActive(org).join();
    h.settle(c);
    assertThat(
            h.emulator
                .journal()
                .requests("POST", "/v1/client/sessions/*/touch")
                .get(0)
                .formField("active_organization_id"))
        .contains(org);
    assertThat(c.snapshot().session().orElseThrow().tasks())
        .extracting(SessionTask::key)
        .containsExactly("setup-mfa");

    Totp totp = c.account().createTotp().join();
    c.account().verifyTotp(h.emulator.totpCode(totp.secret().orElseThrow())).join();
    Session active = c.snapshot().session().orElseThrow();
    assertThat(active.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(active.tasks()).isEmpty();
    assertThat(c.snapshot().signedIn()).isTrue();
    assertThat(c.snapshot().organization().map(m -> m.organization().id())).contains(org);
    assertThat(h.emulator.session(active.id()).orElseThrow().status()).isEqualTo("active");
    c.getToken(GetTokenOptions.defaults().withSkipCache(true)).join();
    assertThat(c.snapshot().sessionClaims().flatMap(SessionClaims::sessionStatus))
        .contains(SessionStatus.ACTIVE);
  }

  @Test
  void invitationsAndSuggestionsListAndAccept() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    String globex = h.emulator.createOrganization(EmulatorOrganization.of("Globex", "globex"));
    String invitation =
        h.emulator.inviteToOrganization(globex, ClerkEmulator.DEMO_EMAIL, "org:member");
    h.emulator.inviteToOrganization(globex, "someone-else@example.com", "org:member");
    String userId = c.snapshot().userId().orElseThrow();
    String initech = h.emulator.createOrganization(EmulatorOrganization.of("Initech", "initech"));
    String suggestion = h.emulator.suggestOrganization(initech, userId);

    List<OrganizationInvitation> invitations = c.organizations().invitations().join();
    assertThat(invitations).extracting(OrganizationInvitation::id).containsExactly(invitation);
    assertThat(invitations.get(0).publicOrganizationData().orElseThrow().name()).contains("Globex");
    assertThat(
            h.emulator
                .journal()
                .requests("GET", "/v1/me/organization_invitations")
                .get(0)
                .queryParameter("status"))
        .contains("pending");

    OrganizationInvitation accepted = c.organizations().acceptInvitation(invitation).join();
    assertThat(accepted.status()).isEqualTo("accepted");
    assertThat(c.snapshot().user().orElseThrow().membership(globex).orElseThrow().role())
        .isEqualTo("org:member");
    assertThat(c.organizations().invitations().join()).isEmpty();

    List<OrganizationSuggestion> suggestions = c.organizations().suggestions().join();
    assertThat(suggestions).extracting(OrganizationSuggestion::id).containsExactly(suggestion);
    assertThat(c.organizations().acceptSuggestion(suggestion).join().status())
        .isEqualTo("accepted");
    assertThat(
            h.emulator
                .journal()
                .count("POST", "/v1/me/organization_suggestions/" + suggestion + "/accept"))
        .isEqualTo(1);
    assertThat(c.organizations().memberships())
        .extracting(x -> x.organization().id())
        .contains(globex, initech);

    c.organizations().setActive(globex).join();
    h.settle(c);
    assertThat(c.has("org:member")).isTrue();
    assertThat(c.has("org:admin")).isFalse();
  }
}
