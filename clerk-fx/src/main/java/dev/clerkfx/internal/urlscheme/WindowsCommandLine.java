package dev.clerkfx.internal.urlscheme;

import java.util.List;
import java.util.StringJoiner;

/**
 * Windows command lines: a program receives one string and its C runtime splits it into arguments
 * ({@code CommandLineToArgvW} rules), so each argument is put in double quotes, a quote inside it
 * becomes {@code \"} and the backslashes before a quote (or before the closing quote) are doubled.
 */
final class WindowsCommandLine {
  private WindowsCommandLine() {}

  /**
   * Returns {@code arg} quoted so the C runtime reads it back unchanged.
   *
   * @param arg any argument (no NUL)
   * @return the argument in double quotes, escaped
   */
  static String quote(String arg) {
    StringBuilder out = new StringBuilder(arg.length() + 2).append('"');
    int backslashes = 0;
    for (int i = 0; i < arg.length(); i++) {
      char c = arg.charAt(i);
      if (c == '\\') {
        backslashes++;
        continue;
      }
      if (c == '"') {
        out.append("\\".repeat(backslashes * 2 + 1));
      } else {
        out.append("\\".repeat(backslashes));
      }
      out.append(c);
      backslashes = 0;
    }
    return out.append("\\".repeat(backslashes * 2)).append('"').toString();
  }

  /**
   * Returns the command a registry {@code shell\open\command} value holds: each launcher argument
   * quoted, then {@code "%1"}, where the shell puts the URL.
   *
   * @param launcher the program and its arguments
   * @return such as {@code "C:\Apps\Example\Example.exe" "%1"}
   */
  static String openCommand(List<String> launcher) {
    StringJoiner line = new StringJoiner(" ");
    launcher.forEach(arg -> line.add(quote(arg)));
    return line.add("\"%1\"").toString();
  }

  /**
   * Returns {@code arg} as it must be handed to {@link ProcessBuilder} on Windows: unchanged when
   * Java passes it on as it is (no blank, quote or redirection character), otherwise {@link #quote
   * quoted}, which Java then leaves alone because it starts and ends with a quote.
   *
   * @param arg the argument
   * @return the argument for {@code ProcessBuilder}
   * @throws IllegalArgumentException when it needs quotes and ends with a backslash (Java would
   *     quote such an argument a second time)
   */
  static String forProcessBuilder(String arg) {
    if (!arg.isEmpty() && arg.chars().noneMatch(c -> " \t\"<>".indexOf(c) >= 0)) {
      return arg;
    }
    if (arg.endsWith("\\")) {
      throw new IllegalArgumentException(
          "A Windows argument with blanks or quotes cannot end with a backslash: " + arg);
    }
    return quote(arg);
  }
}
