package dev.clerkfx.internal.urlscheme;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs the OS tools a registration needs ({@code reg.exe}, {@code xdg-mime}, {@code
 * update-desktop-database}): the seam tests replace with a fake that records the commands.
 */
public interface CommandRunner {

  /**
   * What a finished command reported.
   *
   * @param exitCode its exit code
   * @param output its standard output and error, merged and cut to a few kilobytes
   */
  record Ran(int exitCode, String output) {}

  /**
   * Finds a tool on the {@code PATH}.
   *
   * @param tool the tool's file name, such as {@code xdg-mime}
   * @return its path, or empty when it is not installed
   */
  Optional<Path> find(String tool);

  /**
   * Runs a command directly (never through a shell) and waits for it to end.
   *
   * @param command the program and its arguments, each passed as one argument
   * @return its exit code and output
   * @throws IOException when it cannot be started, or does not end within half a minute (it is then
   *     killed)
   */
  Ran run(List<String> command) throws IOException;

  /**
   * Returns the runner that starts real processes with {@link ProcessBuilder}, quoting each
   * argument for Windows' command-line parser when {@code windows} is true.
   *
   * @param windows whether this is Windows
   * @return the runner
   */
  static CommandRunner system(boolean windows) {
    return new SystemCommandRunner(windows);
  }
}
