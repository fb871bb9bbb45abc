/**
 * How browser sign-in reaches the system browser and gets back into the app: {@link
 * dev.clerkfx.browser.UrlOpener} (how URLs are opened), {@link
 * dev.clerkfx.browser.RedirectStrategy} (a loopback listener, or a custom URL scheme with {@link
 * dev.clerkfx.browser.UrlSchemeHandoff}, registered with the OS by {@link
 * dev.clerkfx.browser.UrlSchemeRegistration}), {@link dev.clerkfx.browser.BrowserSignInOptions}
 * (set once with {@code ClerkClient.Builder.browserSignIn}), {@link
 * dev.clerkfx.browser.BrowserSignInException} and {@link
 * dev.clerkfx.browser.UrlSchemeRegistrationException}.
 *
 * <p>The verbs themselves are on {@code clerk.signIn()} and {@code clerk.signUp()}: {@code
 * withOAuth}, {@code withEnterpriseSso}, {@code withHostedPages}, {@code withEmailLink}.
 */
package dev.clerkfx.browser;
