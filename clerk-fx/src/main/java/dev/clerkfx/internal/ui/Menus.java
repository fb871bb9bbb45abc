package dev.clerkfx.internal.ui;

import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Control;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Popup;

/**
 * Keyboard rules of the components' menus: arrows move between items, Enter and Space activate the
 * focused one.
 */
public final class Menus {
  private Menus() {}

  /**
   * Lets Up and Down move focus through {@code items} (wrapping), and Enter activate the focused
   * item.
   *
   * @param menu the menu's root
   * @param items its items in order
   */
  public static void arrowKeys(Parent menu, List<? extends ButtonBase> items) {
    menu.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          int at = -1;
          for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isFocused()) at = i;
          }
          if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
            int step = e.getCode() == KeyCode.DOWN ? 1 : -1;
            for (int n = 1; n <= items.size(); n++) {
              ButtonBase next = items.get(Math.floorMod(at + step * n, items.size()));
              if (!next.isDisabled()) {
                next.requestFocus();
                break;
              }
            }
            e.consume();
          } else if (e.getCode() == KeyCode.ENTER && at >= 0 && !items.get(at).isDisabled()) {
            items.get(at).fire();
            e.consume();
          }
        });
  }

  /** Focuses the first enabled item of a popup once it shows. */
  /**
   * Opens a component's menu as a menu button does: a primary click toggles it (and focuses the
   * component); Enter, Space or Down opens it.
   *
   * @param owner the component
   * @param showing whether the menu is showing now
   * @param show opens the menu
   * @param hide closes the menu
   */
  public static void opener(Control owner, BooleanSupplier showing, Runnable show, Runnable hide) {
    owner.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY) {
            owner.requestFocus();
            if (showing.getAsBoolean()) {
              hide.run();
            } else {
              show.run();
            }
          }
        });
    owner.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER
              || e.getCode() == KeyCode.SPACE
              || e.getCode() == KeyCode.DOWN) {
            show.run();
            e.consume();
          }
        });
  }

  public static void focusFirst(Popup popup) {
    Platform.runLater(
        () -> {
          if (popup.getContent().isEmpty()) return;
          Node first = first(popup.getContent().get(0));
          if (first != null) first.requestFocus();
        });
  }

  private static Node first(Node node) {
    if (node instanceof ButtonBase b && !b.isDisabled() && b.isVisible()) return b;
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        Node found = first(child);
        if (found != null) return found;
      }
    }
    return null;
  }
}
