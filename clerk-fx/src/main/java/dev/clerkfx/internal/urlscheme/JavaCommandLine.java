package dev.clerkfx.internal.urlscheme;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds the {@code java} command that started this JVM, without the app's own arguments, so the
 * OS can start the app the same way: the launcher's options up to the main class, {@code -jar} file
 * or {@code -m} module, with every class-path, module-path and jar entry made absolute (the OS
 * starts the handler in another working directory). Refuses what it cannot rebuild for sure:
 * argument files, source-file mode, options it does not know to take a value.
 */
final class JavaCommandLine {
  /** Options whose value (the next argument, or after {@code =}) is a list of paths. */
  private static final Set<String> PATH_OPTIONS =
      Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path");

  /** Options whose value is the next argument and holds no path. */
  private static final Set<String> VALUE_OPTIONS =
      Set.of(
          "--add-modules",
          "--limit-modules",
          "--add-reads",
          "--add-exports",
          "--add-opens",
          "--enable-native-access");

  private JavaCommandLine() {}

  /**
   * Rebuilds the command.
   *
   * @param java the {@code java} executable (absolute)
   * @param arguments the JVM's arguments after the executable
   * @param workingDirectory the directory relative paths were resolved against ({@code user.dir})
   * @return the command up to and including the main class, jar or module; empty when the arguments
   *     are not understood
   */
  static Optional<List<String>> rebuild(
      String java, List<String> arguments, Path workingDirectory) {
    if (!Path.of(java).isAbsolute()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    out.add(java);
    try {
      for (int i = 0; i < arguments.size(); i++) {
        String arg = arguments.get(i);
        boolean hasNext = i + 1 < arguments.size();
        int eq = arg.indexOf('=');
        String name = eq > 0 ? arg.substring(0, eq) : arg;
        if (arg.startsWith("@")) {
          return Optional.empty(); // an argument file: its content is not in the command line
        } else if (arg.equals("-jar") && hasNext) {
          out.add(arg);
          out.add(absolute(arguments.get(i + 1), workingDirectory));
          return Optional.of(List.copyOf(out));
        } else if ((arg.equals("-m") || arg.equals("--module")) && hasNext) {
          out.add(arg);
          out.add(arguments.get(i + 1));
          return Optional.of(List.copyOf(out));
        } else if (name.equals("--module") && eq > 0) {
          out.add(arg);
          return Optional.of(List.copyOf(out));
        } else if (PATH_OPTIONS.contains(name)) {
          if (eq > 0) {
            out.add(name + "=" + absolutePaths(arg.substring(eq + 1), workingDirectory));
          } else if (hasNext) {
            out.add(arg);
            out.add(absolutePaths(arguments.get(++i), workingDirectory));
          } else {
            return Optional.empty();
          }
        } else if (VALUE_OPTIONS.contains(arg)) {
          if (!hasNext) {
            return Optional.empty();
          }
          out.add(arg);
          out.add(arguments.get(++i));
        } else if (arg.startsWith("--") && eq < 0 && !arg.equals("--enable-preview")) {
          return Optional.empty(); // an option that may take the next argument as its value
        } else if (arg.startsWith("-")) {
          out.add(arg); // one-argument options: -Dkey=value, -Xmx1g, -ea, --add-opens=…
        } else if (arg.endsWith(".java")) {
          return Optional.empty(); // source-file mode compiles at each start: no launcher
        } else {
          out.add(arg); // the main class
          return Optional.of(List.copyOf(out));
        }
      }
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static String absolutePaths(String list, Path workingDirectory) {
    List<String> entries = new ArrayList<>();
    for (String entry : list.split(File.pathSeparator, -1)) {
      entries.add(absolute(entry, workingDirectory)); // an empty entry is the working directory
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String absolute(String path, Path workingDirectory) {
    return workingDirectory.resolve(path).normalize().toString();
  }
}
