package dev.clerkfx.internal.ui;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/**
 * The drop-down menu of a component (user button, organization switcher): a popup below its owner
 * in the owner's palette, closed by Escape or a click outside, with arrow-key navigation. FX
 * Application Thread only.
 */
public final class MenuPopup {
  private final Control owner;
  private final Popup popup = new Popup();

  /**
   * Creates the menu of {@code owner}.
   *
   * @param owner the component it drops from
   * @param onHidden runs on the FX Application Thread whenever the menu closes
   */
  public MenuPopup(Control owner, Runnable onHidden) {
    this.owner = owner;
    popup.setAutoHide(true);
    popup.setHideOnEscape(true);
    popup.setAutoFix(true);
    popup.setOnHidden(
        e -> {
          onHidden.run();
          owner.requestFocus();
        });
  }

  /** True while the menu shows. */
  public boolean isShowing() {
    return popup.isShowing();
  }

  /**
   * Shows {@code content} (replacing what showed) below the owner, with arrow keys moving through
   * {@code items}.
   *
   * @param content the menu's root
   * @param items its items in keyboard order
   * @param focus whether to focus the first item (when opening, not when refreshing)
   */
  public void show(VBox content, List<? extends ButtonBase> items, boolean focus) {
    if (owner.getScene() == null || owner.getScene().getWindow() == null) return;
    Themes.adopt(content, owner);
    Menus.arrowKeys(content, items);
    popup.getContent().setAll(content);
    if (!popup.isShowing()) {
      Bounds b = owner.localToScreen(owner.getBoundsInLocal());
      popup.show(owner, b.getMinX(), b.getMaxY() + 4);
    }
    if (focus) Menus.focusFirst(popup);
  }

  /** Closes the menu. */
  public void hide() {
    if (popup.isShowing()) popup.hide();
  }

  /** A full-width menu item. */
  public static Button item(String id, String text, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.getStyleClass().add("clerk-menu-item");
    b.setMaxWidth(Double.MAX_VALUE);
    b.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(b, Priority.ALWAYS);
    b.setMnemonicParsing(false);
    b.setOnAction(e -> action.run());
    return b;
  }

  /** An avatar beside a name and an optional second line. */
  public static HBox row(Avatar avatar, String name, String detail, String nameStyle) {
    Label n = new Label(name);
    if (nameStyle != null) n.getStyleClass().add(nameStyle);
    Label d = new Label(detail == null ? "" : detail);
    d.getStyleClass().add("clerk-secondary");
    d.setVisible(detail != null && !detail.isEmpty());
    d.managedProperty().bind(d.visibleProperty());
    HBox row = new HBox(10, avatar, new VBox(1, n, d));
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }
}
