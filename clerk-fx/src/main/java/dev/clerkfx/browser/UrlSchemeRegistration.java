package dev.clerkfx.browser;

import dev.clerkfx.ClerkUsageException;
import dev.clerkfx.internal.store.StoreLocations;
import dev.clerkfx.internal.urlscheme.SchemeRegistrar;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;

/**
 * Makes the app the current user's handler of its URL scheme, so a {@link
 * RedirectStrategy#customScheme custom-scheme} redirect starts (or reaches, with {@link
 * UrlSchemeHandoff}) the app: the per-user counterpart of Electron's {@code
 * app.setAsDefaultProtocolClient}. No administrator rights are needed; registering again is
 * harmless (it rewrites the same values) and {@link #unregister()} undoes it.
 *
 * <pre>{@code
 * UrlSchemeRegistration.Result result =
 *     UrlSchemeRegistration.of("com.example.app", "com.example.app")
 *         .withDisplayName("Example App")
 *         .register();      // blocks briefly: in Application.init(), not on the FX thread
 * result.notDone().forEach(line -> log.warning(line));
 * }</pre>
 *
 * <p>What is written where:
 *
 * <ul>
 *   <li><b>Windows:</b> {@code HKEY_CURRENT_USER\Software\Classes\<scheme>} with {@code (Default) =
 *       "URL:<display name>"} and {@code URL Protocol = ""}, and its {@code shell\open\command}
 *       with {@code (Default) = "<launcher>" "%1"}, through {@code reg.exe} from the system folder.
 *       {@link #unregister()} deletes the {@code <scheme>} key.
 *   <li><b>Linux and other Unixes:</b> the desktop entry {@code
 *       $XDG_DATA_HOME/applications/<appId>-url-handler.desktop} (default {@code
 *       ~/.local/share/applications}), written owner-only and atomically, hidden from menus, with
 *       {@code MimeType=x-scheme-handler/<scheme>;} and {@code Exec=<launcher> %u}; then {@code
 *       update-desktop-database} on that folder and {@code xdg-mime default} for the scheme, when
 *       they are installed (when not, {@link Result#notDone()} says so and gives the command).
 *       Registering a second scheme under the same app id adds it to the entry; {@link
 *       #unregister()} removes the scheme and deletes the entry with its last one.
 *   <li><b>macOS:</b> nothing is written: the app bundle's {@code Info.plist} ({@code
 *       CFBundleURLTypes}) declares the scheme and macOS registers it when the bundle is first
 *       opened. When the app runs from a bundle, the plist is checked for the scheme.
 * </ul>
 *
 * <p>The launcher is the command the OS starts with the URL as its last argument: the one given to
 * {@link #withLauncher}, else the running jpackage launcher ({@code jpackage.app-path}), else this
 * JVM's {@code java} command line with the app's own arguments left out (class and module paths
 * made absolute), when the OS reports it (Linux and other Unixes) and it holds no argument file.
 * Processes run directly, never through a shell, with every argument quoted for the program that
 * reads it. Instances are immutable and may be shared between threads.
 */
public final class UrlSchemeRegistration {
  /**
   * Code of the {@link ClerkUsageException} {@link #register()} throws when no launcher was given
   * and none can be found.
   */
  public static final String LAUNCHER_UNKNOWN = SchemeRegistrar.LAUNCHER_UNKNOWN;

  /**
   * Code of the {@link ClerkUsageException} {@link #register()} and {@link #unregister()} throw on
   * the FX Application Thread, which they would block.
   */
  public static final String ON_FX_THREAD = "url_scheme_registration_on_fx_thread";

  private static final int MAX_NAME = 200;

  private final String appId;
  private final String scheme;
  private final String displayName;
  private final List<String> launcher; // null: the default

  private UrlSchemeRegistration(
      String appId, String scheme, String displayName, List<String> launcher) {
    this.appId = appId;
    this.scheme = scheme;
    this.displayName = displayName;
    this.launcher = launcher;
  }

  /**
   * Describes the registration of a scheme for an app, named by its app id until {@link
   * #withDisplayName} says otherwise, started by the default launcher.
   *
   * @param appId the app's id (letters, digits, dots, dashes, underscores), as for {@code
   *     ClerkClient.Builder.appId} and {@link UrlSchemeHandoff#claim(String, String...)}; names the
   *     Linux desktop entry
   * @param scheme the URL scheme without {@code :}, such as {@code com.example.app}: RFC 3986
   *     syntax, at most 63 characters, not {@code http}, {@code https}, {@code file} or another
   *     scheme of browsers and well-known protocols; stored in lower case
   * @return the registration (nothing is written yet)
   * @throws ClerkUsageException when the app id or the scheme is not valid
   */
  public static UrlSchemeRegistration of(String appId, String scheme) {
    String id = StoreLocations.requireValidAppId(appId);
    return new UrlSchemeRegistration(id, SchemeRegistrar.requireValidScheme(scheme), id, null);
  }

  /**
   * Returns a copy with the name the OS shows for the handler (Windows: {@code URL:<name>}; Linux:
   * the entry's {@code Name}).
   *
   * @param displayName 1–200 characters, no control characters
   * @return the copy
   * @throws ClerkUsageException when the name is null, blank, too long or holds a control character
   */
  public UrlSchemeRegistration withDisplayName(String displayName) {
    if (displayName == null
        || displayName.isBlank()
        || displayName.length() > MAX_NAME
        || displayName.chars().anyMatch(Character::isISOControl)) {
      throw invalid("displayName must be 1-" + MAX_NAME + " characters without control characters");
    }
    return new UrlSchemeRegistration(appId, scheme, displayName, launcher);
  }

  /**
   * Returns a copy that registers a given launcher instead of the default one.
   *
   * @param command the program (an absolute path is safest) and its arguments; the OS appends the
   *     URL
   * @return the copy
   * @throws ClerkUsageException when the list is null or empty, the program is blank, or an
   *     argument is null or holds a control character
   */
  public UrlSchemeRegistration withLauncher(List<String> command) {
    if (command == null
        || command.isEmpty()
        || command.get(0) == null
        || command.get(0).isBlank()) {
      throw invalid("The launcher must name a program");
    }
    for (String arg : command) {
      if (arg == null || arg.chars().anyMatch(Character::isISOControl)) {
        throw invalid("A launcher argument must not be null or hold a control character");
      }
    }
    return new UrlSchemeRegistration(appId, scheme, displayName, List.copyOf(command));
  }

  /**
   * Returns a copy that registers a given launcher instead of the default one.
   *
   * @param program the program, an absolute path is safest
   * @param args its arguments, before the URL the OS appends
   * @return the copy
   * @throws ClerkUsageException as {@link #withLauncher(List)}
   */
  public UrlSchemeRegistration withLauncher(String program, String... args) {
    if (args == null) {
      throw invalid("args must not be null");
    }
    String[] command = new String[args.length + 1];
    command[0] = program;
    System.arraycopy(args, 0, command, 1, args.length);
    return withLauncher(java.util.Arrays.asList(command));
  }

  /** Returns the app id. */
  public String appId() {
    return appId;
  }

  /** Returns the scheme, in lower case. */
  public String scheme() {
    return scheme;
  }

  /** Returns the name the OS shows for the handler. */
  public String displayName() {
    return displayName;
  }

  /** Returns the launcher given to {@link #withLauncher}, or empty for the default. */
  public Optional<List<String>> launcher() {
    return Optional.ofNullable(launcher);
  }

  /**
   * Registers the app as the current user's handler of the scheme (see the class comment for what
   * is written where). Blocks while files are written and OS tools run (up to half a minute each at
   * worst), on the calling thread: call it from {@code Application.init()} or a background thread.
   * Note that the {@code java} launcher runs {@code main} on the FX Application Thread when the
   * main class extends {@code Application} and JavaFX is on the module path (as in a jpackage
   * image).
   *
   * @return what was done, and what was left undone
   * @throws ClerkUsageException ({@link #ON_FX_THREAD}) on the FX Application Thread; ({@link
   *     #LAUNCHER_UNKNOWN}) when no launcher was given and none can be found; ({@code
   *     invalid_argument}) when a Windows launcher argument holds {@code %}
   * @throws UrlSchemeRegistrationException when a file cannot be written or {@code reg.exe} fails
   */
  public Result register() {
    refuseFxThread("register");
    return register(SchemeRegistrar.forThisMachine());
  }

  /**
   * Undoes {@link #register()}: removes the registry key (Windows) or the scheme from the desktop
   * entry, deleting it with its last scheme (Linux); nothing to do on macOS. Unregistering what is
   * not registered is no error. Blocks like {@link #register()}; the launcher is not needed.
   *
   * @return what was done, and what was left undone
   * @throws ClerkUsageException ({@link #ON_FX_THREAD}) on the FX Application Thread
   * @throws UrlSchemeRegistrationException when a file cannot be removed or {@code reg.exe} fails
   */
  public Result unregister() {
    refuseFxThread("unregister");
    return unregister(SchemeRegistrar.forThisMachine());
  }

  /** Registers through a given registrar (tests pass one with a fake machine). */
  Result register(SchemeRegistrar registrar) {
    try {
      return result(registrar.register(request()));
    } catch (IOException e) {
      throw new UrlSchemeRegistrationException(
          "Could not register the URL scheme " + scheme + ": " + e.getMessage(), e);
    }
  }

  /** Unregisters through a given registrar. */
  Result unregister(SchemeRegistrar registrar) {
    try {
      return result(registrar.unregister(request()));
    } catch (IOException e) {
      throw new UrlSchemeRegistrationException(
          "Could not unregister the URL scheme " + scheme + ": " + e.getMessage(), e);
    }
  }

  /** Refuses to block the FX Application Thread. */
  private static void refuseFxThread(String method) {
    if (Platform.isFxApplicationThread()) {
      throw new ClerkUsageException(
          ON_FX_THREAD,
          "UrlSchemeRegistration."
              + method
              + "() blocks while it writes files and runs OS tools: call it from"
              + " Application.init() or a background thread, not the FX Application Thread (the"
              + " java launcher runs main() there when the main class extends Application)");
    }
  }

  private SchemeRegistrar.Request request() {
    return new SchemeRegistrar.Request(appId, scheme, displayName, launcher());
  }

  private Result result(SchemeRegistrar.Outcome outcome) {
    return new Result(scheme, outcome.launcher(), outcome.done(), outcome.notDone());
  }

  private static ClerkUsageException invalid(String message) {
    return new ClerkUsageException(ClerkUsageException.INVALID_ARGUMENT, message);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UrlSchemeRegistration r
        && appId.equals(r.appId)
        && scheme.equals(r.scheme)
        && displayName.equals(r.displayName)
        && Objects.equals(launcher, r.launcher);
  }

  @Override
  public int hashCode() {
    return Objects.hash(appId, scheme, displayName, launcher);
  }

  @Override
  public String toString() {
    return "UrlSchemeRegistration[appId="
        + appId
        + ", scheme="
        + scheme
        + ", displayName="
        + displayName
        + ", launcher="
        + (launcher == null ? "default" : launcher)
        + "]";
  }

  /**
   * What a registration or unregistration did.
   *
   * @param scheme the scheme, in lower case
   * @param launcher the command registered; empty on macOS and after an unregistration
   * @param done what was written, removed or run, one line each, such as {@code wrote
   *     /home/ada/.local/share/applications/com.example.app-url-handler.desktop}
   * @param notDone what was left undone and how to finish it by hand, one line each, such as {@code
   *     xdg-mime is not installed: …}; empty when the job is complete
   */
  public record Result(
      String scheme, List<String> launcher, List<String> done, List<String> notDone) {
    /** Copies the lists. */
    public Result {
      Objects.requireNonNull(scheme, "scheme");
      launcher = List.copyOf(launcher);
      done = List.copyOf(done);
      notDone = List.copyOf(notDone);
    }

    /** Returns whether nothing was left undone. */
    public boolean isComplete() {
      return notDone.isEmpty();
    }
  }
}
