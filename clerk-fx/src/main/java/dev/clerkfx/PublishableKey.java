package dev.clerkfx;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A parsed Clerk publishable key: the Frontend API (FAPI) URL it encodes and the instance type.
 *
 * <p>A key is {@code pk_test_} or {@code pk_live_} followed by base64 of {@code <host>$}. The FAPI
 * URL is {@code https://<host>}; a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code
 * [::1]}, optionally with {@code :port}) maps to {@code http://<host>} so a local emulator needs no
 * TLS.
 *
 * <pre>{@code
 * PublishableKey key = PublishableKey.parse("pk_test_Y2xlcmsuZXhhbXBsZS5jb20k");
 * key.frontendApiUrl();   // "https://clerk.example.com"
 * key.instanceType();     // DEVELOPMENT
 * }</pre>
 *
 * <p>Publishable keys are not secret, but {@link #toString()} still shows only the prefix and host.
 */
public final class PublishableKey {
  private static final String TEST_PREFIX = "pk_test_";
  private static final String LIVE_PREFIX = "pk_live_";
  private static final String CODE = "invalid_publishable_key";

  /** The longest host name (RFC 1035). */
  private static final int MAX_HOST_LENGTH = 253;

  /** The longest label of a host name (RFC 1035). */
  private static final int MAX_LABEL_LENGTH = 63;

  /**
   * The longest key text looked at: a 253-character host with a port, base64-encoded, and the
   * prefix.
   */
  private static final int MAX_KEY_LENGTH = 400;

  private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}\\]");

  private final String value;
  private final String host;
  private final InstanceType instanceType;

  private PublishableKey(String value, String host, InstanceType instanceType) {
    this.value = value;
    this.host = host;
    this.instanceType = instanceType;
  }

  /**
   * Parses a publishable key.
   *
   * @param key the key as shown in the Clerk dashboard, such as {@code pk_test_…}
   * @return the parsed key
   * @throws ClerkConfigurationException with code {@code invalid_publishable_key} when the key is
   *     empty or longer than any real key, has neither prefix, is not valid base64, lacks the
   *     trailing {@code $}, or encodes an empty or invalid host (longer than 253 characters, a
   *     label longer than 63, a character outside {@code A-Z a-z 0-9 - .}) or a port outside
   *     1&ndash;65535
   */
  public static PublishableKey parse(String key) {
    if (key == null || key.isBlank()) {
      throw new ClerkConfigurationException(
          CODE,
          "The publishable key is empty; copy it from the Clerk dashboard "
              + "(API keys page); it starts with pk_test_ or pk_live_");
    }
    String trimmed = key.strip();
    if (trimmed.length() > MAX_KEY_LENGTH) {
      throw new ClerkConfigurationException(
          CODE,
          "The publishable key is "
              + trimmed.length()
              + " characters long; real keys are far shorter (at most "
              + MAX_KEY_LENGTH
              + "): copy it again from the "
              + "Clerk dashboard (API keys page)");
    }
    InstanceType type;
    String encoded;
    if (trimmed.startsWith(TEST_PREFIX)) {
      type = InstanceType.DEVELOPMENT;
      encoded = trimmed.substring(TEST_PREFIX.length());
    } else if (trimmed.startsWith(LIVE_PREFIX)) {
      type = InstanceType.PRODUCTION;
      encoded = trimmed.substring(LIVE_PREFIX.length());
    } else {
      String shown =
          trimmed.startsWith("sk_")
              ? "a secret key (sk_…); never ship a secret key in an app"
              : "a value starting with \"" + head(trimmed) + "\"";
      throw new ClerkConfigurationException(
          CODE,
          "The publishable key has the wrong prefix: expected pk_test_ or pk_live_, got " + shown);
    }
    if (encoded.isEmpty()) {
      throw new ClerkConfigurationException(
          CODE,
          "The publishable key has nothing after its "
              + (type == InstanceType.PRODUCTION ? LIVE_PREFIX : TEST_PREFIX)
              + " prefix");
    }
    String decoded;
    try {
      byte[] bytes =
          Base64.getDecoder().decode(padded(encoded.replace('-', '+').replace('_', '/')));
      decoded = new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ClerkConfigurationException(
          CODE,
          "The publishable key is not valid base64 after its prefix (was it cut off or mistyped?)");
    }
    if (!decoded.endsWith("$")) {
      throw new ClerkConfigurationException(
          CODE, "The publishable key does not decode to \"<host>$\": the trailing $ is missing");
    }
    String host = decoded.substring(0, decoded.length() - 1);
    if (host.isEmpty()) {
      throw new ClerkConfigurationException(CODE, "The publishable key encodes an empty host");
    }
    checkHostAndPort(host);
    return new PublishableKey(trimmed, host.toLowerCase(Locale.ROOT), type);
  }

  /**
   * Checks {@code host[:port]} by hand, lengths first: no regex ever sees more than one bounded
   * part.
   */
  private static void checkHostAndPort(String hostAndPort) {
    String name;
    String port = null;
    if (hostAndPort.startsWith("[")) {
      int end = hostAndPort.indexOf(']');
      name = end < 0 ? hostAndPort : hostAndPort.substring(0, end + 1);
      if (end < 0 || !IPV6_LITERAL.matcher(name).matches())
        throw invalidHost("the IPv6 address is malformed");
      String rest = hostAndPort.substring(end + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) throw invalidHost("only :port may follow an IPv6 address");
        port = rest.substring(1);
      }
    } else {
      int colon = hostAndPort.indexOf(':');
      name = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
      if (colon >= 0) port = hostAndPort.substring(colon + 1);
      if (name.length() > MAX_HOST_LENGTH) {
        throw invalidHost(
            "it is "
                + name.length()
                + " characters long, a host name has at most "
                + MAX_HOST_LENGTH);
      }
      int start = 0;
      while (true) {
        int dot = name.indexOf('.', start);
        int stop = dot < 0 ? name.length() : dot;
        checkLabel(name, start, stop);
        if (dot < 0) break;
        start = dot + 1;
      }
    }
    if (port != null) checkPort(port);
  }

  private static void checkLabel(String name, int start, int end) {
    int length = end - start;
    if (length == 0)
      throw invalidHost("it has an empty label (two dots in a row, or a dot at an end)");
    if (length > MAX_LABEL_LENGTH) {
      throw invalidHost(
          "a label is "
              + length
              + " characters long, at most "
              + MAX_LABEL_LENGTH
              + " are allowed");
    }
    if (name.charAt(start) == '-' || name.charAt(end - 1) == '-') {
      throw invalidHost("a label starts or ends with a dash");
    }
    for (int i = start; i < end; i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) throw invalidHost("it contains a character outside A-Z a-z 0-9 - .");
    }
  }

  private static void checkPort(String port) {
    boolean digits =
        !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      String shown = port.length() > 8 ? port.substring(0, 8) + "…" : port;
      throw new ClerkConfigurationException(
          CODE,
          "The publishable key encodes an invalid port \""
              + shown
              + "\" (a port is a number from 1 to 65535)");
    }
  }

  private static ClerkConfigurationException invalidHost(String why) {
    return new ClerkConfigurationException(
        CODE,
        "The publishable key encodes an invalid host name: "
            + why
            + " (it must be a bare host such as clerk.example.com)");
  }

  /** Returns the whole key as given (without surrounding whitespace). */
  public String value() {
    return value;
  }

  /**
   * Returns the Frontend API host the key encodes, possibly with {@code :port}, such as {@code
   * clerk.example.com}.
   */
  public String host() {
    return host;
  }

  /**
   * Returns the instance type: {@link InstanceType#PRODUCTION} for {@code pk_live_}, else
   * development.
   */
  public InstanceType instanceType() {
    return instanceType;
  }

  /**
   * Returns the Frontend API base URL without a trailing slash: {@code https://<host>}, or {@code
   * http://<host>} for a loopback host.
   */
  public String frontendApiUrl() {
    return (isLoopbackHost(host) ? "http://" : "https://") + host;
  }

  /**
   * Returns the Frontend API base URL to use given an optional proxy URL: the proxy (without
   * trailing slash) when one is set, otherwise {@link #frontendApiUrl()}. Requests then go to
   * {@code <base>/v1/...}.
   *
   * @param proxyUrl an absolute {@code https} URL (plain {@code http} only for a loopback host), or
   *     null/blank
   * @return the base URL
   * @throws ClerkConfigurationException with code {@code invalid_proxy_url} when the proxy URL is
   *     unusable
   */
  public String frontendApiUrl(String proxyUrl) {
    if (proxyUrl == null || proxyUrl.isBlank()) return frontendApiUrl();
    return validateBaseUrl(proxyUrl.strip());
  }

  /**
   * Checks an absolute base URL (a proxy URL or an explicit FAPI URL): it must be {@code https}, or
   * {@code http} for a loopback host, with no query or fragment.
   *
   * @param url the URL
   * @return the URL without a trailing slash
   * @throws ClerkConfigurationException with code {@code invalid_proxy_url} when it is unusable
   */
  public static String validateBaseUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new ClerkConfigurationException(
          "invalid_proxy_url", "The proxy URL is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty() || uri.getHost() == null) {
      throw new ClerkConfigurationException(
          "invalid_proxy_url",
          "The proxy URL must be absolute, such as https://example.com/__clerk");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new ClerkConfigurationException(
          "invalid_proxy_url", "The proxy URL must not contain user info, a query or a fragment");
    }
    if (scheme.equals("http")) {
      if (!isLoopbackHost(authority)) {
        throw new ClerkConfigurationException(
            "invalid_proxy_url",
            "The proxy URL uses plain http for a non-loopback host; use https (http is allowed only for "
                + "localhost, 127.0.0.0/8 and [::1])");
      }
    } else if (!scheme.equals("https")) {
      throw new ClerkConfigurationException(
          "invalid_proxy_url", "The proxy URL must use https (got scheme \"" + scheme + "\")");
    }
    String result = url;
    while (result.endsWith("/")) result = result.substring(0, result.length() - 1);
    return result;
  }

  /**
   * Tells whether a host (optionally with {@code :port}) is loopback: {@code localhost}, an address
   * in {@code 127.0.0.0/8}, or {@code [::1]}.
   *
   * @param hostAndPort a host such as {@code 127.0.0.1:8080} or {@code [::1]:9000}
   * @return true for a loopback host
   */
  public static boolean isLoopbackHost(String hostAndPort) {
    if (hostAndPort == null) return false;
    String h = hostAndPort.toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end > 0 && isIpv6Loopback(h.substring(1, end));
    }
    int colon = h.indexOf(':');
    if (colon >= 0) h = h.substring(0, colon);
    if (h.equals("localhost")) return true;
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) return false;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit))
        return false;
      if (Integer.parseInt(part) > 255) return false;
    }
    return true;
  }

  private static boolean isIpv6Loopback(String address) {
    if (address.equals("::1")) return true;
    // Expanded forms such as 0:0:0:0:0:0:0:1.
    String[] groups = address.split(":", -1);
    if (groups.length != 8) return false;
    for (int i = 0; i < 7; i++) {
      if (!groups[i].matches("0{1,4}")) return false;
    }
    return groups[7].matches("0{0,3}1");
  }

  private static String padded(String s) {
    int rem = s.length() % 4;
    return rem == 0 ? s : s + "=".repeat(4 - rem);
  }

  private static String head(String s) {
    return s.substring(0, Math.min(s.length(), 3)) + "…";
  }

  /** Two keys are equal when their text is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PublishableKey k && k.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  /**
   * Returns {@code PublishableKey[pk_test_…, host=…]}: the prefix and host, never the whole key.
   */
  @Override
  public String toString() {
    return "PublishableKey["
        + (instanceType == InstanceType.PRODUCTION ? LIVE_PREFIX : TEST_PREFIX)
        + "…, host="
        + host
        + "]";
  }
}
