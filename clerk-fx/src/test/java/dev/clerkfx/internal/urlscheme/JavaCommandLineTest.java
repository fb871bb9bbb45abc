package dev.clerkfx.internal.urlscheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandLineTest {
  private static final String JAVA =
      Path.of("/usr/lib/jvm/17/bin/java").toAbsolutePath().toString();
  private static final Path CWD = Path.of("/home/ada/work").toAbsolutePath();

  private static String abs(String path) {
    return CWD.resolve(path).normalize().toString();
  }

  @Test
  void keepsTheJvmOptionsAndTheMainClassAndDropsTheAppArguments() {
    assertThat(
            JavaCommandLine.rebuild(
                JAVA,
                List.of(
                    "-Xmx512m",
                    "-Dapp.mode=prod",
                    "--module-path",
                    "lib/javafx",
                    "--add-modules",
                    "javafx.controls",
                    "-cp",
                    "target/classes" + File.pathSeparator + "lib/x.jar",
                    "com.example.Main",
                    "--verbose",
                    "com.example.app://callback?code=1"),
                CWD))
        .contains(
            List.of(
                JAVA,
                "-Xmx512m",
                "-Dapp.mode=prod",
                "--module-path",
                abs("lib/javafx"),
                "--add-modules",
                "javafx.controls",
                "-cp",
                abs("target/classes") + File.pathSeparator + abs("lib/x.jar"),
                "com.example.Main"));
  }

  @Test
  void anExecutableJarIsMadeAbsolute() {
    assertThat(JavaCommandLine.rebuild(JAVA, List.of("-jar", "app.jar", "arg"), CWD))
        .contains(List.of(JAVA, "-jar", abs("app.jar")));
  }

  @Test
  void aModuleMainAndEqualsFormsAreKept() {
    assertThat(
            JavaCommandLine.rebuild(
                JAVA,
                List.of("--module-path=mods", "-m", "com.example/com.example.Main", "x"),
                CWD))
        .contains(
            List.of(JAVA, "--module-path=" + abs("mods"), "-m", "com.example/com.example.Main"));
    assertThat(JavaCommandLine.rebuild(JAVA, List.of("--module=com.example/com.example.Main"), CWD))
        .contains(List.of(JAVA, "--module=com.example/com.example.Main"));
  }

  @Test
  void refusesWhatItCannotRebuildForSure() {
    assertThat(JavaCommandLine.rebuild(JAVA, List.of("@args.txt", "com.example.Main"), CWD))
        .isEmpty();
    assertThat(JavaCommandLine.rebuild(JAVA, List.of("Main.java"), CWD)).isEmpty();
    assertThat(JavaCommandLine.rebuild(JAVA, List.of("--patch-module", "m=x", "Main"), CWD))
        .isEmpty();
    assertThat(JavaCommandLine.rebuild(JAVA, List.of("-cp"), CWD)).isEmpty();
    assertThat(JavaCommandLine.rebuild(JAVA, List.of("-Xmx1g"), CWD)).isEmpty();
    assertThat(JavaCommandLine.rebuild("java", List.of("Main"), CWD)).isEmpty();
  }
}
