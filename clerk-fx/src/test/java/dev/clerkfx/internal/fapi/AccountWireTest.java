package dev.clerkfx.internal.fapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.ClerkApiException;
import dev.clerkfx.account.ReverificationLevel;
import dev.clerkfx.account.ReverificationRequiredException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The account API's wire details: the reverification error and the app's {@code User-Agent}. */
class AccountWireTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @Test
  void sessionReverificationRequiredBecomesTheTypedErrorWithLevelAndWindow() {
    ClerkApiException e =
        FapiErrors.toException(
            403,
            FapiJson.tree(
                """
        {"errors":[{"code":"session_reverification_required","message":"Additional verification required",
          "long_message":"You need to provide additional verification to perform this operation",
          "meta":{"reverification":{"level":"multi_factor","after_minutes":60}}}],"clerk_trace_id":"t1"}""",
                403),
            null,
            null,
            NOW);
    assertThat(e).isInstanceOf(ReverificationRequiredException.class);
    ReverificationRequiredException r = (ReverificationRequiredException) e;
    assertThat(r.level()).isEqualTo(ReverificationLevel.MULTI_FACTOR);
    assertThat(r.window()).contains(Duration.ofMinutes(60));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.traceId()).contains("t1");
    assertThat(r.getMessage()).contains("additional verification");
  }

  @Test
  void withoutMetaTheLevelIsClerksDefault() {
    ClerkApiException e =
        FapiErrors.toException(
            403,
            FapiJson.tree(
                "{\"errors\":[{\"code\":\"session_reverification_required\",\"message\":\"m\",\"long_message\":\"l\"}]}",
                403),
            null,
            null,
            NOW);
    assertThat(((ReverificationRequiredException) e).level())
        .isEqualTo(ReverificationLevel.SECOND_FACTOR);
    assertThat(((ReverificationRequiredException) e).window()).isEmpty();
    assertThat(
            FapiErrors.toException(
                422,
                FapiJson.tree(
                    "{\"errors\":[{\"code\":\"form_password_incorrect\",\"message\":\"m\",\"long_message\":\"l\"}]}",
                    422),
                null,
                null,
                NOW))
        .isNotInstanceOf(ReverificationRequiredException.class);
  }

  @Test
  void theAppNamesItselfAsAProductToken() {
    String ua = UserAgents.of("Acme Notes", "2.1");
    assertThat(ua).startsWith("Acme-Notes/2.1 clerk-fx/").contains("(Java ");
    assertThat(UserAgents.of("Acme", null)).startsWith("Acme clerk-fx/");
    assertThat(UserAgents.of("Ünïcode (beta)", "1.0 rc/2")).startsWith("-n-code--beta-/1.0-rc-2 ");
    assertThat(UserAgents.of(null, "1")).isNull();
    assertThat(UserAgents.of("  ", "1")).isNull();
  }
}
