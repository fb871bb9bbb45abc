/**
 * The single-instance URL hand-off behind {@code dev.clerkfx.browser.UrlSchemeHandoff}: the first
 * process of an app listens on loopback, later launches forward their URL arguments to it and exit.
 */
package dev.clerkfx.internal.handoff;
