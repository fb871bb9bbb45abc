/**
 * Prebuilt JavaFX components for Clerk: the sign-in dialog, the user button, the user profile, the
 * organization switcher, and containers that show their content only when signed in, signed out or
 * authorized.
 *
 * <p>Every component is a JavaFX {@code Control} styled by one user-agent stylesheet through
 * looked-up colours ({@code -clerk-primary}, {@code -clerk-background}, {@code -clerk-text}, …), so
 * an application re-themes all of them with a few lines of CSS. Components are created, used and
 * observed on the JavaFX Application Thread only; they never block it.
 */
package dev.clerkfx.ui;
