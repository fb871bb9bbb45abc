package dev.clerkfx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a {@link ClerkTokenInterceptor} may send the session token, and which token: the app lists
 * its own API hosts, and every other request passes through untouched.
 *
 * <pre>{@code
 * OkHttpClient api = new OkHttpClient.Builder()
 *     .addInterceptor(clerk.tokenInterceptor(TokenInterceptorOptions.forHosts("api.example.com", "localhost:8080")
 *         .withToken(GetTokenOptions.template("orders-api"))))
 *     .build();
 * }</pre>
 *
 * <p>A host entry is a host name or address, optionally with a port: {@code api.example.com}
 * matches that host on any port, {@code api.example.com:8443} on that port only; an IPv6 address
 * goes in brackets ({@code [::1]:9000}). Names match exactly, ignoring case: list each subdomain.
 * The token is sent over {@code https} only, except to a loopback host ({@code localhost}, {@code
 * 127.0.0.0/8}, {@code [::1]}).
 *
 * @param hosts the host entries, normalised to lower case (at least one)
 * @param token the token to attach (default {@link GetTokenOptions#defaults()})
 */
public record TokenInterceptorOptions(Set<String> hosts, GetTokenOptions token) {
  private static final String CODE = "invalid_interceptor_host";

  /**
   * Checks and normalises the values.
   *
   * @throws ClerkConfigurationException (code {@code invalid_interceptor_host}) when no host is
   *     listed, or an entry is blank or holds a scheme, path, user info, wildcard or a port outside
   *     1&ndash;65535
   */
  public TokenInterceptorOptions {
    if (hosts == null || hosts.isEmpty()) {
      throw new ClerkConfigurationException(
          CODE,
          "List the hosts of your API that may receive the session token, such as api.example.com");
    }
    Set<String> normalised = new LinkedHashSet<>();
    for (String entry : hosts) {
      normalised.add(HostRule.parse(entry).entry());
    }
    hosts = Collections.unmodifiableSet(normalised);
    token = token == null ? GetTokenOptions.defaults() : token;
  }

  /**
   * Returns options for these hosts with the plain session token.
   *
   * @param hosts host entries such as {@code api.example.com} or {@code localhost:8080}
   * @return the options
   * @throws ClerkConfigurationException (code {@code invalid_interceptor_host}) when an entry is
   *     unusable
   */
  public static TokenInterceptorOptions forHosts(String... hosts) {
    ClerkUsageException.requireArgument(hosts, "hosts");
    return new TokenInterceptorOptions(
        new LinkedHashSet<>(List.of(hosts)), GetTokenOptions.defaults());
  }

  /**
   * Returns a copy that attaches another token (a JWT template, another organization).
   *
   * @param token what {@code getToken(options)} should fetch
   * @return the new options
   */
  public TokenInterceptorOptions withToken(GetTokenOptions token) {
    return new TokenInterceptorOptions(hosts, token);
  }

  /** Parsed host rules, for the interceptor. */
  List<HostRule> rules() {
    List<HostRule> rules = new ArrayList<>(hosts.size());
    for (String entry : hosts) rules.add(HostRule.parse(entry));
    return rules;
  }

  /**
   * One parsed entry.
   *
   * @param host the host as OkHttp's {@code HttpUrl.host()} gives it (IPv6 without brackets), lower
   *     case
   * @param port the port, or -1 for any
   * @param entry the normalised entry text
   */
  record HostRule(String host, int port, String entry) {
    static HostRule parse(String entry) {
      if (entry == null || entry.isBlank()) throw invalid("a host entry is empty", entry);
      String e = entry.strip().toLowerCase(Locale.ROOT);
      if (e.length() > 300) throw invalid("a host entry is too long", e.substring(0, 40) + "…");
      for (String bad : new String[] {"://", "/", "@", "*", "?", "#", " "}) {
        if (e.contains(bad)) {
          throw invalid(
              "a host entry is a bare host (optionally :port), without scheme, path, user or wildcard",
              e);
        }
      }
      String host;
      String port = null;
      if (e.startsWith("[")) {
        int end = e.indexOf(']');
        if (end < 2) throw invalid("an IPv6 address needs its closing ]", e);
        host = e.substring(1, end);
        String rest = e.substring(end + 1);
        if (!rest.isEmpty()) {
          if (!rest.startsWith(":")) throw invalid("only :port may follow an IPv6 address", e);
          port = rest.substring(1);
        }
      } else {
        int colon = e.indexOf(':');
        host = colon < 0 ? e : e.substring(0, colon);
        if (colon >= 0) port = e.substring(colon + 1);
        if (host.isEmpty() || host.startsWith(".") || host.endsWith("."))
          throw invalid("the host name is empty", e);
      }
      int p = -1;
      if (port != null) {
        boolean digits =
            !port.isEmpty()
                && port.length() <= 5
                && port.chars().allMatch(c -> c >= '0' && c <= '9');
        p = digits ? Integer.parseInt(port) : 0;
        if (p < 1 || p > 65535) throw invalid("a port is a number from 1 to 65535", e);
      }
      return new HostRule(host, p, e);
    }

    boolean matches(String urlHost, int urlPort) {
      return host.equals(urlHost) && (port < 0 || port == urlPort);
    }

    private static ClerkConfigurationException invalid(String why, String entry) {
      return new ClerkConfigurationException(
          CODE, "Invalid token interceptor host \"" + entry + "\": " + why);
    }
  }
}
