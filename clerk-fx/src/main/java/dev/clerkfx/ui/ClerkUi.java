package dev.clerkfx.ui;

import dev.clerkfx.internal.ui.Themes;

/**
 * Shared facts about the prebuilt components.
 *
 * <p>Every component already uses {@link #stylesheet()} as its user-agent stylesheet; add it to a
 * {@code Scene} only when your own nodes should use the same looked-up colours, for example:
 *
 * <pre>{@code
 * scene.getStylesheets().add(ClerkUi.stylesheet());
 * }</pre>
 */
public final class ClerkUi {
  /** The style class every prebuilt component carries; its looked-up colours are defined on it. */
  public static final String COMPONENT_STYLE_CLASS = Themes.COMPONENT_STYLE_CLASS;

  /** The style class that switches a component (or everything under a node) to the dark palette. */
  public static final String DARK_STYLE_CLASS = Themes.DARK_STYLE_CLASS;

  private ClerkUi() {}

  /** The URL of the components' one stylesheet, as {@code Scene.getStylesheets()} takes it. */
  public static String stylesheet() {
    return Themes.stylesheet();
  }
}
