package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClerkEmulatorExtensionTest {
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class PerClass {
    @RegisterExtension
    final ClerkEmulatorExtension clerk = ClerkEmulatorExtension.perClass(b -> b.multiSession(true));

    private final Set<Integer> ports = new HashSet<>();

    @Test
    void first(ClerkEmulator injected) {
      assertThat(injected).isSameAs(clerk.get());
      ports.add(clerk.get().port());
      assertThat(
              new NativeClient(clerk.get())
                  .get("/v1/environment")
                  .body()
                  .path("auth_config")
                  .get("single_session_mode")
                  .asBoolean())
          .isFalse();
    }

    @Test
    void second() {
      ports.add(clerk.get().port());
    }

    @AfterAll
    void oneEmulatorForTheClass() {
      assertThat(ports).hasSize(1);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class PerTest {
    @RegisterExtension final ClerkEmulatorExtension clerk = ClerkEmulatorExtension.perTest();
    private final List<ClerkEmulator> seen = new ArrayList<>();

    @Test
    void first(ClerkEmulator injected) {
      assertThat(injected).isSameAs(clerk.get());
      seen.add(clerk.get());
    }

    @Test
    void second() {
      seen.add(clerk.get());
      assertThat(clerk.get().toString()).doesNotContain("closed");
    }

    @AfterAll
    void freshEmulatorPerTestAndClosedAfter() {
      assertThat(seen).hasSize(2).doesNotHaveDuplicates();
      assertThat(seen).allSatisfy(e -> assertThat(e.toString()).endsWith(", closed]"));
    }
  }

  @Nested
  @ExtendWith(ClerkEmulatorExtension.class)
  class Declarative {
    @Test
    void injectsARunningEmulator(ClerkEmulator emulator) {
      assertThat(new NativeClient(emulator).get("/v1/environment").status()).isEqualTo(200);
      assertThat(emulator.demoUser().email()).contains(ClerkEmulator.DEMO_EMAIL);
    }
  }
}
