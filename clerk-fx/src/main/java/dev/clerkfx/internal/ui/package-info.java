/**
 * Internals of the prebuilt JavaFX components: localized text, the stylesheet and shared building
 * blocks.
 *
 * <p>Nothing here is public API; {@code dev.clerkfx.ui} holds the components.
 */
package dev.clerkfx.internal.ui;
