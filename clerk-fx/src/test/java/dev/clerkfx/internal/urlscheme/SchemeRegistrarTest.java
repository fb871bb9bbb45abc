package dev.clerkfx.internal.urlscheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clerkfx.ClerkUsageException;
import dev.clerkfx.internal.urlscheme.SchemeRegistrar.Machine;
import dev.clerkfx.internal.urlscheme.SchemeRegistrar.Outcome;
import dev.clerkfx.internal.urlscheme.SchemeRegistrar.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemeRegistrarTest {
  private static final String SCHEME = "com.example.app";
  private static final Request REQUEST =
      new Request("com.example.app", SCHEME, "Example App", Optional.empty());

  @TempDir Path temp;

  private static Machine machine(String os, Map<String, String> env, Path home, String appPath) {
    return new Machine(os, env, home, home, appPath, Optional.empty(), Optional.empty());
  }

  @Test
  void schemesFollowRfc3986AndAreLowerCased() {
    assertThat(SchemeRegistrar.requireValidScheme("Com.Example.App")).isEqualTo("com.example.app");
    assertThat(SchemeRegistrar.requireValidScheme("x-app+v1.2")).isEqualTo("x-app+v1.2");
    for (String bad :
        new String[] {
          "", "1app", "com example", "com.example.app:", "app/x", "é", "a".repeat(64)
        }) {
      assertThatThrownBy(() -> SchemeRegistrar.requireValidScheme(bad))
          .as(bad)
          .isInstanceOf(ClerkUsageException.class)
          .hasFieldOrPropertyWithValue("code", ClerkUsageException.INVALID_ARGUMENT);
    }
    assertThatThrownBy(() -> SchemeRegistrar.requireValidScheme(null))
        .isInstanceOf(ClerkUsageException.class);
  }

  @Test
  void wellKnownSchemesAreRefused() {
    for (String taken : new String[] {"http", "HTTPS", "file", "mailto", "javascript", "ws"}) {
      assertThatThrownBy(() -> SchemeRegistrar.requireValidScheme(taken))
          .as(taken)
          .isInstanceOf(ClerkUsageException.class)
          .hasMessageContaining("well-known");
    }
  }

  @Test
  void aRequestChecksWhatNamesAFileOrARegistryKey() {
    assertThatThrownBy(() -> new Request("../evil", SCHEME, "Example", Optional.empty()))
        .isInstanceOf(ClerkUsageException.class);
    assertThatThrownBy(() -> new Request("com.example.app", "a\\b", "Example", Optional.empty()))
        .isInstanceOf(ClerkUsageException.class);
    assertThat(
            new Request("com.example.app", "Com.Example.App", "Example", Optional.empty()).scheme())
        .isEqualTo(SCHEME);
  }

  @Nested
  class Windows {
    private static final String EXE = "C:\\Program Files\\Example App\\Example App.exe";
    private static final String REG = "C:\\Windows\\System32\\reg.exe";
    private static final String KEY = "HKCU\\Software\\Classes\\com.example.app";

    private SchemeRegistrar registrar(FakeRunner runner, String appPath) {
      return new SchemeRegistrar(
          machine("Windows 11", Map.of("SystemRoot", "C:\\Windows"), temp, appPath), runner);
    }

    @Test
    void registersTheJpackageLauncherUnderTheUsersClasses() throws IOException {
      FakeRunner runner = new FakeRunner();

      Outcome outcome = registrar(runner, EXE).register(REQUEST);

      String open = "\"C:\\Program Files\\Example App\\Example App.exe\" \"%1\"";
      assertThat(runner.commands)
          .containsExactly(
              List.of(REG, "add", KEY, "/ve", "/d", "URL:Example App", "/f"),
              List.of(REG, "add", KEY, "/v", "URL Protocol", "/d", "", "/f"),
              List.of(REG, "add", KEY + "\\shell\\open\\command", "/ve", "/d", open, "/f"));
      assertThat(outcome.launcher()).containsExactly(EXE);
      assertThat(outcome.done()).anySatisfy(line -> assertThat(line).contains(open));
      assertThat(outcome.notDone()).isEmpty();
    }

    @Test
    void registeringAgainWritesTheSameValues() throws IOException {
      FakeRunner runner = new FakeRunner();
      SchemeRegistrar registrar = registrar(runner, EXE);

      Outcome first = registrar.register(REQUEST);
      Outcome second = registrar.register(REQUEST);

      assertThat(second).isEqualTo(first);
      assertThat(runner.commands.subList(3, 6)).isEqualTo(runner.commands.subList(0, 3));
    }

    @Test
    void aFailingRegExeIsAnError() {
      FakeRunner runner = new FakeRunner().answer("reg.exe add", 1, "ERROR: Access is denied.");

      assertThatThrownBy(() -> registrar(runner, EXE).register(REQUEST))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("exit code 1")
          .hasMessageContaining("Access is denied");
    }

    @Test
    void unregisterDeletesTheKeyWhenItExists() throws IOException {
      FakeRunner runner = new FakeRunner();

      Outcome outcome = registrar(runner, EXE).unregister(REQUEST);

      assertThat(runner.commands)
          .containsExactly(List.of(REG, "query", KEY), List.of(REG, "delete", KEY, "/f"));
      assertThat(outcome.done()).containsExactly("removed " + KEY);
    }

    @Test
    void unregisterWithoutAKeyDoesNothing() throws IOException {
      FakeRunner runner = new FakeRunner().answer("reg.exe query", 1, "ERROR: not found");

      Outcome outcome = registrar(runner, null).unregister(REQUEST);

      assertThat(runner.commands).containsExactly(List.of(REG, "query", KEY));
      assertThat(outcome.done()).singleElement().asString().contains("nothing to remove");
    }

    @Test
    void aPercentSignInTheLauncherIsRefused() {
      FakeRunner runner = new FakeRunner();
      Request request =
          new Request(
              "com.example.app", SCHEME, "Example", Optional.of(List.of("C:\\100%\\a.exe")));

      assertThatThrownBy(() -> registrar(runner, null).register(request))
          .isInstanceOf(ClerkUsageException.class)
          .hasMessageContaining("%");
      assertThat(runner.commands).isEmpty();
    }

    @Test
    void withoutAJpackageImageOrACommandLineTheLauncherMustBeGiven() {
      FakeRunner runner = new FakeRunner();

      assertThatThrownBy(() -> registrar(runner, null).register(REQUEST))
          .isInstanceOf(ClerkUsageException.class)
          .hasFieldOrPropertyWithValue("code", SchemeRegistrar.LAUNCHER_UNKNOWN)
          .hasMessageContaining("withLauncher");
      assertThat(runner.commands).isEmpty();
    }
  }

  @Nested
  class Linux {
    private static final String LAUNCHER = "/opt/example app/bin/example";

    private Path data() {
      return temp.resolve("data");
    }

    private Path entry() {
      return data().resolve("applications/com.example.app-url-handler.desktop");
    }

    private SchemeRegistrar registrar(FakeRunner runner) {
      return new SchemeRegistrar(
          machine("Linux", Map.of("XDG_DATA_HOME", data().toString()), temp, LAUNCHER), runner);
    }

    @Test
    void writesAHiddenOwnerOnlyDesktopEntryAndMakesItTheDefault() throws IOException {
      FakeRunner runner = new FakeRunner("xdg-mime", "update-desktop-database");

      Outcome outcome = registrar(runner).register(REQUEST);

      assertThat(Files.readString(entry()))
          .isEqualTo(
              "# Written by clerk-fx (UrlSchemeRegistration); removed by its unregister().\n"
                  + "[Desktop Entry]\n"
                  + "Type=Application\n"
                  + "Name=Example App\n"
                  + "Exec=\"/opt/example app/bin/example\" %u\n"
                  + "MimeType=x-scheme-handler/com.example.app;\n"
                  + "NoDisplay=true\n"
                  + "Terminal=false\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry())))
          .isEqualTo("rw-------");
      assertThat(runner.commands)
          .containsExactly(
              List.of("/usr/bin/update-desktop-database", entry().getParent().toString()),
              List.of(
                  "/usr/bin/xdg-mime",
                  "default",
                  "com.example.app-url-handler.desktop",
                  "x-scheme-handler/com.example.app"));
      assertThat(outcome.launcher()).containsExactly(LAUNCHER);
      assertThat(outcome.done()).first().isEqualTo("wrote " + entry());
      assertThat(outcome.notDone()).isEmpty();
    }

    @Test
    void registeringAgainLeavesAnUpToDateEntryAlone() throws IOException {
      FakeRunner runner = new FakeRunner("xdg-mime");
      registrar(runner).register(REQUEST);
      String before = Files.readString(entry());

      Outcome again = registrar(runner).register(REQUEST);

      assertThat(Files.readString(entry())).isEqualTo(before);
      assertThat(again.done()).first().isEqualTo(entry() + " is up to date");
    }

    @Test
    void aSecondSchemeJoinsTheEntryAndUnregisteringRemovesOneAtATime() throws IOException {
      FakeRunner runner = new FakeRunner("xdg-mime", "update-desktop-database");
      Request other =
          new Request("com.example.app", "com.example.beta", "Example App", Optional.empty());
      registrar(runner).register(REQUEST);
      registrar(runner).register(other);
      assertThat(DesktopEntry.schemes(Files.readString(entry())))
          .containsExactly("com.example.app", "com.example.beta");

      Outcome first = registrar(runner).unregister(REQUEST);

      assertThat(DesktopEntry.schemes(Files.readString(entry())))
          .containsExactly("com.example.beta");
      assertThat(first.done())
          .first()
          .asString()
          .startsWith("removed x-scheme-handler/com.example.app");

      Outcome last = registrar(runner).unregister(other);

      assertThat(entry()).doesNotExist();
      assertThat(last.done()).first().isEqualTo("removed " + entry());
      assertThat(runner.commands.get(runner.commands.size() - 1))
          .containsExactly("/usr/bin/update-desktop-database", entry().getParent().toString());
    }

    @Test
    void unregisteringWhatIsNotRegisteredDoesNothing() throws IOException {
      FakeRunner runner = new FakeRunner("update-desktop-database");

      Outcome outcome = registrar(runner).unregister(REQUEST);

      assertThat(outcome.done()).singleElement().asString().endsWith("nothing to remove");
      assertThat(runner.commands).isEmpty();
    }

    @Test
    void missingOrFailingToolsAreReportedNotThrown() throws IOException {
      FakeRunner runner = new FakeRunner("xdg-mime").answer("xdg-mime", 3, "no desktop");

      Outcome outcome = registrar(runner).register(REQUEST);

      assertThat(entry()).exists();
      assertThat(outcome.notDone())
          .satisfiesExactly(
              db -> assertThat(db).startsWith("update-desktop-database is not installed"),
              mime -> assertThat(mime).contains("failed (exit code 3): no desktop"));
    }

    @Test
    void aRelativeXdgDataHomeIsIgnored() {
      SchemeRegistrar registrar =
          new SchemeRegistrar(
              machine("Linux", Map.of("XDG_DATA_HOME", "relative"), temp, LAUNCHER),
              new FakeRunner());

      assertThat(registrar.applicationsDirectory())
          .isEqualTo(temp.resolve(".local/share/applications"));
    }

    @Test
    void theJavaCommandLineIsTheFallbackLauncher() throws IOException {
      String java = temp.resolve("jdk/bin/java").toString();
      Machine machine =
          new Machine(
              "Linux",
              Map.of("XDG_DATA_HOME", data().toString()),
              temp,
              temp,
              null,
              Optional.of(java),
              Optional.of(List.of("-cp", "app.jar", "com.example.Main", "com.example.app://x")));

      Outcome outcome = new SchemeRegistrar(machine, new FakeRunner()).register(REQUEST);

      assertThat(outcome.launcher())
          .containsExactly(java, "-cp", temp.resolve("app.jar").toString(), "com.example.Main");
      assertThat(Files.readString(entry()))
          .contains("Exec=" + java + " -cp " + temp.resolve("app.jar") + " com.example.Main %u\n");
    }

    @Test
    void theRealToolsPathReportsAMissingXdgMime() throws IOException {
      CommandRunner real = CommandRunner.system(false);
      assumeTrue(real.find("xdg-mime").isEmpty(), "xdg-mime is installed: not run for real");
      SchemeRegistrar registrar =
          new SchemeRegistrar(
              machine("Linux", Map.of("XDG_DATA_HOME", data().toString()), temp, LAUNCHER), real);

      Outcome outcome = registrar.register(REQUEST);

      assertThat(Files.readString(entry()))
          .contains("Exec=\"/opt/example app/bin/example\" %u\n")
          .contains("MimeType=x-scheme-handler/com.example.app;\n")
          .contains("NoDisplay=true\n");
      assertThat(outcome.notDone())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("xdg-mime is not installed")
                      .contains(
                          "xdg-mime default com.example.app-url-handler.desktop"
                              + " x-scheme-handler/com.example.app"));
    }
  }

  @Nested
  class MacOs {
    private Path bundleLauncher(String plist) throws IOException {
      Path contents = temp.resolve("Example.app/Contents");
      Files.createDirectories(contents.resolve("MacOS"));
      if (plist != null) {
        Files.writeString(contents.resolve("Info.plist"), plist);
      }
      return contents.resolve("MacOS/Example");
    }

    private Outcome register(Path appPath, FakeRunner runner) throws IOException {
      return new SchemeRegistrar(
              machine("Mac OS X", Map.of(), temp, appPath == null ? null : appPath.toString()),
              runner)
          .register(REQUEST);
    }

    @Test
    void theBundleDeclaresTheSchemeAndNothingIsWritten() throws IOException {
      FakeRunner runner = new FakeRunner("xdg-mime");
      Path launcher =
          bundleLauncher(
              "<?xml version=\"1.0\"?>\n<plist><dict>\n"
                  + "<key>CFBundleIdentifier</key><string>other</string>\n"
                  + "<key>CFBundleURLTypes</key><array><dict>\n"
                  + "<key>CFBundleURLSchemes</key>\n  <array>\n    <string>com.example.app</string>\n"
                  + "  </array></dict></array></dict></plist>\n");

      Outcome outcome = register(launcher, runner);

      assertThat(outcome.done())
          .singleElement()
          .asString()
          .startsWith("declared by the app bundle");
      assertThat(outcome.notDone()).isEmpty();
      assertThat(runner.commands).isEmpty();
      assertThat(temp.resolve(".local")).doesNotExist();
    }

    @Test
    void aBundleWithoutTheSchemeIsReported() throws IOException {
      Path launcher =
          bundleLauncher(
              "<?xml version=\"1.0\"?>\n<plist><dict><key>CFBundleIdentifier</key>"
                  + "<string>com.example.app</string></dict></plist>\n");

      Outcome outcome = register(launcher, new FakeRunner());

      assertThat(outcome.notDone()).singleElement().asString().contains("does not declare");
    }

    @Test
    void outsideABundleNothingCanDeclareIt() throws IOException {
      Outcome outcome = register(null, new FakeRunner());

      assertThat(outcome.done()).isEmpty();
      assertThat(outcome.notDone())
          .singleElement()
          .asString()
          .startsWith("not running from an app bundle");
    }
  }
}
