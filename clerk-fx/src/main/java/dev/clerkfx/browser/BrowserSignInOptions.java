package dev.clerkfx.browser;

import dev.clerkfx.ClerkConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Settings of browser sign-in (OAuth, enterprise SSO, hosted pages, email links), given once to
 * {@code ClerkClient.builder(pk).browserSignIn(options)}. Immutable.
 *
 * <pre>{@code
 * BrowserSignInOptions.builder()
 *     .redirect(RedirectStrategy.loopback(45789))       // allow-list http://127.0.0.1:45789/sso-callback
 *     .timeout(Duration.ofMinutes(5))
 *     .onUrl(url -> Platform.runLater(() -> linkField.setText(url.toString())))
 *     .build();
 * }</pre>
 *
 * @param redirect how the browser comes back (default {@link RedirectStrategy#loopback()})
 * @param opener how URLs are opened (default {@link UrlOpener#system()})
 * @param timeout how long a flow waits for the browser (default 3 minutes)
 * @param onUrl told every URL before it is opened, so the app can show it when no browser opens;
 *     runs on a clerk-fx background thread (default: nothing)
 * @param completionUrl where the loopback listener sends the browser once the callback arrived, or
 *     null for its own small "you can close this tab" page
 * @param emailLinkPollInterval how often an email-link flow reloads the sign-in or sign-up (default
 *     2 seconds)
 * @param emailLinkRedirectUrl where an opened email link sends the browser, or null for the
 *     redirect strategy's URL
 */
public record BrowserSignInOptions(
    RedirectStrategy redirect,
    UrlOpener opener,
    Duration timeout,
    Consumer<URI> onUrl,
    URI completionUrl,
    Duration emailLinkPollInterval,
    URI emailLinkRedirectUrl) {

  /** The default flow timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

  /** Applies the defaults to null fields and checks the durations. */
  public BrowserSignInOptions {
    redirect = redirect == null ? RedirectStrategy.loopback() : redirect;
    opener = opener == null ? UrlOpener.system() : opener;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    onUrl = onUrl == null ? url -> {} : onUrl;
    emailLinkPollInterval =
        emailLinkPollInterval == null ? Duration.ofSeconds(2) : emailLinkPollInterval;
    if (timeout.isNegative() || timeout.isZero()) throw invalid("timeout must be positive");
    if (completionUrl != null
        && !"http".equalsIgnoreCase(completionUrl.getScheme())
        && !"https".equalsIgnoreCase(completionUrl.getScheme())) {
      throw invalid("completionUrl must be an http or https URL: " + completionUrl);
    }
    if (emailLinkPollInterval.isNegative() || emailLinkPollInterval.isZero()) {
      throw invalid("emailLinkPollInterval must be positive");
    }
  }

  /** Returns the defaults: loopback on a random port, the system browser, 3 minutes. */
  public static BrowserSignInOptions defaults() {
    return builder().build();
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BrowserSignInOptions}. */
  public static final class Builder {
    private RedirectStrategy redirect;
    private UrlOpener opener;
    private Duration timeout;
    private Consumer<URI> onUrl;
    private URI completionUrl;
    private Duration emailLinkPollInterval;
    private URI emailLinkRedirectUrl;

    private Builder() {}

    /**
     * Sets how the browser comes back.
     *
     * @param value the strategy
     * @return this builder
     */
    public Builder redirect(RedirectStrategy value) {
      this.redirect = require(value, "redirect");
      return this;
    }

    /**
     * Sets how URLs are opened.
     *
     * @param value the opener
     * @return this builder
     */
    public Builder opener(UrlOpener value) {
      this.opener = require(value, "opener");
      return this;
    }

    /**
     * Sets how long a flow waits for the browser.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder timeout(Duration value) {
      this.timeout = require(value, "timeout");
      return this;
    }

    /**
     * Tells the app every URL before it is opened (runs on a clerk-fx background thread).
     *
     * @param value the listener
     * @return this builder
     */
    public Builder onUrl(Consumer<URI> value) {
      this.onUrl = require(value, "onUrl");
      return this;
    }

    /**
     * Sends the browser to the app's own page once the callback arrived (loopback strategy).
     *
     * @param value an http or https URL
     * @return this builder
     */
    public Builder completionUrl(URI value) {
      this.completionUrl = require(value, "completionUrl");
      return this;
    }

    /**
     * Sets how often an email-link flow checks whether the link was opened.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder emailLinkPollInterval(Duration value) {
      this.emailLinkPollInterval = require(value, "emailLinkPollInterval");
      return this;
    }

    /**
     * Sets where an opened email link sends the browser (for example the app's web page).
     *
     * @param value the URL
     * @return this builder
     */
    public Builder emailLinkRedirectUrl(URI value) {
      this.emailLinkRedirectUrl = require(value, "emailLinkRedirectUrl");
      return this;
    }

    /** Builds the options. */
    public BrowserSignInOptions build() {
      return new BrowserSignInOptions(
          redirect,
          opener,
          timeout,
          onUrl,
          completionUrl,
          emailLinkPollInterval,
          emailLinkRedirectUrl);
    }
  }

  /** Returns {@code value}, or throws the configuration error for a null {@code name}. */
  static <T> T require(T value, String name) {
    if (value == null) {
      throw invalid(name + " must not be null");
    }
    return value;
  }

  /** A browser sign-in setting the SDK cannot use (code {@code invalid_browser_sign_in}). */
  static ClerkConfigurationException invalid(String message) {
    return new ClerkConfigurationException("invalid_browser_sign_in", message);
  }
}
