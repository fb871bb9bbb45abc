package dev.clerkfx.internal.fapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clerkfx.ClerkApiException;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.DeletedObject;
import dev.clerkfx.model.EmailAddress;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.Factor;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.SessionClaims;
import dev.clerkfx.model.SessionStatus;
import dev.clerkfx.model.SignIn;
import dev.clerkfx.model.SignInStatus;
import dev.clerkfx.model.SignUp;
import dev.clerkfx.model.SignUpStatus;
import dev.clerkfx.model.Token;
import dev.clerkfx.model.User;
import dev.clerkfx.model.VerificationStatus;
import dev.clerkfx.testsupport.SharedReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded FAPI response, error body and token in {@code ../shared/fixtures/fapi} parses into
 * the models.
 */
class FixtureParsingTest {
  private static final String RECORDED = "fixtures/fapi/flutter-recorded/";
  private static final String CLIENT_ID = "client_2xTestClient00000000000001";
  private static final String SESSION_ID = "sess_2xTestSession0000000000000001";
  private static final String SIGN_IN_ID = "sia_2xTestSignIn00000000000000001";
  private static final String SIGN_UP_ID = "sua_2xTestSignUp00000000000000001";
  private static final String USER_ID = "user_2xTestUser000000000000000001";
  private static final String EMAIL_ID = "idn_2xTestEmailAddress0000000001";
  private static final String PHONE_ID = "idn_2xTestPhoneNumber00000000001";
  private static final String EMAIL = "test.user+clerk_test@example.com";

  /** 2026-01-01T00:00:00Z, the fixtures' base time; offsets are in days. */
  private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

  /** The model each recorded file's {@code response} holds. */
  private static final Map<String, Class<?>> RESPONSE_TYPES =
      Map.ofEntries(
          Map.entry("client_get_after_user_deleted.json", Client.class),
          Map.entry("client_get_signed_in_after_email_link.json", Client.class),
          Map.entry("client_post_create.json", Client.class),
          Map.entry("environment_get.json", Environment.class),
          Map.entry("me_delete.json", DeletedObject.class),
          Map.entry("me_email_address_delete.json", DeletedObject.class),
          Map.entry("me_email_addresses_create.json", EmailAddress.class),
          Map.entry("me_get.json", User.class),
          Map.entry("me_patch_names.json", User.class),
          Map.entry("me_patch_primary_email.json", User.class),
          Map.entry("sign_in_attempt_first_factor_email_code_complete.json", SignIn.class),
          Map.entry("sign_in_attempt_first_factor_password_complete.json", SignIn.class),
          Map.entry("sign_in_attempt_first_factor_phone_code_complete.json", SignIn.class),
          Map.entry("sign_in_attempt_second_factor_email_code_complete.json", SignIn.class),
          Map.entry("sign_in_create_identifier_needs_first_factor.json", SignIn.class),
          Map.entry("sign_in_create_identifier_password_complete.json", SignIn.class),
          Map.entry("sign_in_create_password_needs_client_trust.json", SignIn.class),
          Map.entry("sign_in_prepare_first_factor_email_code.json", SignIn.class),
          Map.entry("sign_in_prepare_first_factor_email_link.json", SignIn.class),
          Map.entry("sign_in_prepare_first_factor_phone_code.json", SignIn.class),
          Map.entry("sign_in_prepare_second_factor_email_code.json", SignIn.class),
          Map.entry("sign_up_attempt_verification_email_code.json", SignUp.class),
          Map.entry("sign_up_attempt_verification_phone_code_complete.json", SignUp.class),
          Map.entry("sign_up_create_email_code_missing_requirements.json", SignUp.class),
          Map.entry("sign_up_patch_update.json", SignUp.class),
          Map.entry("sign_up_prepare_verification_email_code.json", SignUp.class));

  private static JsonNode json(String relative) {
    Path file = SharedReference.require("fixtures/fapi/" + relative);
    try {
      return FapiJson.tree(Files.readString(file), 200);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  private static JsonNode recorded(String name) {
    return json("flutter-recorded/" + name);
  }

  private static <T> T response(String name, Class<T> type) {
    JsonNode body = recorded(name);
    return FapiJson.read(type == Environment.class ? body : body.get("response"), type, 200);
  }

  private static Client piggybacked(String name) {
    return FapiJson.read(recorded(name).get("client"), Client.class, 200);
  }

  private static Instant day(int offset) {
    return BASE.plus(Duration.ofDays(offset));
  }

  static Stream<String> recordedFiles() {
    return RESPONSE_TYPES.keySet().stream().sorted();
  }

  @Test
  void everyRecordedFileIsCovered() throws IOException {
    Path dir = SharedReference.require(RECORDED);
    Set<String> onDisk;
    try (Stream<Path> files = Files.list(dir)) {
      onDisk =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(onDisk).isEqualTo(new TreeSet<>(RESPONSE_TYPES.keySet()));
  }

  @ParameterizedTest
  @MethodSource("recordedFiles")
  void everyRecordedResponseParsesAndRoundTrips(String name) {
    Class<?> type = RESPONSE_TYPES.get(name);
    Object model = response(name, type);
    assertThat(model).isNotNull();
    assertThat(FapiJson.read(FapiJson.write(model), type)).isEqualTo(model);

    JsonNode client = recorded(name).path("client");
    if (client.isObject()) {
      Client c = FapiJson.read(client, Client.class, 200);
      assertThat(c.id()).isEqualTo(CLIENT_ID);
      assertThat(FapiJson.read(FapiJson.write(c), Client.class)).isEqualTo(c);
    }
  }

  @Test
  void clientPostCreateIsAnEmptyClient() {
    Client client = response("client_post_create.json", Client.class);
    assertThat(client.id()).isEqualTo(CLIENT_ID);
    assertThat(client.sessions()).isEmpty();
    assertThat(client.signIn()).isEmpty();
    assertThat(client.signUp()).isEmpty();
    assertThat(client.lastActiveSessionId()).isEmpty();
    assertThat(client.currentSession()).isEmpty();
    assertThat(client.activeOrPendingSessions()).isEmpty();
    assertThat(client.createdAt()).contains(day(-4));
    assertThat(client.updatedAt()).contains(day(-2));
    assertThat(recorded("client_post_create.json").get("client").isNull()).isTrue();
  }

  @Test
  void clientAfterUserDeletedHasNoSession() {
    Client client = response("client_get_after_user_deleted.json", Client.class);
    assertThat(client.sessions()).isEmpty();
    assertThat(client.currentSession()).isEmpty();
  }

  @Test
  void signedInClientExposesTheCurrentSessionAndUser() {
    Client client = response("client_get_signed_in_after_email_link.json", Client.class);
    assertThat(client.lastActiveSessionId()).contains(SESSION_ID);
    Session session = client.currentSession().orElseThrow();
    assertThat(client.activeOrPendingSessions()).containsExactly(session);
    assertThat(session.id()).isEqualTo(SESSION_ID);
    assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(session.isActiveOrPending()).isTrue();
    assertThat(session.expireAt()).contains(day(1));
    assertThat(session.abandonAt()).contains(day(2));
    assertThat(session.lastActiveAt()).contains(day(-3));
    assertThat(session.lastActiveOrganizationId()).isEmpty();
    assertThat(session.actor()).isEmpty();
    assertThat(session.factorVerificationAge()).containsExactly(0, -1);
    assertThat(session.tasks()).isEmpty();
    assertThat(session.lastActiveToken()).map(Token::jwt).contains("e30=.e30=.e30=");
    assertThat(session.lastActiveToken().orElseThrow().toString()).doesNotContain("e30");
    assertThat(session.lastActiveToken().orElseThrow().claims()).isEmpty();
    assertThat(session.publicUserData().orElseThrow().identifier()).contains(EMAIL);

    User user = session.user().orElseThrow();
    assertThat(user.id()).isEqualTo(USER_ID);
    assertThat(user.username()).contains("userforlinks");
    assertThat(user.fullName()).contains("Test User");
    assertThat(user.primaryEmailAddress().map(EmailAddress::emailAddress)).contains(EMAIL);
    assertThat(user.primaryEmailAddress().orElseThrow().verified()).isTrue();
    assertThat(user.primaryPhoneNumber().orElseThrow().phoneNumber()).isEqualTo("+15555550106");
    assertThat(user.primaryPhoneNumber().orElseThrow().id()).isEqualTo(PHONE_ID);
    assertThat(user.passwordEnabled()).isTrue();
    assertThat(user.twoFactorEnabled()).isFalse();
    assertThat(user.organizationMemberships()).isEmpty();
    assertThat(user.publicMetadata()).isEmpty();
    assertThat(user.legalAcceptedAt()).contains(day(1));
    assertThat(user.lockoutExpiresInSeconds()).isEmpty();
    assertThat(user.verificationAttemptsRemaining()).contains(100);

    SignIn signIn = client.signIn().orElseThrow();
    assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);
    assertThat(signIn.createdSessionId()).contains(SESSION_ID);
    assertThat(signIn.firstFactorVerification().orElseThrow().strategy()).contains("email_link");
    assertThat(signIn.firstFactorVerification().orElseThrow().verifiedAtClient())
        .contains(CLIENT_ID);
    assertThat(signIn.supportedFirstFactors()).isEmpty();
  }

  @Test
  void environmentExposesWhatAClientUses() {
    Environment env = response("environment_get.json", Environment.class);
    Environment.AuthConfig auth = env.authConfig();
    assertThat(auth.id()).contains("aac_2xTestAuthConfig0000000000001");
    assertThat(auth.singleSessionMode()).isFalse();
    assertThat(auth.testMode()).isTrue();
    assertThat(auth.firstFactors())
        .contains("password", "email_code", "phone_code", "oauth_google");
    assertThat(auth.secondFactors()).containsExactly("backup_code", "phone_code", "totp");
    assertThat(auth.identificationStrategies())
        .contains("email_address", "username", "phone_number");
    assertThat(env.displayConfig().applicationName()).contains("Clerk SDK Tests");
    assertThat(env.displayConfig().instanceEnvironmentType()).contains("development");
    assertThat(env.displayConfig().preferredSignInStrategy()).contains("password");
    assertThat(env.displayConfig().showDevmodeWarning()).isTrue();
    assertThat(env.displayConfig().supportEmail()).isEmpty();
    assertThat(env.userSettings().attributes().get("email_address").usedForFirstFactor()).isTrue();
    assertThat(env.userSettings().attributes().get("phone_number").secondFactors())
        .containsExactly("phone_code");
    assertThat(env.userSettings().attributes().get("password").required()).isTrue();
    assertThat(env.userSettings().social().get("oauth_google").enabled()).isTrue();
    assertThat(env.userSettings().social().get("oauth_google").name()).contains("Google");
    assertThat(env.userSettings().social().get("oauth_custom_spung").enabled()).isFalse();
    assertThat(env.userSettings().enabledSocialProviders())
        .extracting(Environment.SocialProvider::strategy)
        .contains("oauth_apple", "oauth_google")
        .doesNotContain("oauth_custom_spung");
    assertThat(env.userSettings().passwordSettings().orElseThrow().minLength()).contains(8);
    assertThat(env.userSettings().passwordSettings().orElseThrow().requireSpecialChar()).isTrue();
    assertThat(env.userSettings().signUp().orElseThrow().mode()).contains("public");
    assertThat(env.userSettings().signUp().orElseThrow().legalConsentEnabled()).isTrue();
    assertThat(env.organizationSettings()).isEmpty();
    assertThat(env.maintenanceMode()).isFalse();
  }

  @Test
  void meGetAndPatchNames() {
    User before = response("me_get.json", User.class);
    assertThat(before.id()).isEqualTo(USER_ID);
    assertThat(before.fullName()).contains("User Bmv3x25hbwu");
    assertThat(before.primaryEmailAddress().orElseThrow().emailAddress())
        .isEqualTo("user-bmv3x25hbwu+clerk_test@somedomain.com");

    User after = response("me_patch_names.json", User.class);
    assertThat(after.id()).isEqualTo(USER_ID);
    assertThat(after.firstName()).contains("New");
    assertThat(after.lastName()).contains("Cognomen");
    assertThat(after.fullName()).contains("New Cognomen");
    assertThat(
            piggybacked("me_patch_names.json")
                .currentSession()
                .orElseThrow()
                .user()
                .orElseThrow()
                .id())
        .isEqualTo(USER_ID);
  }

  @Test
  void mePatchPrimaryEmailSwitchesThePrimaryAddress() {
    User user = response("me_patch_primary_email.json", User.class);
    assertThat(user.primaryEmailAddressId()).contains("idn_3BLNxpeUVkKemJGTuYwgJTcDEmO");
    assertThat(user.primaryEmailAddress().orElseThrow().emailAddress())
        .isEqualTo("secondary+clerk_test@somedomain.com");
    assertThat(user.emailAddresses())
        .extracting(EmailAddress::id)
        .containsExactlyInAnyOrder(
            "idn_3BLNxpeUVkKemJGTuYwgJTcDEmO", "idn_3BLNxXBctSok9QNsM9ikQEqjsQy");
  }

  @Test
  void meEmailAddressCreateAndDelete() {
    EmailAddress created = response("me_email_addresses_create.json", EmailAddress.class);
    assertThat(created.id()).isEqualTo("idn_3BLNx2CfhxoV8JLKidziXsmcPt1");
    assertThat(created.emailAddress()).isEqualTo("newemail+clerk_test@somedomain.com");
    assertThat(created.verified()).isFalse();

    DeletedObject deleted = response("me_email_address_delete.json", DeletedObject.class);
    assertThat(deleted)
        .isEqualTo(new DeletedObject("email_address", "idn_3BLNx2CfhxoV8JLKidziXsmcPt1", true));
    assertThat(piggybacked("me_email_address_delete.json").currentSession()).isPresent();
  }

  @Test
  void meDeleteLeavesAClientWithoutSessions() {
    assertThat(response("me_delete.json", DeletedObject.class))
        .isEqualTo(new DeletedObject("user", USER_ID, true));
    Client client = piggybacked("me_delete.json");
    assertThat(client.sessions()).isEmpty();
    assertThat(client.currentSession()).isEmpty();
  }

  @Test
  void signInCreateWithIdentifierNeedsFirstFactor() {
    SignIn signIn = response("sign_in_create_identifier_needs_first_factor.json", SignIn.class);
    assertThat(signIn.id()).isEqualTo(SIGN_IN_ID);
    assertThat(signIn.status()).isEqualTo(SignInStatus.NEEDS_FIRST_FACTOR);
    assertThat(signIn.identifier()).contains(EMAIL);
    assertThat(signIn.createdSessionId()).isEmpty();
    assertThat(signIn.supportedIdentifiers()).contains("email_address", "password", "username");
    assertThat(signIn.supportedFirstFactors())
        .extracting(Factor::strategy)
        .containsExactly(
            "password", "phone_code", "email_code", "email_link", "reset_password_email_code");
    Factor emailCode = signIn.firstFactor("email_code").orElseThrow();
    assertThat(emailCode.emailAddressId()).contains(EMAIL_ID);
    assertThat(emailCode.safeIdentifier()).contains(EMAIL);
    assertThat(emailCode.primary()).isTrue();
    assertThat(signIn.firstFactor("phone_code").orElseThrow().phoneNumberId()).contains(PHONE_ID);
    assertThat(signIn.firstFactor("password").orElseThrow().safeIdentifier()).isEmpty();
    assertThat(signIn.supportedSecondFactors()).isEmpty();
    assertThat(signIn.abandonAt()).contains(day(2));
    assertThat(piggybacked("sign_in_create_identifier_needs_first_factor.json").signIn())
        .contains(signIn);
  }

  @Test
  void signInCompletions() {
    for (String name :
        List.of(
            "sign_in_create_identifier_password_complete.json",
            "sign_in_attempt_first_factor_password_complete.json",
            "sign_in_attempt_first_factor_email_code_complete.json",
            "sign_in_attempt_first_factor_phone_code_complete.json",
            "sign_in_attempt_second_factor_email_code_complete.json")) {
      SignIn signIn = response(name, SignIn.class);
      assertThat(signIn.status()).as(name).isEqualTo(SignInStatus.COMPLETE);
      assertThat(signIn.createdSessionId()).as(name).contains(SESSION_ID);
      assertThat(signIn.firstFactorVerification().orElseThrow().status())
          .as(name)
          .isEqualTo(VerificationStatus.VERIFIED);
      Client client = piggybacked(name);
      assertThat(client.currentSession().orElseThrow().id()).as(name).isEqualTo(SESSION_ID);
      assertThat(client.currentSession().orElseThrow().status())
          .as(name)
          .isEqualTo(SessionStatus.ACTIVE);
      assertThat(client.currentSession().orElseThrow().user().orElseThrow().id())
          .as(name)
          .isEqualTo(USER_ID);
    }
    assertThat(
            response("sign_in_attempt_first_factor_password_complete.json", SignIn.class)
                .firstFactorVerification()
                .orElseThrow()
                .strategy())
        .contains("password");
    assertThat(
            response("sign_in_attempt_first_factor_email_code_complete.json", SignIn.class)
                .firstFactorVerification()
                .orElseThrow()
                .strategy())
        .contains("email_code");
    SignIn phone = response("sign_in_attempt_first_factor_phone_code_complete.json", SignIn.class);
    assertThat(phone.identifier()).contains("+15555550100");
    assertThat(phone.firstFactorVerification().orElseThrow().strategy()).contains("phone_code");
    SignIn second =
        response("sign_in_attempt_second_factor_email_code_complete.json", SignIn.class);
    assertThat(second.secondFactorVerification().orElseThrow().status())
        .isEqualTo(VerificationStatus.VERIFIED);
    assertThat(second.secondFactorVerification().orElseThrow().strategy()).contains("email_code");
  }

  @Test
  void signInPreparesLeaveTheFirstFactorUnverified() {
    Map<String, String> strategies =
        Map.of(
            "sign_in_prepare_first_factor_email_code.json", "email_code",
            "sign_in_prepare_first_factor_email_link.json", "email_link",
            "sign_in_prepare_first_factor_phone_code.json", "phone_code");
    strategies.forEach(
        (name, strategy) -> {
          SignIn signIn = response(name, SignIn.class);
          assertThat(signIn.status()).as(name).isEqualTo(SignInStatus.NEEDS_FIRST_FACTOR);
          var verification = signIn.firstFactorVerification().orElseThrow();
          assertThat(verification.status()).as(name).isEqualTo(VerificationStatus.UNVERIFIED);
          assertThat(verification.strategy()).as(name).contains(strategy);
          assertThat(verification.expireAt()).as(name).isPresent();
          assertThat(piggybacked(name).sessions()).as(name).isEmpty();
        });
  }

  @Test
  void clientTrustFlow() {
    SignIn trust = response("sign_in_create_password_needs_client_trust.json", SignIn.class);
    assertThat(trust.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
    assertThat(trust.supportedSecondFactors())
        .extracting(Factor::strategy)
        .containsExactly("email_code");
    assertThat(trust.secondFactor("email_code").orElseThrow().emailAddressId()).contains(EMAIL_ID);
    assertThat(trust.firstFactorVerification().orElseThrow().verified()).isTrue();
    assertThat(trust.createdSessionId()).isEmpty();

    SignIn prepared = response("sign_in_prepare_second_factor_email_code.json", SignIn.class);
    assertThat(prepared.status()).isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
    assertThat(prepared.secondFactorVerification().orElseThrow().status())
        .isEqualTo(VerificationStatus.UNVERIFIED);
    assertThat(
            piggybacked("sign_in_prepare_second_factor_email_code.json")
                .signIn()
                .orElseThrow()
                .status())
        .isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
  }

  @Test
  void signUpFlow() {
    SignUp created = response("sign_up_create_email_code_missing_requirements.json", SignUp.class);
    assertThat(created.id()).isEqualTo(SIGN_UP_ID);
    assertThat(created.status()).isEqualTo(SignUpStatus.MISSING_REQUIREMENTS);
    assertThat(created.requiredFields())
        .contains("email_address", "password", "phone_number", "legal_accepted");
    assertThat(created.optionalFields()).contains("username", "oauth_google");
    assertThat(created.missingFields()).isEmpty();
    assertThat(created.unverifiedFields()).containsExactly("email_address", "phone_number");
    assertThat(created.emailAddress()).contains("user-zw1hawxfy29kzq+clerk_test@somedomain.com");
    assertThat(created.username()).contains("user-zw1hawxfy29kzq");
    assertThat(created.phoneNumber()).contains("+15555550136");
    assertThat(created.passwordEnabled()).isTrue();
    var email = created.verifications().emailAddress().orElseThrow();
    assertThat(email.status()).isEqualTo(VerificationStatus.UNVERIFIED);
    assertThat(email.nextAction()).contains("needs_attempt");
    assertThat(email.supportedStrategies()).containsExactly("email_code");
    assertThat(email.attempts()).contains(0);
    assertThat(created.verifications().phoneNumber()).isEmpty();
    assertThat(piggybacked("sign_up_create_email_code_missing_requirements.json").signUp())
        .contains(created);

    SignUp prepared = response("sign_up_prepare_verification_email_code.json", SignUp.class);
    assertThat(prepared.verifications().emailAddress().orElseThrow().status())
        .isEqualTo(VerificationStatus.UNVERIFIED);

    SignUp emailVerified = response("sign_up_attempt_verification_email_code.json", SignUp.class);
    assertThat(emailVerified.status()).isEqualTo(SignUpStatus.MISSING_REQUIREMENTS);
    assertThat(emailVerified.verifications().emailAddress().orElseThrow().verified()).isTrue();
    assertThat(emailVerified.unverifiedFields()).containsExactly("phone_number");

    SignUp complete =
        response("sign_up_attempt_verification_phone_code_complete.json", SignUp.class);
    assertThat(complete.status()).isEqualTo(SignUpStatus.COMPLETE);
    assertThat(complete.createdSessionId()).contains(SESSION_ID);
    assertThat(complete.createdUserId()).contains(USER_ID);
    assertThat(complete.unverifiedFields()).isEmpty();
    assertThat(complete.verifications().phoneNumber().orElseThrow().verified()).isTrue();
    Client client = piggybacked("sign_up_attempt_verification_phone_code_complete.json");
    assertThat(client.currentSession().orElseThrow().user().orElseThrow().id()).isEqualTo(USER_ID);

    SignUp patched = response("sign_up_patch_update.json", SignUp.class);
    assertThat(patched.emailAddress())
        .contains("user-zg9lc191cgrhdgvfy2hhbmdlzf92ywx1zxm+second@somedomain.com");
    assertThat(patched.firstName()).isEmpty();
    assertThat(patched.missingFields())
        .containsExactly("first_name", "last_name", "password", "phone_number");
  }

  // ---- errors/

  @Test
  void userLockedError() {
    ClerkApiException e =
        FapiErrors.toException(403, json("errors/user_locked_403.json"), null, null, BASE);
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.code()).isEqualTo("user_locked");
    assertThat(e.error().orElseThrow().message()).isEqualTo("Account locked");
    assertThat(e.error().orElseThrow().longMessage()).startsWith("Your account is locked.");
    assertThat(e.error().orElseThrow().lockoutExpiresInSeconds()).contains(1800L);
    assertThat(e.getMessage()).contains("Your account is locked").contains("user_locked");
    assertThat(e.traceId()).isEmpty();
    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void passwordCompromisedError() {
    ClerkApiException e =
        FapiErrors.toException(
            422, json("errors/form_password_compromised_422.json"), null, null, BASE);
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.code()).isEqualTo("form_password_compromised");
    assertThat(e.error().orElseThrow().message()).isEmpty();
    assertThat(e.error().orElseThrow().paramName()).contains("password");
    assertThat(e.error().orElseThrow().displayMessage())
        .startsWith("Your password may be compromised.");
  }

  @Test
  void errorWithTraceId() {
    ClerkApiException e =
        FapiErrors.toException(
            400,
            json("errors/url_based_session_syncing_disabled_with_trace_id.json"),
            "header-trace",
            null,
            BASE);
    assertThat(e.code()).isEqualTo("url_based_session_syncing_disabled");
    assertThat(e.traceId()).contains("ff1048d1cb5a74da3ebd660877680ba3");
    assertThat(e.error().orElseThrow().meta()).isEmpty();
    assertThat(e.errors()).hasSize(1);
  }

  @Test
  void everyErrorFixtureIsAnErrorBody() throws IOException {
    try (Stream<Path> files = Files.list(SharedReference.require("fixtures/fapi/errors"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names)
          .containsExactly(
              "form_password_compromised_422.json",
              "url_based_session_syncing_disabled_with_trace_id.json",
              "user_locked_403.json");
      for (String name : names) {
        JsonNode body = json("errors/" + name);
        assertThat(FapiErrors.isErrorBody(body)).as(name).isTrue();
        assertThat(FapiErrors.toException(422, body, null, null, BASE).code())
            .as(name)
            .isNotBlank();
      }
    }
  }

  // ---- tokens/

  @Test
  void tokenResponseDecodesClaims() {
    Token token = FapiJson.read(json("tokens/token_response_rs256.json"), Token.class, 200);
    assertThat(token.toString()).doesNotContain(token.jwt().substring(0, 20));
    SessionClaims claims = token.claims().orElseThrow();
    assertThat(claims.sessionId()).contains("sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9");
    assertThat(claims.subject()).isEqualTo("user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr");
    assertThat(claims.issuer()).contains("https://clerk.inspired.puma-74.lcl.dev");
    assertThat(claims.authorizedParty()).contains("https://accounts.inspired.puma-74.lcl.dev");
    assertThat(claims.issuedAt()).isEqualTo(Instant.ofEpochSecond(1666648250));
    assertThat(claims.notBefore()).contains(Instant.ofEpochSecond(1666648240));
    assertThat(claims.expiresAt()).isEqualTo(Instant.ofEpochSecond(1666648310));
    assertThat(claims.lifetime()).isEqualTo(Duration.ofSeconds(60));
    assertThat(claims.keyId()).contains("ins_2GIoQhbUpy0hX7B2cVkuTMinXoD");
    assertThat(claims.version()).isEqualTo(1);
    assertThat(claims.organization()).isEmpty();
    assertThat(claims.originIssuedAt()).isEmpty();
    assertThat(FapiJson.read(FapiJson.write(token), Token.class)).isEqualTo(token);
  }

  @Test
  void decodedTokenFixtureMatchesOurDecoding() {
    JsonNode decoded = json("tokens/token_rs256_decoded.json");
    Token token = FapiJson.read(json("tokens/token_response_rs256.json"), Token.class, 200);
    SessionClaims claims = SessionClaims.decode(token.jwt());
    JsonNode payload = decoded.get("payload");
    assertThat(claims.claims().keySet())
        .containsExactlyInAnyOrderElementsOf(() -> payload.fieldNames());
    assertThat(claims.sessionId()).contains(payload.get("sid").asText());
    assertThat(claims.expiresAt().getEpochSecond()).isEqualTo(payload.get("exp").asLong());
    assertThat(claims.keyId()).contains(decoded.get("header").get("kid").asText());
  }

  @Test
  void expiredTokenFixtureIsOlder() {
    SessionClaims fresh =
        FapiJson.read(json("tokens/token_response_rs256.json"), Token.class, 200)
            .claims()
            .orElseThrow();
    SessionClaims expired =
        FapiJson.read(json("tokens/token_response_rs256_expired.json"), Token.class, 200)
            .claims()
            .orElseThrow();
    assertThat(expired.expiresAt()).isBefore(fresh.expiresAt());
    assertThat(expired.sessionId()).isEqualTo(fresh.sessionId());
  }

  @Test
  void jwksFixtureHasTheTokenKey() {
    JsonNode jwks = json("tokens/jwks.json");
    JsonNode key = jwks.get("keys").get(0);
    assertThat(key.get("kid").asText()).isEqualTo("ins_2GIoQhbUpy0hX7B2cVkuTMinXoD");
    assertThat(key.get("alg").asText()).isEqualTo("RS256");
    assertThat(key.get("kty").asText()).isEqualTo("RSA");
  }
}
