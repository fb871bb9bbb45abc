package dev.clerkfx.internal.urlscheme;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Starts real processes: no shell, output merged and bounded, half a minute at most. */
final class SystemCommandRunner implements CommandRunner {
  private static final long TIMEOUT_SECONDS = 30;
  private static final int MAX_OUTPUT = 4096;

  private final boolean windows;

  SystemCommandRunner(boolean windows) {
    this.windows = windows;
  }

  @Override
  public Optional<Path> find(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue; // an empty entry means the working directory: never run a tool from there
      }
      try {
        for (String name : windows ? List.of(tool + ".exe", tool) : List.of(tool)) {
          Path candidate = Path.of(dir, name);
          if (candidate.isAbsolute()
              && Files.isRegularFile(candidate)
              && Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        }
      } catch (InvalidPathException e) {
        // not a usable PATH entry
      }
    }
    return Optional.empty();
  }

  @Override
  public Ran run(List<String> command) throws IOException {
    List<String> argv = new ArrayList<>(command.size());
    for (String arg : command) {
      // Java on Windows leaves an argument that is already in quotes as it is: quote each one
      // exactly as the program's C runtime will parse it back.
      argv.add(windows ? WindowsCommandLine.forProcessBuilder(arg) : arg);
    }
    // Output goes to a temporary file, so a child that keeps its output open cannot outlast the
    // timeout.
    Path log = Files.createTempFile("clerk-fx-url-scheme", ".log");
    try {
      Process process =
          new ProcessBuilder(argv)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
      try {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IOException(
              command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " seconds");
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while waiting for " + command.get(0), e);
      }
      byte[] output;
      try (InputStream in = Files.newInputStream(log)) {
        output = in.readNBytes(MAX_OUTPUT);
      }
      return new Ran(process.exitValue(), new String(output, Charset.defaultCharset()).strip());
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private File nullDevice() {
    return new File(windows ? "NUL" : "/dev/null");
  }
}
