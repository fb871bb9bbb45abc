/**
 * Per-user OS registration of an app's URL scheme behind {@code
 * dev.clerkfx.browser.UrlSchemeRegistration}: the Windows registry keys (through {@code reg.exe}),
 * the Linux desktop entry (and {@code xdg-mime} / {@code update-desktop-database}), the macOS
 * bundle check, the launcher command the OS starts, and the {@link
 * dev.clerkfx.internal.urlscheme.CommandRunner} seam that lets tests run every platform's logic
 * without touching the machine.
 */
package dev.clerkfx.internal.urlscheme;
