package dev.clerkfx.ui;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.internal.ui.Avatar;
import dev.clerkfx.internal.ui.FxAsync;
import dev.clerkfx.internal.ui.Identity;
import dev.clerkfx.internal.ui.InlineMessage;
import dev.clerkfx.internal.ui.MenuPopup;
import dev.clerkfx.internal.ui.Menus;
import dev.clerkfx.internal.ui.UiText;
import dev.clerkfx.model.Organization;
import dev.clerkfx.model.OrganizationInvitation;
import dev.clerkfx.model.OrganizationMembership;
import dev.clerkfx.model.PublicOrganizationData;
import dev.clerkfx.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The look of {@link OrganizationSwitcher}: the active organization, and the switch menu in a
 * popup.
 */
final class OrganizationSwitcherSkin extends SkinBase<OrganizationSwitcher> {
  private static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
  private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

  private final UiText words;
  private final UiText common;
  private final Avatar avatar = new Avatar(28);
  private final Label name = new Label();
  private final HBox face;
  private final InlineMessage message;
  private final MenuPopup menu;
  private final List<OrganizationInvitation> invitations = new ArrayList<>();
  private final TextField newName = new TextField();
  private boolean creating;

  OrganizationSwitcherSkin(OrganizationSwitcher control) {
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
    name.getStyleClass().add("clerk-organization-switcher-name");
    Region arrow = new Region();
    arrow.getStyleClass().add("clerk-arrow");
    face = new HBox(8, avatar, name, arrow);
    face.setAlignment(Pos.CENTER_LEFT);
    face.getStyleClass().add("clerk-organization-switcher-face");
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
    OrganizationSwitcher control = getSkinnable();
    AuthSnapshot s = snapshot();
    face.setVisible(s.signedIn());
    if (!s.signedIn()) {
      avatar.show("", "", "");
      name.setText("");
      hideMenu();
      return;
    }
    Optional<Organization> org = active(s);
    if (org.isPresent()) {
      Organization o = org.get();
      String n = o.name().orElse(o.slug().orElse(o.id()));
      avatar.show(n, o.id(), o.imageUrl().orElse(""));
      name.setText(n);
    } else {
      Identity me = Identity.of(s.user().orElseThrow());
      avatar.show(me.name(), me.key(), me.imageUrl());
      name.setText(words.get("organizations.personal"));
    }
    control.setAccessibleText(words.get("organizations.accessible", name.getText()));
    if (menu.isShowing()) fillMenu(false);
  }

  private static Optional<Organization> active(AuthSnapshot s) {
    Optional<String> id = s.organizationId();
    if (id.isEmpty()) return Optional.empty();
    return s.user().flatMap(u -> u.membership(id.get())).map(OrganizationMembership::organization);
  }

  void showMenu() {
    if (!snapshot().signedIn()) return;
    message.clear();
    creating = false;
    loadInvitations();
    fillMenu(true);
    getSkinnable().setShowing(menu.isShowing());
  }

  void hideMenu() {
    menu.hide();
  }

  private void fillMenu(boolean focus) {
    OrganizationSwitcher control = getSkinnable();
    AuthSnapshot s = snapshot();
    if (!s.signedIn()) return;
    if (creating) {
      fillCreate(focus);
      return;
    }
    User user = s.user().orElseThrow();
    String current = s.organizationId().orElse("");

    VBox content = new VBox();
    content.getStyleClass().addAll("clerk-menu", "clerk-organization-switcher-menu");
    List<Button> items = new ArrayList<>();
    if (!control.isHidePersonal()) {
      Identity me = Identity.of(user);
      Avatar a = new Avatar(28);
      a.show(me.name(), me.key(), me.imageUrl());
      Button personal = MenuPopup.item("clerk-organization-personal", null, () -> switchTo(null));
      personal.setGraphic(MenuPopup.row(a, words.get("organizations.personal"), me.detail(), null));
      personal.setAccessibleText(
          words.get("organizations.switchTo", words.get("organizations.personal")));
      personal.pseudoClassStateChanged(CURRENT, current.isEmpty());
      items.add(personal);
      content.getChildren().add(personal);
    }
    for (OrganizationMembership m : user.organizationMemberships()) {
      Organization o = m.organization();
      String n = o.name().orElse(o.slug().orElse(o.id()));
      Avatar a = new Avatar(28);
      a.show(n, o.id(), o.imageUrl().orElse(""));
      Button b = MenuPopup.item("clerk-organization-" + o.id(), null, () -> switchTo(o.id()));
      b.setGraphic(MenuPopup.row(a, n, roleName(m), null));
      b.setAccessibleText(words.get("organizations.switchTo", n));
      b.pseudoClassStateChanged(CURRENT, o.id().equals(current));
      items.add(b);
      content.getChildren().add(b);
    }
    if (user.organizationMemberships().isEmpty() && control.isHidePersonal()) {
      Label none = new Label(words.get("organizations.none"));
      none.getStyleClass().add("clerk-secondary");
      content.getChildren().add(none);
    }
    addActions(content, items, user);
    ProgressIndicator progress = progress(control);
    progress.setAccessibleText(common.get("common.working"));
    content.getChildren().addAll(progress, message);
    for (Button b : items) b.disableProperty().bind(control.busyProperty());
    menu.show(content, items, focus);
  }

  /** Pending invitations to join, then "Create organization". */
  private void addActions(VBox content, List<Button> items, User user) {
    if (!invitations.isEmpty()) {
      content.getChildren().add(new Separator());
      Label title = new Label(words.get("organizations.invitations"));
      title.getStyleClass().add("clerk-secondary");
      content.getChildren().add(title);
      for (OrganizationInvitation invitation : invitations) {
        String n =
            invitation
                .publicOrganizationData()
                .flatMap(PublicOrganizationData::name)
                .orElse(
                    invitation.publicOrganizationData().map(PublicOrganizationData::id).orElse(""));
        Avatar a = new Avatar(28);
        a.show(
            n,
            invitation.publicOrganizationData().map(PublicOrganizationData::id).orElse(n),
            invitation
                .publicOrganizationData()
                .flatMap(PublicOrganizationData::imageUrl)
                .orElse(""));
        Button join =
            MenuPopup.item(
                "clerk-organization-invitation-" + invitation.id(), null, () -> accept(invitation));
        HBox row = MenuPopup.row(a, n, words.get("organizations.join"), null);
        join.setGraphic(row);
        join.setAccessibleText(words.get("organizations.joinOf", n));
        items.add(join);
        content.getChildren().add(join);
      }
    }
    if (user.createOrganizationEnabled()) {
      content.getChildren().add(new Separator());
      Button create =
          MenuPopup.item(
              "clerk-organization-create",
              words.get("organizations.create"),
              () -> {
                creating = true;
                fillMenu(true);
              });
      items.add(create);
      content.getChildren().add(create);
    }
  }

  /** The "create organization" form, in place of the list. */
  private void fillCreate(boolean focus) {
    OrganizationSwitcher control = getSkinnable();
    VBox content = new VBox(8);
    content.getStyleClass().addAll("clerk-menu", "clerk-organization-switcher-menu");
    Label title = new Label(words.get("organizations.create"));
    title.getStyleClass().add("clerk-title");
    Label label = new Label(words.get("organizations.name"));
    label.setLabelFor(newName);
    newName.setId("clerk-organization-create-name");
    newName.setAccessibleText(label.getText());
    Button create =
        MenuPopup.item(
            "clerk-organization-create-submit",
            words.get("organizations.createSubmit"),
            this::create);
    create.getStyleClass().add("clerk-button-primary");
    Button cancel =
        MenuPopup.item(
            "clerk-organization-create-cancel",
            common.get("common.cancel"),
            () -> {
              creating = false;
              fillMenu(true);
            });
    newName.setOnAction(e -> create());
    newName.disableProperty().bind(control.busyProperty());
    create.disableProperty().bind(control.busyProperty().or(newName.textProperty().isEmpty()));
    cancel.disableProperty().bind(control.busyProperty());
    ProgressIndicator progress = progress(control);
    content.getChildren().addAll(title, label, newName, create, cancel, progress, message);
    menu.show(content, List.of(create, cancel), false);
    if (focus) javafx.application.Platform.runLater(newName::requestFocus);
  }

  private void create() {
    String n = newName.getText().strip();
    if (n.isEmpty()) return;
    ClerkClient client = getSkinnable().getClient();
    run(
        client
            .organizations()
            .create(n, null)
            .thenCompose(o -> client.organizations().setActive(o.id())),
        () -> {
          newName.clear();
          creating = false;
        });
  }

  private void accept(OrganizationInvitation invitation) {
    ClerkClient client = getSkinnable().getClient();
    run(
        client.organizations().acceptInvitation(invitation.id()),
        () -> invitations.remove(invitation));
  }

  private void loadInvitations() {
    FxAsync.onFx(
        getSkinnable().getClient().organizations().invitations(),
        (list, e) -> {
          if (list == null)
            return; // invitations are extra: a failure leaves the rest of the menu usable
          invitations.clear();
          invitations.addAll(list);
          if (menu.isShowing() && !creating) fillMenu(false);
        });
  }

  private static ProgressIndicator progress(OrganizationSwitcher control) {
    ProgressIndicator progress = new ProgressIndicator();
    progress.getStyleClass().add("clerk-progress");
    progress.setPrefSize(18, 18);
    progress.visibleProperty().bind(control.busyProperty());
    progress.managedProperty().bind(progress.visibleProperty());
    return progress;
  }

  private String roleName(OrganizationMembership m) {
    if (m.roleName().isPresent()) return m.roleName().get();
    String role = m.role();
    return switch (role) {
      case "org:admin" -> words.get("organizations.role.admin");
      case "org:member" -> words.get("organizations.role.member");
      default -> role.startsWith("org:") ? role.substring(4) : role;
    };
  }

  private void switchTo(String organizationId) {
    String current = snapshot().organizationId().orElse(null);
    if (Objects.equals(current, organizationId)) {
      hideMenu();
      return;
    }
    run(getSkinnable().getClient().organizations().setActive(organizationId), () -> {});
  }

  /**
   * Runs an action with progress; on success {@code then} runs and the menu closes, on failure it
   * says why.
   */
  private void run(CompletableFuture<?> action, Runnable then) {
    OrganizationSwitcher control = getSkinnable();
    control.setBusy(true);
    message.clear();
    FxAsync.onFx(
        action,
        (v, e) -> {
          control.setBusy(false);
          if (e != null) {
            message.showError(e);
          } else {
            then.run();
            hideMenu();
          }
        });
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
