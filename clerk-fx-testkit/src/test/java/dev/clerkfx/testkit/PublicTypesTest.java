package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicTypesTest {
  @Test
  void frozenClockMovesOnlyWhenTold() {
    EmulatorClock clock = EmulatorClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(clock.isFrozen()).isTrue();
    assertThat(clock.advance(Duration.ofMinutes(5)))
        .isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
    clock.set(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.advance(Duration.ofSeconds(1));
    assertThat(paris.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:01Z"));
    assertThat(clock.millis()).isEqualTo(Instant.parse("2030-01-01T00:00:01Z").toEpochMilli());
  }

  @Test
  void tickingClockFollowsRealTimePlusTheAdvance() {
    EmulatorClock clock = EmulatorClock.ticking();
    assertThat(clock.isFrozen()).isFalse();
    Instant before = Instant.now();
    clock.advance(Duration.ofDays(1));
    assertThat(clock.instant()).isAfterOrEqualTo(before.plus(Duration.ofDays(1)));
    clock.set(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(clock.instant())
        .isBetween(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:01:00Z"));
  }

  @Test
  void userToStringHidesSecrets() {
    EmulatorUser u =
        EmulatorUser.builder()
            .email("a@example.com")
            .password("hunter2-secret")
            .totpSecret("JBSWY3DPEHPK3PXP")
            .backupCodes(List.of("abcdefgh"))
            .build();
    assertThat(u.toString())
        .doesNotContain("hunter2-secret")
        .doesNotContain("JBSWY3DPEHPK3PXP")
        .doesNotContain("abcdefgh")
        .contains("a@example.com");
    assertThat(u.twoFactorEnabled()).isTrue();
  }

  @Test
  void userNeedsAnIdentifier() {
    assertThatThrownBy(() -> EmulatorUser.builder().password("x").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void organizationPermissionsMustLookLikeClerks() {
    assertThatThrownBy(() -> EmulatorOrganization.of("Acme", "acme").withRole("org:x", "read"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("org:<feature>:<action>");
    assertThat(EmulatorOrganization.of("Acme", "acme").roles())
        .containsKeys("org:admin", "org:member");
  }

  @Test
  void conflictingUsersAndUnknownOrganizationsFailAtStart() {
    assertThatThrownBy(
            () ->
                ClerkEmulator.builder()
                    .user(EmulatorUser.builder().email(ClerkEmulator.DEMO_EMAIL).build())
                    .start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already taken");
    assertThatThrownBy(
            () ->
                ClerkEmulator.builder()
                    .user(
                        EmulatorUser.builder()
                            .email("x@example.com")
                            .organization("nope", "org:admin")
                            .build())
                    .start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown organization");
  }

  @Test
  void controlMethodsRejectUnknownIds() {
    try (ClerkEmulator e = ClerkEmulator.builder().withoutDemoUser().start()) {
      assertThatThrownBy(() -> e.revokeSession("sess_nope"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> e.banUser("user_nope")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(e::demoUser).isInstanceOf(IllegalStateException.class);
      assertThat(e.users()).isEmpty();
      assertThat(e.lastVerificationCode("nobody@example.com")).isEmpty();
    }
  }

  @Test
  void demoUserHasAnAvatarTheEmulatorServes() {
    try (ClerkEmulator e = ClerkEmulator.start()) {
      String url = e.demoUser().imageUrl().orElseThrow();
      assertThat(url).startsWith(e.frontendApiUrl());
      NativeClient http = new NativeClient(e);
      NativeClient.Reply r = http.exchange(HttpRequest.newBuilder(URI.create(url)).GET().build());
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Content-Type")).isEqualTo("image/png");
      assertThat(r.raw()).startsWith("\uFFFDPNG");
      NativeClient.Reply head =
          http.exchange(
              HttpRequest.newBuilder(URI.create(url))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.raw()).isEmpty();
      assertThat(e.demoUser().firstName()).contains("Ada");
      assertThat(e.clock().isFrozen()).as("the default clock ticks").isFalse();
    }
  }
}
