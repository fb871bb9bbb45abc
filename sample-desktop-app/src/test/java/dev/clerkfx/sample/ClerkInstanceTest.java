package dev.clerkfx.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.ClerkConfigurationException;
import dev.clerkfx.testkit.ClerkEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClerkInstanceTest {

  @Test
  void publishableKeyInTheEnvironmentNamesARealInstance() {
    String key =
        "pk_test_"
            + Base64.getEncoder()
                .encodeToString("clerk.example.com$".getBytes(StandardCharsets.UTF_8));

    try (ClerkInstance instance =
        ClerkInstance.fromEnvironment(Map.of("CLERK_PUBLISHABLE_KEY", " " + key + "\n"))) {
      assertThat(instance.publishableKey()).isEqualTo(key);
      assertThat(instance.frontendApiUrl()).isEqualTo("https://clerk.example.com");
      assertThat(instance.emulator()).isEmpty();
      assertThat(instance.demoCredentials()).isEmpty();
    }
  }

  @Test
  void malformedKeyIsAConfigurationError() {
    assertThatThrownBy(
            () -> ClerkInstance.fromEnvironment(Map.of("CLERK_PUBLISHABLE_KEY", "sk_test_oops")))
        .isInstanceOf(ClerkConfigurationException.class);
  }

  @Test
  void withoutAKeyTheEmbeddedEmulatorRunsUntilClosed() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ClerkInstance instance = ClerkInstance.fromEnvironment(Map.of("CLERK_PUBLISHABLE_KEY", "  "));
    URI health = URI.create(instance.frontendApiUrl() + "/v1/health");
    try {
      assertThat(instance.emulator()).isPresent();
      assertThat(instance.publishableKey())
          .isEqualTo(instance.emulator().orElseThrow().publishableKey());
      assertThat(instance.demoCredentials())
          .hasValueSatisfying(
              d -> {
                assertThat(d.email()).isEqualTo(ClerkEmulator.DEMO_EMAIL);
                assertThat(d.toString()).doesNotContain(ClerkEmulator.DEMO_PASSWORD);
              });
      assertThat(
              http.send(
                      HttpRequest.newBuilder(health).build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(200);
    } finally {
      instance.close();
    }
    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void anInjectedEmulatorIsLeftRunning() {
    try (ClerkEmulator emulator = ClerkEmulator.start()) {
      ClerkInstance.emulator(emulator).close();

      assertThat(emulator.toString()).doesNotContain("closed");
    }
  }
}
