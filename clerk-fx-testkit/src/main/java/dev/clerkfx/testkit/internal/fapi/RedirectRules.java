package dev.clerkfx.testkit.internal.fapi;

import dev.clerkfx.testkit.internal.server.Errors;
import dev.clerkfx.testkit.internal.state.EmulatorConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Clerk's redirect URL rules for browser flows. A development instance is lenient: any redirect URL
 * works for OAuth and SSO, and hosted auth takes a loopback ({@code http://127.0.0.1}, {@code
 * localhost}, {@code [::1]}) or custom-scheme URL. A production instance passes the {@code
 * rotating_token_nonce} only to registered redirect URLs (scheme, host, port and path equal; query
 * ignored) and refuses any other hosted-auth redirect URL.
 */
final class RedirectRules {
  private RedirectRules() {}

  /**
   * Tells whether a callback to this URL may carry the nonce.
   *
   * @param config the instance settings
   * @param redirectUrl the app's redirect URL
   * @return true on a development instance, or for a registered URL
   */
  static boolean mayReceiveNonce(EmulatorConfig config, String redirectUrl) {
    return !config.production() || registered(config, redirectUrl);
  }

  /**
   * Checks a hosted-auth redirect URL (call before anything changes).
   *
   * @param config the instance settings
   * @param redirectUrl the URL
   * @throws dev.clerkfx.testkit.internal.server.FapiException 422 {@code form_param_value_invalid}
   *     naming {@code redirect_url}
   */
  static void checkHostedAuth(EmulatorConfig config, String redirectUrl) {
    if (config.production()) {
      if (!registered(config, redirectUrl)) {
        throw Errors.paramValue(
            "redirect_url",
            "The redirect_url is not registered with this instance. Add it to "
                + "the allowed redirect URLs of your production instance.");
      }
      return;
    }
    URI u = parse(redirectUrl);
    String scheme =
        u == null || u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    boolean web = scheme.equals("http") || scheme.equals("https");
    if (u == null
        || scheme.isEmpty()
        || (web && !(scheme.equals("http") && loopback(u.getHost())))) {
      throw Errors.paramValue(
          "redirect_url",
          "redirect_url must use your app's custom URL scheme or a loopback "
              + "address (http://127.0.0.1:<port>/…), not a web URL.");
    }
  }

  private static boolean registered(EmulatorConfig config, String redirectUrl) {
    URI u = parse(redirectUrl);
    if (u == null) {
      return false;
    }
    for (String allowed : config.allowedRedirectUrls()) {
      URI a = parse(allowed);
      if (a != null && same(a, u)) {
        return true;
      }
    }
    return false;
  }

  private static boolean same(URI a, URI b) {
    return eq(a.getScheme(), b.getScheme())
        && eq(a.getHost(), b.getHost())
        && a.getPort() == b.getPort()
        && Objects.equals(path(a), path(b));
  }

  private static String path(URI u) {
    String p = u.getPath();
    return p == null || p.isEmpty() ? "/" : p;
  }

  private static boolean eq(String x, String y) {
    return x == null ? y == null : x.equalsIgnoreCase(y);
  }

  private static boolean loopback(String host) {
    return host != null
        && (host.equals("127.0.0.1")
            || host.equalsIgnoreCase("localhost")
            || host.equals("[::1]")
            || host.equals("::1"));
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
