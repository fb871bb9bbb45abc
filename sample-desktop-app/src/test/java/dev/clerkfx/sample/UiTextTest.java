package dev.clerkfx.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.AuthEvent;
import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import dev.clerkfx.ClerkNetworkException;
import dev.clerkfx.ClerkNetworkException.Kind;
import dev.clerkfx.ClerkResponseException;
import dev.clerkfx.SignOutReason;
import dev.clerkfx.model.Token;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class UiTextTest {

  @Test
  void apiErrorsShowClerksDisplayMessageEvenWhenWrapped() {
    ClerkApiException api =
        new ClerkApiException(
            422,
            List.of(
                new ClerkError(
                    "form_password_incorrect",
                    "Password is incorrect.",
                    "Password is incorrect. Try again, or use another method.",
                    Map.of())),
            null,
            null);

    assertThat(UiText.describe(new CompletionException(api)))
        .isEqualTo("Password is incorrect. Try again, or use another method.");
  }

  @Test
  void otherFailuresShowTheirMessageOrTheirType() {
    assertThat(
            UiText.describe(
                new ClerkNetworkException(
                    ClerkNetworkException.Kind.CONNECT, "Could not reach Clerk", null)))
        .isEqualTo("Could not reach Clerk");
    assertThat(UiText.describe(new CompletionException(new IllegalStateException())))
        .isEqualTo("IllegalStateException");
  }

  @Test
  void everySignOutReasonHasItsOwnStatusLine() {
    assertThat(UiText.signedOut(SignOutReason.USER_ACTION)).isEqualTo("Signed out");
    assertThat(UiText.signedOut(SignOutReason.REVOKED)).isEqualTo("Signed out: session revoked");
    assertThat(UiText.signedOut(SignOutReason.EXPIRED)).isEqualTo("Signed out: session expired");
    assertThat(UiText.signedOut(SignOutReason.SIGNED_OUT_ELSEWHERE))
        .isEqualTo("Signed out: signed out elsewhere");
    assertThat(UiText.signedOut(SignOutReason.ACCOUNT_DELETED))
        .isEqualTo("Signed out: account deleted");
    assertThat(List.of(SignOutReason.values()).stream().map(UiText::signedOut).distinct())
        .hasSize(SignOutReason.values().length);
  }

  @Test
  void eventLogLinesNameTheEventAndNeverTheToken() {
    assertThat(UiText.describe(new AuthEvent.TokenRefreshed(new Token("header.payload.signature"))))
        .isEqualTo("Token refreshed");
    assertThat(UiText.describe(new AuthEvent.SignedOut(SignOutReason.REVOKED)))
        .isEqualTo("Signed out: session revoked");
  }

  @Test
  void loadProblemsNameTheHostAndSayWhatWentWrongInPlainWords() {
    String host = "clerk.example.com";
    assertThat(UiText.loadProblem(host, network(ClerkNetworkException.Kind.CONNECT)))
        .isEqualTo("Can't reach Clerk at clerk.example.com: connection refused");
    assertThat(UiText.loadProblem(host, new CompletionException(network(Kind.DNS))))
        .isEqualTo(
            "Can't reach Clerk at clerk.example.com: the host name does not resolve (offline, or a"
                + " wrong host)");
    assertThat(UiText.loadProblem(host, network(Kind.TLS)))
        .endsWith(": the secure (TLS) connection failed");
    assertThat(UiText.loadProblem(host, network(Kind.TIMEOUT)))
        .endsWith(": the connection timed out");
    assertThat(UiText.loadProblem(host, network(Kind.CONNECTION_RESET)))
        .endsWith(": the connection was dropped");
    assertThat(
            UiText.loadProblem(host, new ClerkResponseException(200, "HTML instead of JSON", null)))
        .isEqualTo(
            "Can't reach Clerk at clerk.example.com: the server there does not answer like Clerk");
    ClerkApiException notFound =
        new ClerkApiException(
            404,
            List.of(
                new ClerkError(
                    "resource_not_found", "Not found", "No instance for this key.", Map.of())),
            null,
            null);
    assertThat(UiText.loadProblem(host, notFound))
        .isEqualTo(
            "Clerk at clerk.example.com refused to load (HTTP 404): No instance for this key.");
    // Every kind has its own words.
    assertThat(
            Arrays.stream(Kind.values())
                .map(kind -> UiText.loadProblem(host, network(kind)))
                .distinct())
        .hasSize(Kind.values().length);
  }

  @Test
  void theRetryCountdownRoundsUpToWholeSeconds() {
    assertThat(UiText.retryingIn(Duration.ofMillis(7_001)))
        .isEqualTo("Retrying automatically in 8 s");
    assertThat(UiText.retryingIn(Duration.ofSeconds(1))).isEqualTo("Retrying automatically in 1 s");
    assertThat(UiText.retryingIn(Duration.ZERO)).isEqualTo("Retrying…");
    assertThat(UiText.retryingIn(Duration.ofSeconds(-3))).isEqualTo("Retrying…");
  }

  private static ClerkNetworkException network(Kind kind) {
    return new ClerkNetworkException(kind, "Could not reach Clerk", null);
  }
}
