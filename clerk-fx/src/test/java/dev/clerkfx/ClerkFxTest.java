package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClerkFxTest {
  private EmulatorHarness h;

  @AfterEach
  void tearDown() {
    ClerkFx.uninstall();
    if (h != null) h.close();
  }

  @Test
  void withoutAnInstalledClientTheHooksSayWhatToDo() {
    ClerkFx.uninstall();
    assertThatThrownBy(ClerkFx::useAuth)
        .isInstanceOf(ClerkUsageException.class)
        .hasMessageContaining("ClerkFx.install");
    assertThatThrownBy(() -> ClerkFx.install(null)).isInstanceOf(ClerkUsageException.class);
  }

  @Test
  void installedClientBacksUseAuthAndUseUser() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    assertThat(ClerkFx.install(c)).isEmpty();
    assertThat(ClerkFx.client()).isSameAs(c);
    assertThat(ClerkFx.useAuth()).isSameAs(c.auth());
    assertThat(ClerkFx.useAuth().isSignedIn()).isTrue();
    assertThat(ClerkFx.useUser().getPrimaryEmailAddress())
        .isEqualTo(dev.clerkfx.testkit.ClerkEmulator.DEMO_EMAIL);
    assertThat(ClerkFx.useAuth().getToken().join()).isPresent();
    assertThat(ClerkFx.uninstall()).contains(c);
  }

  @Test
  void aMalformedPublishableKeyFailsAtBuild() {
    assertThatThrownBy(() -> ClerkClient.builder("pk_nope").build())
        .isInstanceOf(ClerkConfigurationException.class);
    assertThatThrownBy(
            () -> RefreshPolicy.defaults().withExpiryBuffer(java.time.Duration.ofSeconds(-1)))
        .isInstanceOf(ClerkConfigurationException.class);
    assertThatThrownBy(() -> GetTokenOptions.template(" "))
        .isInstanceOf(ClerkConfigurationException.class);
    assertThatThrownBy(
            () ->
                ClerkClient.builder(
                        "pk_test_"
                            + java.util.Base64.getEncoder()
                                .encodeToString(
                                    "127.0.0.1:9$"
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .appId("../evil")
                    .build())
        .isInstanceOf(ClerkConfigurationException.class)
        .hasMessageContaining("app id");
  }

  @Test
  void newBuilderMakesAVariantOnTheSameSettings() {
    h = EmulatorHarness.start();
    ClerkClient c = h.loadedClient();
    try (ClerkClient variant = c.newBuilder().refreshPolicy(RefreshPolicy.defaults()).build()) {
      assertThat(variant.publishableKey()).isEqualTo(c.publishableKey());
      assertThat(variant.whenLoaded().join().loaded()).isTrue();
    }
  }
}
