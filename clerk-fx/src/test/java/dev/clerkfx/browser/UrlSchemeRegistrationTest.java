package dev.clerkfx.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.ClerkConfigurationException;
import dev.clerkfx.ClerkUsageException;
import dev.clerkfx.internal.urlscheme.CommandRunner;
import dev.clerkfx.internal.urlscheme.SchemeRegistrar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlSchemeRegistrationTest {
  @TempDir Path temp;

  @Test
  void validatesWhatItIsGiven() {
    assertThat(UrlSchemeRegistration.of("com.example.app", "Com.Example.App").scheme())
        .isEqualTo("com.example.app");
    assertThatThrownBy(() -> UrlSchemeRegistration.of("com.example.app", "https"))
        .isInstanceOf(ClerkUsageException.class);
    assertThatThrownBy(() -> UrlSchemeRegistration.of("../x", "com.example.app"))
        .isInstanceOf(ClerkConfigurationException.class);
    UrlSchemeRegistration registration =
        UrlSchemeRegistration.of("com.example.app", "com.example.app");
    assertThatThrownBy(() -> registration.withDisplayName(" "))
        .isInstanceOf(ClerkUsageException.class);
    assertThatThrownBy(() -> registration.withDisplayName("a\nb"))
        .isInstanceOf(ClerkUsageException.class);
    assertThatThrownBy(() -> registration.withLauncher(List.of()))
        .isInstanceOf(ClerkUsageException.class);
    assertThatThrownBy(() -> registration.withLauncher("/opt/app", "line\nbreak"))
        .isInstanceOf(ClerkUsageException.class);
  }

  @Test
  void isAnImmutableValue() {
    UrlSchemeRegistration base = UrlSchemeRegistration.of("com.example.app", "com.example.app");
    List<String> command = new ArrayList<>(List.of("/opt/app/bin/app", "--url"));

    UrlSchemeRegistration custom = base.withDisplayName("Example App").withLauncher(command);
    command.add("changed");

    assertThat(base.displayName()).isEqualTo("com.example.app");
    assertThat(base.launcher()).isEmpty();
    assertThat(custom.displayName()).isEqualTo("Example App");
    assertThat(custom.launcher()).contains(List.of("/opt/app/bin/app", "--url"));
    assertThat(custom)
        .isEqualTo(
            UrlSchemeRegistration.of("com.example.app", "com.example.app")
                .withDisplayName("Example App")
                .withLauncher("/opt/app/bin/app", "--url"));
  }

  @Test
  void registersAndUnregistersThroughTheOsSpecificRegistrar() {
    SchemeRegistrar linux = linuxRegistrar();
    UrlSchemeRegistration registration =
        UrlSchemeRegistration.of("com.example.app", "com.example.app")
            .withLauncher("/opt/example/bin/example");
    Path entry = temp.resolve("data/applications/com.example.app-url-handler.desktop");

    UrlSchemeRegistration.Result registered = registration.register(linux);

    assertThat(registered.scheme()).isEqualTo("com.example.app");
    assertThat(registered.launcher()).containsExactly("/opt/example/bin/example");
    assertThat(registered.done()).contains("wrote " + entry);
    assertThat(registered.isComplete()).isFalse(); // the fake machine has neither tool
    assertThat(entry).exists();

    UrlSchemeRegistration.Result unregistered = registration.unregister(linux);

    assertThat(unregistered.done()).first().isEqualTo("removed " + entry);
    assertThat(entry).doesNotExist();
  }

  @Test
  void aFileThatCannotBeWrittenIsATypedError() throws Exception {
    Files.createDirectories(temp.resolve("data"));
    Files.writeString(temp.resolve("data/applications"), "a file where the folder should be");

    assertThatThrownBy(
            () ->
                UrlSchemeRegistration.of("com.example.app", "com.example.app")
                    .withLauncher("/opt/example/bin/example")
                    .register(linuxRegistrar()))
        .isInstanceOf(UrlSchemeRegistrationException.class)
        .hasFieldOrPropertyWithValue("code", UrlSchemeRegistrationException.FAILED)
        .hasMessageContaining("com.example.app");
  }

  @Test
  void resultsCopyTheirLists() {
    List<String> notDone = new ArrayList<>(List.of("xdg-mime is not installed"));
    UrlSchemeRegistration.Result result =
        new UrlSchemeRegistration.Result("com.example.app", List.of(), List.of(), notDone);
    notDone.clear();

    assertThat(result.notDone()).hasSize(1);
    assertThat(result.isComplete()).isFalse();
    assertThatThrownBy(() -> result.done().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private SchemeRegistrar linuxRegistrar() {
    CommandRunner noTools =
        new CommandRunner() {
          @Override
          public Optional<Path> find(String tool) {
            return Optional.empty();
          }

          @Override
          public Ran run(List<String> command) {
            throw new AssertionError("no tool is installed: " + command);
          }
        };
    return new SchemeRegistrar(
        new SchemeRegistrar.Machine(
            "Linux",
            Map.of("XDG_DATA_HOME", temp.resolve("data").toString()),
            temp,
            temp,
            null,
            Optional.empty(),
            Optional.empty()),
        noTools);
  }
}
