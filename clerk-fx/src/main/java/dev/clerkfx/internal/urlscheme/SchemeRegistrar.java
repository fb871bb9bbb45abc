package dev.clerkfx.internal.urlscheme;

import dev.clerkfx.ClerkUsageException;
import dev.clerkfx.internal.store.OwnerOnlyFiles;
import dev.clerkfx.internal.store.StoreLocations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers an app as the current user's handler of a URL scheme, per OS, with no administrator
 * rights; idempotent and reversible. Everything it learns about the machine comes from a {@link
 * Machine} and every process it starts goes through a {@link CommandRunner}, so tests run the
 * Windows and Linux logic anywhere.
 *
 * <ul>
 *   <li>Windows: {@code HKCU\Software\Classes\<scheme>} through {@code reg.exe}.
 *   <li>macOS: nothing to write, the app bundle's {@code Info.plist} declares the scheme; it is
 *       checked when the app runs from a bundle.
 *   <li>Linux and other Unixes: {@code $XDG_DATA_HOME/applications/<appId>-url-handler.desktop},
 *       then {@code update-desktop-database} and {@code xdg-mime default} when installed.
 * </ul>
 */
public final class SchemeRegistrar {
  /** Code of the usage error raised when no launcher was given and none can be found. */
  public static final String LAUNCHER_UNKNOWN = "url_scheme_launcher_unknown";

  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,62}");

  /** Schemes that belong to browsers, the OS or well-known protocols: never taken over. */
  private static final Set<String> RESERVED =
      Set.of(
          "about",
          "blob",
          "callto",
          "chrome",
          "data",
          "edge",
          "facetime",
          "file",
          "ftp",
          "ftps",
          "git",
          "http",
          "https",
          "irc",
          "javascript",
          "jar",
          "ldap",
          "mailto",
          "maps",
          "news",
          "nntp",
          "sftp",
          "sip",
          "skype",
          "smb",
          "sms",
          "ssh",
          "tel",
          "telnet",
          "urn",
          "view-source",
          "vnc",
          "ws",
          "wss");

  private static final Pattern URL_SCHEMES_ARRAY =
      Pattern.compile("<key>CFBundleURLSchemes</key>\\s*<array>(.*?)</array>", Pattern.DOTALL);
  private static final int MAX_FILE = 64 * 1024;
  private static final String CLASSES = "HKCU\\Software\\Classes\\";

  /**
   * The facts about this machine a registration depends on.
   *
   * @param osName the {@code os.name} system property
   * @param env the environment variables
   * @param userHome the user's home directory
   * @param userDir the working directory ({@code user.dir})
   * @param jpackageAppPath the {@code jpackage.app-path} system property, or null outside a
   *     jpackage image
   * @param javaCommand the executable of this process, when the OS reports it
   * @param javaArguments the arguments of this process, when the OS reports them (not on Windows)
   */
  public record Machine(
      String osName,
      Map<String, String> env,
      Path userHome,
      Path userDir,
      String jpackageAppPath,
      Optional<String> javaCommand,
      Optional<List<String>> javaArguments) {

    /** Copies the environment. */
    public Machine {
      env = Map.copyOf(env);
    }

    /**
     * Returns this machine's facts.
     *
     * @return the facts of the running JVM
     */
    public static Machine current() {
      ProcessHandle.Info info = ProcessHandle.current().info();
      return new Machine(
          System.getProperty("os.name", ""),
          System.getenv(),
          Path.of(System.getProperty("user.home", ".")),
          Path.of(System.getProperty("user.dir", ".")),
          System.getProperty("jpackage.app-path"),
          info.command(),
          info.arguments().map(List::of));
    }

    boolean windows() {
      return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    boolean mac() {
      String os = osName.toLowerCase(Locale.ROOT);
      return os.startsWith("mac") || os.startsWith("darwin");
    }
  }

  /**
   * What to register.
   *
   * @param appId the app's id (names the Linux desktop entry)
   * @param scheme a valid scheme, lower case
   * @param displayName the name the OS shows for the handler
   * @param launcher the command the OS starts with the URL appended, or empty for the default
   */
  public record Request(
      String appId, String scheme, String displayName, Optional<List<String>> launcher) {
    /**
     * Checks the app id and the scheme again: they name a file and a registry key.
     *
     * @throws ClerkUsageException when either is not valid
     */
    public Request {
      appId = StoreLocations.requireValidAppId(appId);
      scheme = requireValidScheme(scheme);
      Objects.requireNonNull(displayName, "displayName");
      launcher = launcher.map(List::copyOf);
    }
  }

  /**
   * What a registration did.
   *
   * @param launcher the command registered (empty when none was: macOS, or an unregistration)
   * @param done what was written or run, one line each
   * @param notDone what was left undone and how to finish it by hand, one line each
   */
  public record Outcome(List<String> launcher, List<String> done, List<String> notDone) {
    /** Copies the lists. */
    public Outcome {
      launcher = List.copyOf(launcher);
      done = List.copyOf(done);
      notDone = List.copyOf(notDone);
    }
  }

  private final Machine machine;
  private final CommandRunner runner;

  /**
   * Creates a registrar.
   *
   * @param machine the machine's facts
   * @param runner what starts the OS tools
   */
  public SchemeRegistrar(Machine machine, CommandRunner runner) {
    this.machine = Objects.requireNonNull(machine, "machine");
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * Returns the registrar of the running JVM, starting real processes.
   *
   * @return the registrar
   */
  public static SchemeRegistrar forThisMachine() {
    Machine machine = Machine.current();
    return new SchemeRegistrar(machine, CommandRunner.system(machine.windows()));
  }

  /**
   * Checks a URL scheme: RFC 3986 syntax ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}, at
   * most 63 characters) and not a scheme that belongs to browsers or well-known protocols.
   *
   * @param scheme the scheme, without {@code :}
   * @return the scheme in lower case (schemes are case-insensitive)
   * @throws ClerkUsageException ({@code invalid_argument}) otherwise
   */
  public static String requireValidScheme(String scheme) {
    if (scheme == null) {
      throw new ClerkUsageException(
          ClerkUsageException.INVALID_ARGUMENT, "scheme must not be null");
    }
    String lower = scheme.toLowerCase(Locale.ROOT);
    if (!SCHEME.matcher(lower).matches()) {
      throw new ClerkUsageException(
          ClerkUsageException.INVALID_ARGUMENT,
          "A URL scheme is a letter followed by up to 62 letters, digits, '+', '-' or '.' (no ':'),"
              + " such as com.example.app; got '"
              + scheme
              + "'");
    }
    if (RESERVED.contains(lower)) {
      throw new ClerkUsageException(
          ClerkUsageException.INVALID_ARGUMENT,
          "The URL scheme '"
              + lower
              + "' belongs to browsers or a well-known protocol; use the app's own, such as"
              + " com.example.app");
    }
    return lower;
  }

  /**
   * Makes the app the current user's handler of the scheme (see the class comment for what is
   * written where). Blocks while files are written and tools run.
   *
   * @param request what to register
   * @return what was done, and what was not
   * @throws ClerkUsageException ({@link #LAUNCHER_UNKNOWN}) when no launcher was given and none can
   *     be found; ({@code invalid_argument}) when the launcher cannot be written for this OS
   * @throws IOException when a file cannot be written or {@code reg.exe} fails
   */
  public Outcome register(Request request) throws IOException {
    if (machine.mac()) {
      return macBundle(request.scheme(), true);
    }
    List<String> launcher = launcher(request);
    return machine.windows()
        ? registerWindows(request, launcher)
        : registerLinux(request, launcher);
  }

  /**
   * Removes what {@link #register} wrote. Blocks while files are written and tools run.
   *
   * @param request what was registered (its launcher is not needed)
   * @return what was done, and what was not
   * @throws IOException when a file cannot be removed or {@code reg.exe} fails
   */
  public Outcome unregister(Request request) throws IOException {
    if (machine.mac()) {
      return macBundle(request.scheme(), false);
    }
    return machine.windows() ? unregisterWindows(request) : unregisterLinux(request);
  }

  /**
   * Returns the launcher the OS is to start: the request's, else this jpackage image's launcher,
   * else this JVM's {@code java} command line when it can be rebuilt.
   *
   * @param request the request
   * @return the program and its arguments
   * @throws ClerkUsageException ({@link #LAUNCHER_UNKNOWN}) when there is none
   */
  List<String> launcher(Request request) {
    if (request.launcher().isPresent()) {
      return checkLauncher(request.launcher().get());
    }
    String appPath = machine.jpackageAppPath();
    if (appPath != null && !appPath.isBlank()) {
      return checkLauncher(List.of(appPath));
    }
    Optional<List<String>> java =
        machine.javaCommand().isPresent() && machine.javaArguments().isPresent()
            ? JavaCommandLine.rebuild(
                machine.javaCommand().get(), machine.javaArguments().get(), machine.userDir())
            : Optional.empty();
    return checkLauncher(
        java.orElseThrow(
            () ->
                new ClerkUsageException(
                    LAUNCHER_UNKNOWN,
                    "Cannot tell which command starts this app: it does not run from a jpackage"
                        + " image (no jpackage.app-path) and its java command line is "
                        + (machine.javaArguments().isPresent()
                            ? "not one clerk-fx can rebuild (an argument file, source-file mode or"
                                + " an unknown option)"
                            : "not reported by this OS")
                        + ". Pass it with withLauncher(…), such as the installed launcher's"
                        + " absolute path.")));
  }

  private List<String> checkLauncher(List<String> launcher) {
    for (String arg : launcher) {
      if (machine.windows() && arg.indexOf('%') >= 0) {
        throw new ClerkUsageException(
            ClerkUsageException.INVALID_ARGUMENT,
            "A Windows launcher argument must not contain '%' (the shell replaces %1, %L…): "
                + arg);
      }
    }
    return launcher;
  }

  // --- Windows ---

  private Outcome registerWindows(Request request, List<String> launcher) throws IOException {
    String key = CLASSES + request.scheme();
    String command = WindowsCommandLine.openCommand(launcher);
    reg("add", key, "/ve", "/d", "URL:" + request.displayName(), "/f");
    reg("add", key, "/v", "URL Protocol", "/d", "", "/f");
    reg("add", key + "\\shell\\open\\command", "/ve", "/d", command, "/f");
    return new Outcome(
        launcher,
        List.of(
            key + ": (Default) = URL:" + request.displayName() + ", URL Protocol = \"\"",
            key + "\\shell\\open\\command: (Default) = " + command),
        List.of());
  }

  private Outcome unregisterWindows(Request request) throws IOException {
    String key = CLASSES + request.scheme();
    if (runner.run(List.of(regExe(), "query", key)).exitCode() != 0) {
      return new Outcome(
          List.of(), List.of(key + " was not registered: nothing to remove"), List.of());
    }
    reg("delete", key, "/f");
    return new Outcome(List.of(), List.of("removed " + key), List.of());
  }

  private void reg(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(regExe());
    command.addAll(List.of(args));
    CommandRunner.Ran ran = runner.run(command);
    if (ran.exitCode() != 0) {
      throw new IOException(
          "reg.exe "
              + args[0]
              + " "
              + args[1]
              + " failed (exit code "
              + ran.exitCode()
              + "): "
              + ran.output());
    }
  }

  /**
   * {@code reg.exe} from the system folder, so a {@code reg.exe} earlier on the PATH is not run.
   */
  private String regExe() {
    String root = machine.env().get("SystemRoot");
    return root == null || root.isBlank() ? "reg.exe" : root + "\\System32\\reg.exe";
  }

  // --- Linux and other Unixes (XDG) ---

  /**
   * Returns the applications folder: {@code $XDG_DATA_HOME/applications} when that is absolute,
   * else {@code ~/.local/share/applications}.
   */
  Path applicationsDirectory() {
    String xdg = machine.env().get("XDG_DATA_HOME");
    Path data =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : machine.userHome().resolve(".local").resolve("share");
    return data.resolve("applications");
  }

  private static String desktopFileName(String appId) {
    return appId + "-url-handler.desktop";
  }

  private Outcome registerLinux(Request request, List<String> launcher) throws IOException {
    Path dir = applicationsDirectory();
    String id = desktopFileName(request.appId());
    Path file = dir.resolve(id);
    Optional<String> existing = readText(file);
    Set<String> schemes = new LinkedHashSet<>(existing.map(DesktopEntry::schemes).orElse(Set.of()));
    schemes.add(request.scheme());
    String content = DesktopEntry.content(request.displayName(), launcher, schemes);
    List<String> done = new ArrayList<>();
    List<String> notDone = new ArrayList<>();
    if (existing.isPresent() && existing.get().equals(content)) {
      done.add(file + " is up to date");
    } else {
      OwnerOnlyFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
      done.add("wrote " + file);
    }
    updateDesktopDatabase(dir, done, notDone);
    String mime = DesktopEntry.mimeType(request.scheme());
    List<String> byHand = List.of("xdg-mime", "default", id, mime);
    Optional<Path> xdgMime = runner.find("xdg-mime");
    if (xdgMime.isEmpty()) {
      notDone.add(
          "xdg-mime is not installed: "
              + id
              + " was not made the default handler of "
              + mime
              + "; run `"
              + String.join(" ", byHand)
              + "` once it is");
    } else {
      List<String> command = new ArrayList<>(byHand);
      command.set(0, xdgMime.get().toString());
      CommandRunner.Ran ran = runner.run(command);
      if (ran.exitCode() == 0) {
        done.add("ran " + String.join(" ", byHand));
      } else {
        notDone.add(failed(byHand, ran));
      }
    }
    return new Outcome(launcher, done, notDone);
  }

  private Outcome unregisterLinux(Request request) throws IOException {
    Path dir = applicationsDirectory();
    Path file = dir.resolve(desktopFileName(request.appId()));
    Optional<String> existing = readText(file);
    List<String> done = new ArrayList<>();
    List<String> notDone = new ArrayList<>();
    Set<String> schemes = new LinkedHashSet<>(existing.map(DesktopEntry::schemes).orElse(Set.of()));
    if (!schemes.remove(request.scheme())) {
      done.add(file + " does not declare " + request.scheme() + ": nothing to remove");
      return new Outcome(List.of(), done, notDone);
    }
    if (schemes.isEmpty()) {
      OwnerOnlyFiles.delete(file);
      done.add("removed " + file);
    } else {
      OwnerOnlyFiles.write(
          file, DesktopEntry.withSchemes(existing.get(), schemes).getBytes(StandardCharsets.UTF_8));
      done.add("removed " + DesktopEntry.mimeType(request.scheme()) + " from " + file);
    }
    updateDesktopDatabase(dir, done, notDone);
    return new Outcome(List.of(), done, notDone);
  }

  private void updateDesktopDatabase(Path dir, List<String> done, List<String> notDone)
      throws IOException {
    List<String> byHand = List.of("update-desktop-database", dir.toString());
    Optional<Path> tool = runner.find("update-desktop-database");
    if (tool.isEmpty()) {
      notDone.add(
          "update-desktop-database is not installed: the MIME cache of "
              + dir
              + " was not refreshed (most desktops rescan the folder by themselves)");
      return;
    }
    CommandRunner.Ran ran = runner.run(List.of(tool.get().toString(), dir.toString()));
    if (ran.exitCode() == 0) {
      done.add("ran " + String.join(" ", byHand));
    } else {
      notDone.add(failed(byHand, ran));
    }
  }

  private static String failed(List<String> command, CommandRunner.Ran ran) {
    return "`"
        + String.join(" ", command)
        + "` failed (exit code "
        + ran.exitCode()
        + (ran.output().isEmpty() ? ")" : "): " + ran.output());
  }

  private static Optional<String> readText(Path file) throws IOException {
    return OwnerOnlyFiles.read(file, MAX_FILE).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  // --- macOS ---

  private Outcome macBundle(String scheme, boolean registering) throws IOException {
    String appPath = machine.jpackageAppPath();
    int bundleEnd = appPath == null ? -1 : appPath.indexOf(".app/");
    if (bundleEnd < 0) {
      return new Outcome(
          List.of(),
          List.of(),
          List.of(
              "not running from an app bundle: macOS learns URL schemes only from a bundle's"
                  + " Info.plist (CFBundleURLTypes), when the bundle is first opened"));
    }
    Path plist = Path.of(appPath.substring(0, bundleEnd + 4), "Contents", "Info.plist");
    if (!Files.isRegularFile(plist) || Files.size(plist) > MAX_FILE) {
      return new Outcome(
          List.of(), List.of(), List.of(plist + " is missing: the bundle declares no URL scheme"));
    }
    // the bundle may belong to another user (an app in /Applications): a plain read
    String text = Files.readString(plist, StandardCharsets.UTF_8);
    Matcher array = URL_SCHEMES_ARRAY.matcher(text);
    boolean declared = false;
    while (array.find()) {
      declared |= array.group(1).contains("<string>" + scheme + "</string>");
    }
    if (!declared && text.startsWith("<?xml")) { // a binary plist is trusted unread
      return new Outcome(
          List.of(),
          List.of(),
          List.of(
              plist
                  + " does not declare "
                  + scheme
                  + ": add it under CFBundleURLTypes / CFBundleURLSchemes"));
    }
    return new Outcome(
        List.of(),
        List.of(
            registering
                ? "declared by the app bundle (" + plist + "): nothing to write"
                : "declared by the app bundle (" + plist + "): macOS forgets it with the bundle"),
        List.of());
  }
}
