package dev.clerkfx.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.AuthEvent;
import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import dev.clerkfx.ClerkNetworkException;
import dev.clerkfx.SignOutReason;
import dev.clerkfx.model.Token;
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
}
