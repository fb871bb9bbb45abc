package dev.clerkfx.internal.urlscheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowsCommandLineTest {

  @Test
  void quotesEachArgumentForTheCRuntime() {
    assertThat(WindowsCommandLine.quote("C:\\Program Files\\Example\\Example.exe"))
        .isEqualTo("\"C:\\Program Files\\Example\\Example.exe\"");
    assertThat(WindowsCommandLine.quote("")).isEqualTo("\"\"");
    assertThat(WindowsCommandLine.quote("a\"b")).isEqualTo("\"a\\\"b\"");
    assertThat(WindowsCommandLine.quote("dir\\")).isEqualTo("\"dir\\\\\"");
    assertThat(WindowsCommandLine.quote("a\\\"b")).isEqualTo("\"a\\\\\\\"b\"");
  }

  @Test
  void theOpenCommandQuotesTheLauncherAndAppendsTheUrlPlaceholder() {
    assertThat(
            WindowsCommandLine.openCommand(
                List.of("C:\\Program Files\\Example\\Example.exe", "--from-browser")))
        .isEqualTo("\"C:\\Program Files\\Example\\Example.exe\" \"--from-browser\" \"%1\"");
  }

  @Test
  void anyArgumentSurvivesTheRoundTripThroughTheCRuntimesParser() {
    Random random = new Random(20261129L);
    String alphabet = "ab \t\\\"%;&|^";
    for (int n = 0; n < 2_000; n++) {
      List<String> args = new ArrayList<>();
      for (int a = 1 + random.nextInt(3); a > 0; a--) {
        StringBuilder arg = new StringBuilder();
        for (int c = random.nextInt(8); c > 0; c--) {
          arg.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        args.add(arg.toString());
      }
      StringBuilder line = new StringBuilder();
      for (String arg : args) {
        line.append(line.length() == 0 ? "" : " ").append(WindowsCommandLine.quote(arg));
      }
      assertThat(parse(line.toString())).as(line.toString()).isEqualTo(args);
    }
  }

  @Test
  void processBuilderArgumentsAreLeftAloneWhenJavaPassesThemOnUnchanged() {
    assertThat(WindowsCommandLine.forProcessBuilder("/ve")).isEqualTo("/ve");
    assertThat(WindowsCommandLine.forProcessBuilder("HKCU\\Software\\Classes\\com.example.app"))
        .isEqualTo("HKCU\\Software\\Classes\\com.example.app");
    assertThat(WindowsCommandLine.forProcessBuilder("")).isEqualTo("\"\"");
    assertThat(WindowsCommandLine.forProcessBuilder("URL Protocol")).isEqualTo("\"URL Protocol\"");
    assertThat(WindowsCommandLine.forProcessBuilder("\"C:\\x.exe\" \"%1\""))
        .isEqualTo("\"\\\"C:\\x.exe\\\" \\\"%1\\\"\"");
    assertThatThrownBy(() -> WindowsCommandLine.forProcessBuilder("C:\\My Dir\\"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The Microsoft C runtime's rules for splitting a command line (arguments after the program). */
  private static List<String> parse(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!quoted && (c == ' ' || c == '\t')) {
        if (current != null) {
          out.add(current.toString());
          current = null;
        }
        continue;
      }
      if (current == null) {
        current = new StringBuilder();
      }
      if (c == '\\') {
        int n = 0;
        while (i < line.length() && line.charAt(i) == '\\') {
          n++;
          i++;
        }
        if (i < line.length() && line.charAt(i) == '"') {
          current.append("\\".repeat(n / 2));
          if (n % 2 == 1) {
            current.append('"');
          } else {
            quoted = !quoted;
          }
        } else {
          current.append("\\".repeat(n));
          i--;
        }
      } else if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          current.append('"'); // "" inside quotes: a literal quote (not produced by quote())
          i++;
        } else {
          quoted = !quoted;
        }
      } else {
        current.append(c);
      }
    }
    if (current != null) {
      out.add(current.toString());
    }
    return out;
  }
}
