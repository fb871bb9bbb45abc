package dev.clerkfx.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.ClerkResponseException;
import dev.clerkfx.internal.fapi.FapiJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The models read whatever FAPI sends: unknown fields and enum values, nulls, missing fields. */
class TolerantReadingTest {

  @Test
  void unknownEnumValuesBecomeUnknown() {
    Session session =
        FapiJson.read("{\"id\":\"sess_1\",\"status\":\"hibernating\"}", Session.class);
    assertThat(session.status()).isEqualTo(SessionStatus.UNKNOWN);
    SignIn signIn =
        FapiJson.read("{\"id\":\"sia_1\",\"status\":\"needs_telepathy\"}", SignIn.class);
    assertThat(signIn.status()).isEqualTo(SignInStatus.UNKNOWN);
    SignUp signUp = FapiJson.read("{\"id\":\"sua_1\",\"status\":\"new_status\"}", SignUp.class);
    assertThat(signUp.status()).isEqualTo(SignUpStatus.UNKNOWN);
    Verification v = FapiJson.read("{\"status\":\"pondering\"}", Verification.class);
    assertThat(v.status()).isEqualTo(VerificationStatus.UNKNOWN);
  }

  @Test
  void knownEnumValuesMapAndWriteLowerCase() {
    Session session = FapiJson.read("{\"id\":\"sess_1\",\"status\":\"pending\"}", Session.class);
    assertThat(session.status()).isEqualTo(SessionStatus.PENDING);
    assertThat(session.isActiveOrPending()).isTrue();
    assertThat(FapiJson.write(session)).contains("\"status\":\"pending\"");
    assertThat(
            FapiJson.read("{\"id\":\"sia_1\",\"status\":\"needs_client_trust\"}", SignIn.class)
                .status())
        .isEqualTo(SignInStatus.NEEDS_CLIENT_TRUST);
  }

  @Test
  void missingAndNullFieldsBecomeEmpty() {
    Client client =
        FapiJson.read(
            "{\"id\":\"client_1\",\"sessions\":null,\"sign_in\":null,\"brand_new\":{\"x\":1}}",
            Client.class);
    assertThat(client.sessions()).isEmpty();
    assertThat(client.signIn()).isEmpty();
    assertThat(client.signUp()).isEmpty();
    assertThat(client.lastActiveSessionId()).isEmpty();
    assertThat(client.createdAt()).isEmpty();
    assertThat(client.captchaBypass()).isFalse();

    User user =
        FapiJson.read(
            "{\"id\":\"user_1\",\"email_addresses\":null,\"public_metadata\":null}", User.class);
    assertThat(user.emailAddresses()).isEmpty();
    assertThat(user.phoneNumbers()).isEmpty();
    assertThat(user.organizationMemberships()).isEmpty();
    assertThat(user.publicMetadata()).isEmpty();
    assertThat(user.unsafeMetadata()).isEmpty();
    assertThat(user.fullName()).isEmpty();
    assertThat(user.primaryEmailAddress()).isEmpty();

    Session session = FapiJson.read("{\"id\":\"sess_1\"}", Session.class);
    assertThat(session.status()).isEqualTo(SessionStatus.UNKNOWN);
    assertThat(session.user()).isEmpty();
    assertThat(session.factorVerificationAge()).isEmpty();
    assertThat(session.tasks()).isEmpty();
    assertThat(session.lastActiveToken()).isEmpty();
  }

  @Test
  void timestampsAreEpochMilliseconds() {
    Session session =
        FapiJson.read("{\"id\":\"sess_1\",\"expire_at\":1767312000000}", Session.class);
    assertThat(session.expireAt()).contains(Instant.parse("2026-01-02T00:00:00Z"));
    assertThat(FapiJson.write(session)).contains("\"expire_at\":1767312000000");
  }

  @Test
  void timestampsAlsoReadFromStringsAndBadOnesAreResponseErrors() {
    assertThat(
            FapiJson.read("{\"id\":\"sess_1\",\"expire_at\":\"1767312000000\"}", Session.class)
                .expireAt())
        .contains(Instant.parse("2026-01-02T00:00:00Z"));
    assertThat(
            FapiJson.read(
                    "{\"id\":\"sess_1\",\"expire_at\":\"2026-01-02T00:00:00Z\"}", Session.class)
                .expireAt())
        .contains(Instant.parse("2026-01-02T00:00:00Z"));
    for (String bad :
        List.of("\"soon\"", "true", "{}", "1e400", "123456789012345678901234567890")) {
      assertThatThrownBy(
              () -> FapiJson.read("{\"id\":\"sess_1\",\"expire_at\":" + bad + "}", Session.class))
          .as(bad)
          .isInstanceOf(ClerkResponseException.class);
    }
  }

  @Test
  void missingIdIsAResponseErrorNotAnNpe() {
    assertThatThrownBy(() -> FapiJson.read("{\"sessions\":[]}", Client.class))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("client has no id");
    assertThatThrownBy(
            () ->
                FapiJson.read(
                    "{\"id\":\"client_1\",\"sessions\":[{\"status\":\"active\"}]}", Client.class))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("session has no id");
  }

  @Test
  void wrongShapesAreResponseErrors() {
    assertThatThrownBy(() -> FapiJson.read("[1,2]", Client.class))
        .isInstanceOf(ClerkResponseException.class);
    assertThatThrownBy(
            () -> FapiJson.read("{\"id\":\"client_1\",\"sessions\":\"many\"}", Client.class))
        .isInstanceOf(ClerkResponseException.class);
    assertThatThrownBy(() -> FapiJson.read("{\"id\":", Client.class))
        .isInstanceOf(ClerkResponseException.class);
    assertThatThrownBy(() -> FapiJson.read("", Client.class))
        .isInstanceOf(ClerkResponseException.class);
    assertThatThrownBy(() -> FapiJson.read("null", Client.class))
        .isInstanceOf(ClerkResponseException.class);
    assertThatThrownBy(() -> FapiJson.read("{\"jwt\":null}", Token.class))
        .isInstanceOf(ClerkResponseException.class);
  }

  @Test
  void metadataIsDeeplyUnmodifiableAndRoundTrips() {
    User user =
        FapiJson.read(
            "{\"id\":\"user_1\",\"unsafe_metadata\":{\"theme\":\"dark\",\"n\":3,\"tags\":[\"a\",\"b\"],"
                + "\"nested\":{\"k\":null}}}",
            User.class);
    assertThat(user.unsafeMetadata()).containsEntry("theme", "dark").containsEntry("n", 3);
    assertThat(user.unsafeMetadata().get("tags")).isEqualTo(List.of("a", "b"));
    assertThatThrownBy(() -> user.unsafeMetadata().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> tags = (List<Object>) user.unsafeMetadata().get("tags");
    assertThatThrownBy(() -> tags.add("c")).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) user.unsafeMetadata().get("nested");
    assertThat(nested).containsEntry("k", null);
    assertThat(FapiJson.read(FapiJson.write(user), User.class)).isEqualTo(user);
  }

  @Test
  void organizationMembershipsReadRoleAndPermissions() {
    User user =
        FapiJson.read(
            "{\"id\":\"user_1\",\"organization_memberships\":[{\"id\":\"orgmem_1\",\"role\":\"org:admin\","
                + "\"role_name\":\"Admin\",\"permissions\":[\"org:sys_memberships:manage\"],"
                + "\"organization\":{\"id\":\"org_1\",\"name\":\"Acme\",\"slug\":\"acme\",\"members_count\":3}}]}",
            User.class);
    OrganizationMembership m = user.membership("org_1").orElseThrow();
    assertThat(m.role()).isEqualTo("org:admin");
    assertThat(m.roleName()).contains("Admin");
    assertThat(m.organization().name()).contains("Acme");
    assertThat(m.organization().slug()).contains("acme");
    assertThat(m.organization().membersCount()).contains(3);
    assertThat(m.hasPermission("org:sys_memberships:manage")).isTrue();
    assertThat(user.membership("org_2")).isEmpty();
    assertThat(FapiJson.read(FapiJson.write(user), User.class)).isEqualTo(user);
  }

  @Test
  void factorDefaultFlagUsesTheJsonNameDefault() {
    Factor f = FapiJson.read("{\"strategy\":\"totp\",\"default\":true}", Factor.class);
    assertThat(f.isDefault()).isTrue();
    assertThat(FapiJson.write(f)).contains("\"default\":true");
  }

  @Test
  void noToStringPrintsAToken() {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJl";
    Session session =
        FapiJson.read(
            "{\"id\":\"sess_1\",\"last_active_token\":{\"object\":\"token\",\"jwt\":\""
                + jwt
                + "\"}}",
            Session.class);
    Client client =
        new Client("client_1", List.of(session), null, null, null, null, null, false, null, null);
    assertThat(client.toString()).contains("sess_1").doesNotContain(jwt).doesNotContain("eyJ");
  }

  @Test
  void backupCodesAreNotPrinted() {
    PhoneNumber p =
        FapiJson.read(
            "{\"id\":\"idn_1\",\"phone_number\":\"+15555550100\",\"backup_codes\":[\"abcd1234\"]}",
            PhoneNumber.class);
    assertThat(p.backupCodes()).containsExactly("abcd1234");
    assertThat(p.toString()).doesNotContain("abcd1234");
  }
}
