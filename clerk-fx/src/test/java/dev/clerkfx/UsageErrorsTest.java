package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.clerkfx.browser.BrowserSignInOptions;
import dev.clerkfx.browser.RedirectStrategy;
import dev.clerkfx.store.TokenStores;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every public entry point reports a wrong call with {@link ClerkUsageException}: thrown by
 * synchronous methods and builders, as the failed future of asynchronous ones. Configuration values
 * get its subclass {@link ClerkConfigurationException}.
 */
class UsageErrorsTest {
  private static EmulatorHarness harness;
  private static ClerkClient client;

  @BeforeAll
  static void start() {
    harness = EmulatorHarness.start();
    client = harness.loadedClient();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void configurationErrorsAreUsageErrors() {
    assertThat(ClerkUsageException.class).isAssignableFrom(ClerkConfigurationException.class);
    thrown(() -> ClerkClient.builder(null).build(), "invalid_publishable_key");
    thrown(() -> ClerkClient.builder("pk_test_nonsense").build(), "invalid_publishable_key");
    thrown(() -> GetTokenOptions.template(" "), "invalid_template");
    thrown(() -> TokenStores.system("no spaces allowed"), "invalid_app_id");
    thrown(() -> TokenStores.file(null), "invalid_token_store");
    thrown(
        () -> BrowserSignInOptions.builder().timeout(Duration.ZERO).build(),
        "invalid_browser_sign_in");
    thrown(() -> BrowserSignInOptions.builder().opener(null), "invalid_browser_sign_in");
    thrown(() -> RedirectStrategy.loopback(70_000, "/callback"), "invalid_browser_sign_in");
  }

  @Test
  void builderArgumentsAreChecked() {
    ClerkClient.Builder b = ClerkClient.builder(harness.emulator.publishableKey());
    thrown(() -> b.okHttpClient(null), "invalid_argument");
    thrown(() -> b.tokenStore(null), "invalid_argument");
    thrown(() -> b.refreshPolicy(null), "invalid_argument");
    thrown(() -> b.clock(null), "invalid_argument");
    thrown(() -> b.scheduler(null), "invalid_argument");
  }

  @Test
  void synchronousCallsThrowAndNullOptionsMeanTheDefaults() {
    assertThat(client.has(null)).isFalse();
    assertThat(client.getToken(null).join()).isEmpty();
    thrown(() -> client.tokenInterceptor((TokenInterceptorOptions) null), "invalid_argument");
    thrown(() -> TokenInterceptorOptions.forHosts((String[]) null), "invalid_argument");
    thrown(() -> ClerkFx.install(null), "invalid_argument");
  }

  @Test
  void asynchronousCallsFailTheirFuture() {
    failed(() -> client.setActive(null, null), "invalid_argument");
    failed(() -> client.signOut(null), "invalid_argument");
    failed(() -> client.account().updateProfile(null), "invalid_argument");
    failed(() -> client.signIn().withPassword(null, "x"), "invalid_argument");
    failed(() -> client.signIn().withPassword("ada@example.com", null), "invalid_argument");
    failed(() -> client.signIn().create(null), "invalid_argument");
    failed(() -> client.signUp().create(null), "invalid_argument");
    failed(() -> client.reloadUser(), "not_signed_in");
  }

  @Test
  void withoutAnInstalledClientClerkFxSaysSoAsAUsageError() {
    ClerkFx.uninstall();
    assertThat(catchThrowable(ClerkFx::useAuth))
        .isInstanceOfSatisfying(
            ClerkUsageException.class, e -> assertThat(e.code()).isEqualTo("clerk_not_installed"));
  }

  private static void thrown(ThrowingCallable call, String code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ClerkUsageException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static void failed(Supplier<CompletableFuture<?>> call, String code) {
    CompletableFuture<?> future = call.get();
    assertThatThrownBy(future::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ClerkUsageException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
