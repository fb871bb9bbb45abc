package dev.clerkfx.internal.ui;

import dev.clerkfx.ui.ClerkUi;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Carries a component's look into the windows it opens (popups and dialogs have scenes of their
 * own).
 */
public final class Themes {
  private Themes() {}

  /** True when {@code node} or one of its ancestors carries {@link ClerkUi#DARK_STYLE_CLASS}. */
  public static boolean isDark(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n.getStyleClass().contains(ClerkUi.DARK_STYLE_CLASS)) return true;
    }
    return false;
  }

  /**
   * Makes {@code root} of a popup or dialog a Clerk component in the same light or dark palette as
   * {@code owner}.
   *
   * @param root the new window's root
   * @param owner the component that opens it
   */
  public static void adopt(Parent root, Node owner) {
    if (!root.getStylesheets().contains(ClerkUi.stylesheet()))
      root.getStylesheets().add(ClerkUi.stylesheet());
    if (!root.getStyleClass().contains(ClerkUi.COMPONENT_STYLE_CLASS)) {
      root.getStyleClass().add(ClerkUi.COMPONENT_STYLE_CLASS);
    }
    root.getStyleClass().remove(ClerkUi.DARK_STYLE_CLASS);
    if (owner != null && isDark(owner)) root.getStyleClass().add(ClerkUi.DARK_STYLE_CLASS);
  }
}
