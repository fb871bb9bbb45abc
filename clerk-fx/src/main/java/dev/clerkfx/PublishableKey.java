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
 * <p>A key is {@code pk_test_} or {@code pk_live_} followed by base64 of {@code <host>$}. The FAPI URL is
 * {@code https://<host>}; a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}, optionally
 * with {@code :port}) maps to {@code http://<host>} so a local emulator needs no TLS.
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
  private static final Pattern HOST =
      Pattern.compile("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)(:[0-9]{1,5})?$");

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
   * @throws ClerkConfigurationException with code {@code invalid_publishable_key} when the key is empty, has
   *     neither prefix, is not valid base64, lacks the trailing {@code $} or encodes an empty or invalid host
   */
  public static PublishableKey parse(String key) {
    if (key == null || key.isBlank()) {
      throw new ClerkConfigurationException(CODE, "The publishable key is empty; copy it from the Clerk dashboard "
          + "(API keys page); it starts with pk_test_ or pk_live_");
    }
    String trimmed = key.strip();
    InstanceType type;
    String encoded;
    if (trimmed.startsWith(TEST_PREFIX)) {
      type = InstanceType.DEVELOPMENT;
      encoded = trimmed.substring(TEST_PREFIX.length());
    } else if (trimmed.startsWith(LIVE_PREFIX)) {
      type = InstanceType.PRODUCTION;
      encoded = trimmed.substring(LIVE_PREFIX.length());
    } else {
      String shown = trimmed.startsWith("sk_") ? "a secret key (sk_…); never ship a secret key in an app"
          : "a value starting with \"" + head(trimmed) + "\"";
      throw new ClerkConfigurationException(CODE,
          "The publishable key has the wrong prefix: expected pk_test_ or pk_live_, got " + shown);
    }
    if (encoded.isEmpty()) {
      throw new ClerkConfigurationException(CODE, "The publishable key has nothing after its "
          + (type == InstanceType.PRODUCTION ? LIVE_PREFIX : TEST_PREFIX) + " prefix");
    }
    String decoded;
    try {
      byte[] bytes = Base64.getDecoder().decode(padded(encoded.replace('-', '+').replace('_', '/')));
      decoded = new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ClerkConfigurationException(CODE,
          "The publishable key is not valid base64 after its prefix (was it cut off or mistyped?)");
    }
    if (!decoded.endsWith("$")) {
      throw new ClerkConfigurationException(CODE,
          "The publishable key does not decode to \"<host>$\": the trailing $ is missing");
    }
    String host = decoded.substring(0, decoded.length() - 1);
    if (host.isEmpty()) {
      throw new ClerkConfigurationException(CODE, "The publishable key encodes an empty host");
    }
    if (!HOST.matcher(host).matches()) {
      throw new ClerkConfigurationException(CODE,
          "The publishable key encodes an invalid host name (it must be a bare host such as clerk.example.com)");
    }
    return new PublishableKey(trimmed, host.toLowerCase(Locale.ROOT), type);
  }

  /** Returns the whole key as given (without surrounding whitespace). */
  public String value() {
    return value;
  }

  /** Returns the Frontend API host the key encodes, possibly with {@code :port}, such as {@code clerk.example.com}. */
  public String host() {
    return host;
  }

  /** Returns the instance type: {@link InstanceType#PRODUCTION} for {@code pk_live_}, else development. */
  public InstanceType instanceType() {
    return instanceType;
  }

  /**
   * Returns the Frontend API base URL without a trailing slash: {@code https://<host>}, or {@code http://<host>}
   * for a loopback host.
   */
  public String frontendApiUrl() {
    return (isLoopbackHost(host) ? "http://" : "https://") + host;
  }

  /**
   * Returns the Frontend API base URL to use given an optional proxy URL: the proxy (without trailing slash)
   * when one is set, otherwise {@link #frontendApiUrl()}. Requests then go to {@code <base>/v1/...}.
   *
   * @param proxyUrl an absolute {@code https} URL (plain {@code http} only for a loopback host), or null/blank
   * @return the base URL
   * @throws ClerkConfigurationException with code {@code invalid_proxy_url} when the proxy URL is unusable
   */
  public String frontendApiUrl(String proxyUrl) {
    if (proxyUrl == null || proxyUrl.isBlank()) return frontendApiUrl();
    return validateBaseUrl(proxyUrl.strip());
  }

  /**
   * Checks an absolute base URL (a proxy URL or an explicit FAPI URL): it must be {@code https}, or {@code http}
   * for a loopback host, with no query or fragment.
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
      throw new ClerkConfigurationException("invalid_proxy_url", "The proxy URL is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty() || uri.getHost() == null) {
      throw new ClerkConfigurationException("invalid_proxy_url",
          "The proxy URL must be absolute, such as https://example.com/__clerk");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new ClerkConfigurationException("invalid_proxy_url",
          "The proxy URL must not contain user info, a query or a fragment");
    }
    if (scheme.equals("http")) {
      if (!isLoopbackHost(authority)) {
        throw new ClerkConfigurationException("invalid_proxy_url",
            "The proxy URL uses plain http for a non-loopback host; use https (http is allowed only for "
                + "localhost, 127.0.0.0/8 and [::1])");
      }
    } else if (!scheme.equals("https")) {
      throw new ClerkConfigurationException("invalid_proxy_url",
          "The proxy URL must use https (got scheme \"" + scheme + "\")");
    }
    String result = url;
    while (result.endsWith("/")) result = result.substring(0, result.length() - 1);
    return result;
  }

  /**
   * Tells whether a host (optionally with {@code :port}) is loopback: {@code localhost}, an address in
   * {@code 127.0.0.0/8}, or {@code [::1]}.
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
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) return false;
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

  /** Returns {@code PublishableKey[pk_test_…, host=…]}: the prefix and host, never the whole key. */
  @Override
  public String toString() {
    return "PublishableKey[" + (instanceType == InstanceType.PRODUCTION ? LIVE_PREFIX : TEST_PREFIX) + "…, host="
        + host + "]";
  }
}
