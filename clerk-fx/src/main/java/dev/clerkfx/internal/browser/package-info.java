/**
 * The machinery of browser sign-in: {@code BrowserFlows} (one flow at a time, timeout,
 * cancellation, OAuth / SSO / hosted auth / email link steps, and the reusable "open this URL and
 * wait for the redirect" entry point), the loopback and custom-scheme receivers, and PKCE.
 */
package dev.clerkfx.internal.browser;
