package dev.clerkfx.internal.store;

import dev.clerkfx.ClerkConfigurationException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where clerk-fx keeps its files: {@code <config dir>/clerk-fx/<appId>/}, and what an app id may
 * be.
 *
 * <p>The config dir is {@code $XDG_CONFIG_HOME} (when absolute) or {@code ~/.config} on Linux and
 * other Unixes, {@code ~/Library/Application Support} on macOS, and {@code %LOCALAPPDATA%} on
 * Windows (then {@code %APPDATA%}, then {@code ~\AppData\Local}): the client token identifies this
 * device, so it stays out of the roaming profile, as the OS keychains keep it.
 */
public final class StoreLocations {
  /** The folder under the config dir that holds one folder per app id. */
  public static final String VENDOR_DIRECTORY = "clerk-fx";

  private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9.-]");

  private StoreLocations() {}

  /**
   * Returns the directory clerk-fx uses for {@code appId} on this machine (not created).
   *
   * @param appId a valid app id
   * @return {@code <config dir>/clerk-fx/<appId>}
   * @throws ClerkConfigurationException when the app id is not valid
   */
  public static Path appDirectory(String appId) {
    return configRoot().resolve(VENDOR_DIRECTORY).resolve(requireValidAppId(appId));
  }

  /** Returns this machine's per-user config directory (see the class comment). */
  public static Path configRoot() {
    return configRoot(
        System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."));
  }

  /**
   * Returns the per-user config directory for the given platform facts.
   *
   * @param osName the {@code os.name} system property
   * @param env the environment variables
   * @param userHome the {@code user.home} system property
   * @return the config directory
   */
  static Path configRoot(String osName, Map<String, String> env, String userHome) {
    String os = osName.toLowerCase(Locale.ROOT);
    Path home = Path.of(userHome);
    if (os.startsWith("windows")) {
      for (String variable : new String[] {"LOCALAPPDATA", "APPDATA"}) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
          return Path.of(value);
        }
      }
      return home.resolve("AppData").resolve("Local");
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return home.resolve("Library").resolve("Application Support");
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg); // the XDG spec says to ignore a relative value
    }
    return home.resolve(".config");
  }

  /**
   * Checks that {@code appId} can name a folder and a keychain service on every platform.
   *
   * @param appId 1–128 characters from {@code A-Z a-z 0-9 . _ -}, not {@code .} or {@code ..}
   * @return {@code appId}
   * @throws ClerkConfigurationException (code {@code invalid_app_id}) otherwise
   */
  public static String requireValidAppId(String appId) {
    if (appId == null
        || !APP_ID.matcher(appId).matches()
        || appId.equals(".")
        || appId.equals("..")) {
      throw new ClerkConfigurationException(
          "invalid_app_id",
          "An app id must be 1-128 characters from A-Z a-z 0-9 . _ - (and not '.' or '..'), got "
              + (appId == null ? "null" : "'" + appId + "'"));
    }
    return appId;
  }

  /**
   * Derives an app id from a Frontend API host so two Clerk instances (or two emulators) never
   * share a token.
   *
   * @param fapiHost the host decoded from the publishable key, with an optional port, such as
   *     {@code clean-gecko-12.clerk.accounts.dev} or {@code 127.0.0.1:54321}
   * @return the host in lower case with every character outside {@code a-z 0-9 . -} replaced by
   *     {@code _}
   * @throws ClerkConfigurationException (code {@code invalid_app_id}) when the host is null, blank
   *     or too long
   */
  public static String appIdForFapiHost(String fapiHost) {
    if (fapiHost == null || fapiHost.isBlank()) {
      throw new ClerkConfigurationException("invalid_app_id", "The Frontend API host is empty");
    }
    String appId = NOT_ALLOWED.matcher(fapiHost.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
    return requireValidAppId(
        appId.equals(".") || appId.equals("..") ? appId.replace('.', '_') : appId);
  }
}
