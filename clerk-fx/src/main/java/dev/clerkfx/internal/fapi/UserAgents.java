package dev.clerkfx.internal.fapi;

/**
 * Builds the {@code User-Agent} sent when the app names itself ({@code
 * ClerkClient.Builder.appProduct}): {@code <App>/<version> clerk-fx/<sdk> (Java <version>; <os>)},
 * so Clerk's device list shows the app.
 */
public final class UserAgents {
  private UserAgents() {}

  /**
   * Returns the {@code User-Agent} for an app, or null when the app did not name itself.
   *
   * @param appName the app's name, or null
   * @param appVersion the app's version, or null
   * @return the header value, or null
   */
  public static String of(String appName, String appVersion) {
    String name = token(appName);
    if (name.isEmpty()) return null;
    String version = token(appVersion);
    String product = version.isEmpty() ? name : name + "/" + version;
    return product
        + " clerk-fx/"
        + token(SdkInfo.SDK_VERSION)
        + " (Java "
        + token(System.getProperty("java.version"))
        + "; "
        + comment(System.getProperty("os.name"))
        + ")";
  }

  /**
   * Keeps RFC 9110 token characters; anything else (spaces, slashes, non-ASCII) becomes {@code -}.
   */
  static String token(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder();
    for (char c : s.strip().toCharArray()) {
      boolean ok = c < 127 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
      b.append(ok ? c : '-');
    }
    return b.toString();
  }

  /** Keeps printable ASCII except parentheses, for a comment. */
  private static String comment(String s) {
    String c = s == null ? "" : s.strip().replaceAll("[^\\x20-\\x7e]|[()]", "-");
    return c.isEmpty() ? "unknown" : c;
  }
}
