package dev.clerkfx.internal.urlscheme;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The desktop entry that makes a Linux desktop start the app for a URL scheme (Desktop Entry
 * Specification 1.5): hidden from menus, one {@code x-scheme-handler/<scheme>} per registered
 * scheme, and an {@code Exec} line quoted by the specification's rules.
 */
final class DesktopEntry {
  /** Characters that make the specification require an argument to be quoted. */
  private static final String RESERVED = " \t\n\"'\\><~|&;$*?#()`";

  private static final String MIME_PREFIX = "x-scheme-handler/";

  private DesktopEntry() {}

  /**
   * Returns the file's content.
   *
   * @param name the app's name ({@code Name=})
   * @param launcher the program and its arguments
   * @param schemes the schemes it handles
   * @return the desktop entry, ending with a line break
   */
  static String content(String name, List<String> launcher, Set<String> schemes) {
    return "# Written by clerk-fx (UrlSchemeRegistration); removed by its unregister().\n"
        + "[Desktop Entry]\n"
        + "Type=Application\n"
        + "Name="
        + escapeString(name)
        + "\n"
        + "Exec="
        + exec(launcher)
        + " %u\n"
        + mimeTypeLine(schemes)
        + "\n"
        + "NoDisplay=true\n"
        + "Terminal=false\n";
  }

  /**
   * Returns the launcher as an {@code Exec} value: an argument holding a reserved character is put
   * in double quotes with {@code "}, {@code `}, {@code $} and {@code \} escaped; {@code %} is
   * doubled (a field code otherwise); then the value is escaped as a desktop entry string ({@code
   * \} becomes {@code \\}).
   *
   * @param launcher the program and its arguments
   * @return the value, without the {@code %u} field code
   */
  static String exec(List<String> launcher) {
    StringJoiner line = new StringJoiner(" ");
    for (String arg : launcher) {
      String quoted = arg;
      if (arg.isEmpty() || arg.chars().anyMatch(c -> RESERVED.indexOf(c) >= 0)) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : arg.toCharArray()) {
          if (c == '"' || c == '`' || c == '$' || c == '\\') {
            q.append('\\');
          }
          q.append(c);
        }
        quoted = q.append('"').toString();
      }
      line.add(escapeString(quoted.replace("%", "%%")));
    }
    return line.toString();
  }

  /**
   * Returns the schemes a desktop entry written by {@link #content} handles.
   *
   * @param content an existing entry
   * @return its {@code x-scheme-handler} schemes, in order
   */
  static Set<String> schemes(String content) {
    Set<String> schemes = new LinkedHashSet<>();
    for (String line : content.split("\n")) {
      if (line.startsWith("MimeType=")) {
        for (String type : line.substring("MimeType=".length()).split(";")) {
          if (type.startsWith(MIME_PREFIX)) {
            schemes.add(type.substring(MIME_PREFIX.length()).strip());
          }
        }
      }
    }
    return schemes;
  }

  /**
   * Returns an entry with its {@code MimeType} line replaced.
   *
   * @param content an existing entry written by {@link #content}
   * @param schemes the schemes it is to handle
   * @return the new content
   */
  static String withSchemes(String content, Set<String> schemes) {
    StringBuilder out = new StringBuilder(content.length());
    for (String line : content.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(line.startsWith("MimeType=") ? mimeTypeLine(schemes) : line);
    }
    return out.toString();
  }

  /**
   * Returns the MIME type of a scheme's handler.
   *
   * @param scheme the scheme
   * @return {@code x-scheme-handler/<scheme>}
   */
  static String mimeType(String scheme) {
    return MIME_PREFIX + scheme;
  }

  private static String mimeTypeLine(Set<String> schemes) {
    StringJoiner line = new StringJoiner("", "MimeType=", "");
    schemes.forEach(s -> line.add(MIME_PREFIX + s + ";"));
    return line.toString();
  }

  /** Escapes a value of type string: backslash, and the control characters it may hold. */
  private static String escapeString(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
