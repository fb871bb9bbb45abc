package dev.clerkfx.ui;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.internal.ui.Avatar;
import dev.clerkfx.internal.ui.FxAsync;
import dev.clerkfx.internal.ui.Identity;
import dev.clerkfx.internal.ui.InlineMessage;
import dev.clerkfx.internal.ui.MenuPopup;
import dev.clerkfx.internal.ui.Menus;
import dev.clerkfx.internal.ui.Themes;
import dev.clerkfx.internal.ui.UiText;
import dev.clerkfx.model.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The look of {@link UserButton}: the avatar (and name), and the account menu in a popup. */
final class UserButtonSkin extends SkinBase<UserButton> {
  private static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
  private static final PseudoClass SIGNED_IN = PseudoClass.getPseudoClass("signed-in");

  private final UiText words;
  private final UiText common;
  private final Avatar avatar = new Avatar(32);
  private final Label name = new Label();
  private final HBox face;
  private final InlineMessage message;
  private final MenuPopup menu;

  UserButtonSkin(UserButton control) {
    super(control);
    ClerkClient client = control.getClient();
    this.words = UiText.load("account", client.locale());
    this.common = UiText.load("common", client.locale());
    this.message = new InlineMessage(common);
    this.menu =
        new MenuPopup(
            control,
            () -> {
              control.setShowing(false);
              message.clear();
            });
    name.getStyleClass().add("clerk-user-button-name");
    name.visibleProperty().bind(control.showNameProperty());
    name.managedProperty().bind(name.visibleProperty());
    face = new HBox(8, avatar, name);
    face.setAlignment(Pos.CENTER_LEFT);
    face.getStyleClass().add("clerk-user-button-face");
    getChildren().add(face);

    Menus.opener(control, menu::isShowing, this::showMenu, this::hideMenu);
    registerChangeListener(client.auth().snapshotProperty(), o -> update());
    registerChangeListener(
        control.busyProperty(), o -> control.pseudoClassStateChanged(BUSY, control.isBusy()));
    update();
  }

  private AuthSnapshot snapshot() {
    return getSkinnable().getClient().auth().getSnapshot();
  }

  private void update() {
    UserButton control = getSkinnable();
    AuthSnapshot s = snapshot();
    boolean signedIn = s.signedIn();
    control.pseudoClassStateChanged(SIGNED_IN, signedIn);
    face.setVisible(signedIn);
    if (signedIn) {
      Identity me = Identity.of(s.user().orElseThrow());
      avatar.show(me.name(), me.key(), me.imageUrl());
      name.setText(me.name());
      control.setAccessibleText(words.get("userButton.accessible", me.name()));
    } else {
      avatar.show("", "", "");
      name.setText("");
      control.setAccessibleText(words.get("userButton.accessibleSignedOut"));
      hideMenu();
    }
    if (menu.isShowing()) fillMenu(false);
  }

  void showMenu() {
    if (!snapshot().signedIn()) return;
    message.clear();
    fillMenu(true);
    getSkinnable().setShowing(menu.isShowing());
  }

  void hideMenu() {
    menu.hide();
  }

  private static boolean multiSession(ClerkClient client, List<Session> sessions) {
    return sessions.size() > 1
        || client.environment().map(e -> !e.authConfig().singleSessionMode()).orElse(false);
  }

  private void fillMenu(boolean focus) {
    UserButton control = getSkinnable();
    ClerkClient client = control.getClient();
    AuthSnapshot s = snapshot();
    if (!s.signedIn()) return;
    Identity me = Identity.of(s.user().orElseThrow());
    String currentId = s.sessionId().orElse("");
    List<Session> sessions = s.activeOrPendingSessions();

    VBox content = new VBox();
    content.getStyleClass().addAll("clerk-menu", "clerk-user-button-menu");
    Avatar big = new Avatar(44);
    big.show(me.name(), me.key(), me.imageUrl());
    HBox header = MenuPopup.row(big, me.name(), me.detail(), "clerk-title");
    header.getStyleClass().add("clerk-menu-header");
    content.getChildren().add(header);

    List<Button> items = new ArrayList<>();
    items.add(
        MenuPopup.item(
            "clerk-user-button-manage", words.get("userButton.manage"), this::openProfile));
    content.getChildren().add(items.get(0));

    if (multiSession(client, sessions)) {
      content.getChildren().add(new Separator());
      for (Session other : sessions) {
        if (other.id().equals(currentId)) continue;
        Identity id = Identity.of(other);
        Avatar a = new Avatar(28);
        a.show(id.name(), id.key(), id.imageUrl());
        Button b =
            MenuPopup.item("clerk-user-button-session-" + other.id(), null, () -> switchTo(other));
        b.setGraphic(MenuPopup.row(a, id.name(), id.detail(), null));
        b.setAccessibleText(words.get("userButton.switchTo", id.name()));
        b.getStyleClass().add("clerk-menu-account");
        items.add(b);
        content.getChildren().add(b);
      }
      Button b =
          MenuPopup.item(
              "clerk-user-button-add-account",
              words.get("userButton.addAccount"),
              () -> {
                hideMenu();
                EventHandler<ActionEvent> add = control.getOnAddAccount();
                if (add != null) {
                  add.handle(new ActionEvent(control, control));
                } else {
                  SignInDialog dialog = new SignInDialog(client);
                  if (control.getScene() != null && control.getScene().getWindow() != null) {
                    dialog.initOwner(control.getScene().getWindow());
                  }
                  Themes.adopt(dialog.getDialogPane(), control);
                  dialog.show();
                }
              });
      items.add(b);
      content.getChildren().add(b);
    }

    content.getChildren().add(new Separator());
    boolean several = sessions.size() > 1;
    Button signOut =
        MenuPopup.item(
            "clerk-user-button-sign-out",
            words.get("userButton.signOut"),
            () -> run(several ? client.signOut(currentId) : client.signOut()));
    items.add(signOut);
    content.getChildren().add(signOut);
    if (several) {
      Button all =
          MenuPopup.item(
              "clerk-user-button-sign-out-all",
              words.get("userButton.signOutAll"),
              () -> run(client.signOut()));
      items.add(all);
      content.getChildren().add(all);
    }
    ProgressIndicator progress = new ProgressIndicator();
    progress.getStyleClass().add("clerk-progress");
    progress.setPrefSize(18, 18);
    progress.visibleProperty().bind(control.busyProperty());
    progress.managedProperty().bind(progress.visibleProperty());
    progress.setAccessibleText(common.get("common.working"));
    content.getChildren().addAll(progress, message);
    for (Button b : items) b.disableProperty().bind(control.busyProperty());
    menu.show(content, items, focus);
  }

  private void switchTo(Session session) {
    ClerkClient client = getSkinnable().getClient();
    run(client.setActive(session.id(), session.lastActiveOrganizationId().orElse(null)));
  }

  private void run(CompletableFuture<?> action) {
    UserButton control = getSkinnable();
    control.setBusy(true);
    message.clear();
    FxAsync.onFx(
        action,
        (v, e) -> {
          control.setBusy(false);
          if (e != null && snapshot().signedIn()) {
            message.showError(e);
          } else {
            hideMenu();
          }
        });
  }

  private void openProfile() {
    UserButton control = getSkinnable();
    hideMenu();
    UserProfileView.openDialog(control.getClient(), control);
  }

  @Override
  public void dispose() {
    hideMenu();
    super.dispose();
  }

  @Override
  protected double computePrefWidth(
      double height, double top, double right, double bottom, double left) {
    return left + face.prefWidth(-1) + right;
  }

  @Override
  protected double computePrefHeight(
      double width, double top, double right, double bottom, double left) {
    return top + face.prefHeight(-1) + bottom;
  }
}
