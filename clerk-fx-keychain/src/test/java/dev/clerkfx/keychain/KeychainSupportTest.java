package dev.clerkfx.keychain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.internal.keychain.KeychainBackend;
import dev.clerkfx.internal.keychain.KeychainBackend.KeychainException;
import dev.clerkfx.internal.keychain.KeychainProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class KeychainSupportTest {
  @Test
  void clerkFxFindsThisModuleWithServiceLoader() {
    assertThat(
            ServiceLoader.load(KeychainProvider.class).stream().map(ServiceLoader.Provider::type))
        .containsExactly(JavaKeyringProvider.class);
  }

  @Test
  void withThisModuleTheKeychainIsAskedNotReportedMissing() {
    String outcome;
    try {
      KeychainBackend backend = KeychainProvider.openInstalled();
      outcome = "opened " + backend.name();
    } catch (KeychainException e) {
      // A machine without an OS keychain (a Linux box without a Secret Service): java-keyring's own
      // answer.
      outcome = e.getMessage();
      assertThat(outcome).startsWith("no OS keychain answered").doesNotContain("not installed");
    }
    assertThat(outcome).isNotBlank();
  }
}
