package dev.clerkfx.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import dev.clerkfx.ClerkNetworkException;
import dev.clerkfx.ClerkResponseException;
import dev.clerkfx.SignOutReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private static ClerkApiException api(int status, String code) {
    return new ClerkApiException(
        status, List.of(new ClerkError(code, "m", "lm", Map.of())), null, null);
  }

  @Test
  void transientFailuresAreNetworkTroubleUnreadableBodiesRateLimitsAndServerErrors() {
    assertThat(
            Failures.isTransient(
                new ClerkNetworkException(ClerkNetworkException.Kind.TIMEOUT, "t", null)))
        .isTrue();
    assertThat(Failures.isTransient(new ClerkResponseException(200, "truncated", null))).isTrue();
    assertThat(Failures.isTransient(new CompletionException(api(503, "service_unavailable"))))
        .isTrue();
    assertThat(Failures.isTransient(api(429, "too_many_requests"))).isTrue();
    assertThat(Failures.isTransient(api(408, "timeout"))).isTrue();
    assertThat(Failures.isTransient(api(401, "authentication_invalid"))).isFalse();
    assertThat(Failures.isTransient(api(422, "form_password_incorrect"))).isFalse();
    // a surprise (a bug, a decoder blowing up) must not stop the background refresh: retried with
    // backoff
    assertThat(Failures.isTransient(new java.time.DateTimeException("out of range"))).isTrue();
  }

  @Test
  void deadSessionCodesMapToReasons() {
    assertThat(Failures.deadSessionReason(api(404, "session_revoked")))
        .isEqualTo(SignOutReason.REVOKED);
    assertThat(Failures.deadSessionReason(api(401, "session_expired")))
        .isEqualTo(SignOutReason.EXPIRED);
    assertThat(Failures.deadSessionReason(api(404, "session_removed")))
        .isEqualTo(SignOutReason.SIGNED_OUT_ELSEWHERE);
    assertThat(Failures.deadSessionReason(api(404, "session_ended")))
        .isEqualTo(SignOutReason.SIGNED_OUT_ELSEWHERE);
    assertThat(Failures.deadSessionReason(api(401, "authentication_invalid")))
        .isEqualTo(SignOutReason.REVOKED);
    assertThat(Failures.deadSessionReason(api(404, "session_not_found")))
        .isEqualTo(SignOutReason.REVOKED);
    assertThat(Failures.deadSessionReason(api(500, "session_revoked")))
        .isNull(); // a 5xx is never final
    assertThat(Failures.deadSessionReason(api(403, "user_locked"))).isNull();
  }

  @Test
  void otherUnauthenticatedAnswersAndUnknownSessionsAskForAClientRefetch() {
    assertThat(Failures.needsClientRefresh(api(401, "signed_out"))).isTrue();
    assertThat(Failures.needsClientRefresh(api(404, "resource_not_found"))).isTrue();
    assertThat(Failures.needsClientRefresh(api(401, "session_revoked")))
        .isFalse(); // handled as dead instead
    assertThat(Failures.needsClientRefresh(api(422, "form_param_invalid"))).isFalse();
    assertThat(
            Failures.retryAfter(new ClerkApiException(429, List.of(), null, Duration.ofSeconds(3))))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(Failures.asClerk(new IllegalStateException("x")).code()).isEqualTo("internal_error");
  }
}
