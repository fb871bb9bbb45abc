package dev.clerkfx.internal.ui;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Carries a component's look into the windows it opens (popups and dialogs have scenes of their
 * own).
 */
public final class Themes {
  /** The style class every prebuilt component carries (published as {@code ClerkUi}'s). */
  public static final String COMPONENT_STYLE_CLASS = "clerk-component";

  /** The style class of the dark palette (published as {@code ClerkUi}'s). */
  public static final String DARK_STYLE_CLASS = "clerk-dark";

  private static final String STYLESHEET =
      Objects.requireNonNull(
              Themes.class.getResource("/dev/clerkfx/ui/clerk-fx.css"), "clerk-fx.css")
          .toExternalForm();

  private Themes() {}

  /** The URL of the components' one stylesheet. */
  public static String stylesheet() {
    return STYLESHEET;
  }

  /** True when {@code node} or one of its ancestors carries {@link #DARK_STYLE_CLASS}. */
  public static boolean isDark(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n.getStyleClass().contains(DARK_STYLE_CLASS)) return true;
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
    if (!root.getStylesheets().contains(stylesheet())) root.getStylesheets().add(stylesheet());
    if (!root.getStyleClass().contains(COMPONENT_STYLE_CLASS)) {
      root.getStyleClass().add(COMPONENT_STYLE_CLASS);
    }
    root.getStyleClass().remove(DARK_STYLE_CLASS);
    if (owner != null && isDark(owner)) root.getStyleClass().add(DARK_STYLE_CLASS);
  }
}
