package dev.clerkfx.testkit.internal.state;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The emulated instance's settings, fixed at start.
 *
 * @param multiSession whether a client may hold several signed-in sessions
 * @param clientTrust whether a password sign-in on a new device needs a second step ({@code
 *     needs_client_trust})
 * @param testMode whether {@code +clerk_test} emails and 555 phones accept {@code 424242}
 * @param tokenLifetime session token lifetime
 * @param sessionLifetime session lifetime ({@code expire_at})
 * @param rateLimits whether Clerk's documented per-IP limits apply
 * @param templates JWT templates by name
 * @param applicationName shown in the environment
 * @param production whether the instance is a production one (strict redirect URL rules)
 * @param allowedRedirectUrls the redirect URLs registered with a production instance
 * @param reverification whether sensitive account actions need a recent factor verification
 * @param sessionTasks the tasks a new session must finish
 * @param emailLinkSignIn whether sign-ins offer {@code email_link} as a first factor
 * @param legalConsent whether sign-ups must accept the legal terms ({@code legal_accepted})
 * @param enterpriseSsoDomains email domains whose users sign in with {@code enterprise_sso} only
 */
public record EmulatorConfig(
    boolean multiSession,
    boolean clientTrust,
    boolean testMode,
    Duration tokenLifetime,
    Duration sessionLifetime,
    boolean rateLimits,
    Map<String, Template> templates,
    String applicationName,
    boolean production,
    List<String> allowedRedirectUrls,
    boolean reverification,
    List<String> sessionTasks,
    boolean emailLinkSignIn,
    boolean legalConsent,
    List<String> enterpriseSsoDomains) {

  /**
   * A JWT template.
   *
   * @param claims the custom claims (values may hold shortcodes such as {@code {{user.id}}})
   * @param lifetime the token lifetime
   */
  public record Template(Map<String, Object> claims, Duration lifetime) {}

  /**
   * Tells whether an identifier is an email address in one of the enterprise SSO domains.
   *
   * @param identifier an email address, phone number or username
   * @return whether it signs in with {@code enterprise_sso}
   */
  public boolean isEnterpriseSso(String identifier) {
    int at = identifier == null ? -1 : identifier.lastIndexOf('@');
    return at >= 0
        && enterpriseSsoDomains.contains(identifier.substring(at + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * Copies the templates.
   *
   * @param multiSession whether several sessions per client are allowed
   * @param clientTrust whether client trust is on
   * @param testMode whether test mode is on
   * @param tokenLifetime session token lifetime
   * @param sessionLifetime session lifetime
   * @param rateLimits whether rate limits apply
   * @param templates JWT templates by name
   * @param applicationName the application name
   * @param production whether the instance is a production one
   * @param allowedRedirectUrls registered redirect URLs
   * @param reverification whether sensitive account actions need a recent factor verification
   * @param sessionTasks the tasks a new session must finish ({@code choose-organization}, {@code
   *     setup-mfa})
   * @param emailLinkSignIn whether sign-ins offer email links
   * @param legalConsent whether sign-ups must accept the legal terms
   * @param enterpriseSsoDomains email domains that sign in with enterprise SSO (lower case)
   */
  public EmulatorConfig {
    templates = Map.copyOf(templates);
    enterpriseSsoDomains = List.copyOf(enterpriseSsoDomains);
    sessionTasks = List.copyOf(sessionTasks);
    allowedRedirectUrls = List.copyOf(allowedRedirectUrls);
  }
}
