package dev.clerkfx.internal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import dev.clerkfx.ClerkNetworkException;
import dev.clerkfx.browser.BrowserSignInException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** How failures are read for display: field, network, rate limit, lockout, other. */
class ProblemTest {
  @Test
  void clerksMessageGoesBesideTheFieldItNames() {
    ClerkApiException e =
        new ClerkApiException(
            422,
            List.of(
                new ClerkError(
                    "form_password_incorrect",
                    "Password is incorrect",
                    "Password is incorrect. Try again.",
                    Map.of("param_name", "password"))),
            null,
            null);
    Problem p = Problem.of(new CompletionException(e));
    assertThat(p.kind()).isEqualTo(Problem.Kind.CLERK);
    assertThat(p.field()).contains("password");
    assertThat(p.message()).isEqualTo("Password is incorrect. Try again.");
  }

  @Test
  void rateLimitsLockoutsAndNetworkFailuresAreTheirOwnKinds() {
    Problem limited =
        Problem.of(new ClerkApiException(429, List.of(), null, Duration.ofSeconds(7)));
    assertThat(limited.kind()).isEqualTo(Problem.Kind.RATE_LIMITED);
    assertThat(limited.retryIn()).contains(Duration.ofSeconds(7));

    Problem locked =
        Problem.of(
            new ClerkApiException(
                403,
                List.of(
                    new ClerkError(
                        "user_locked", "", "Locked", Map.of("lockout_expires_in_seconds", 1800))),
                null,
                null));
    assertThat(locked.kind()).isEqualTo(Problem.Kind.LOCKED);
    assertThat(locked.retryIn()).contains(Duration.ofMinutes(30));

    Problem offline =
        Problem.of(
            new ClerkNetworkException(
                ClerkNetworkException.Kind.CONNECT, "down", new IOException("refused")));
    assertThat(offline.kind()).isEqualTo(Problem.Kind.NETWORK);
    assertThat(offline.field()).isEqualTo(Optional.empty());

    Problem denied =
        Problem.of(new BrowserSignInException(BrowserSignInException.ACCESS_DENIED, "denied"));
    assertThat(denied.kind()).isEqualTo(Problem.Kind.OTHER);
    assertThat(denied.code()).isEqualTo(BrowserSignInException.ACCESS_DENIED);
  }
}
