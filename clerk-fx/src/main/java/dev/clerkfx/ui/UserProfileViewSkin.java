package dev.clerkfx.ui;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.internal.ui.Avatar;
import dev.clerkfx.internal.ui.Identity;
import dev.clerkfx.internal.ui.UiText;
import dev.clerkfx.model.User;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The look of {@link UserProfileView}: a header, then the Profile and Security pages as tabs that
 * scroll.
 */
final class UserProfileViewSkin extends SkinBase<UserProfileView> {
  private final UiText words;
  private final Avatar avatar = new Avatar(56);
  private final Label name = new Label();
  private final Label detail = new Label();
  private final TabPane tabs = new TabPane();
  private final Tab profileTab;
  private final Tab securityTab;
  private final ProfilePage profile;
  private final SecurityPage security;

  UserProfileViewSkin(UserProfileView control) {
    super(control);
    ClerkClient client = control.getClient();
    this.words = UiText.load("account", client.locale());
    FormKit kit = new FormKit(control);
    this.profile = new ProfilePage(kit);
    this.security = new SecurityPage(kit);
    name.getStyleClass().add("clerk-title");
    detail.getStyleClass().add("clerk-secondary");
    HBox header = new HBox(14, avatar, new VBox(2, name, detail));
    header.setAlignment(Pos.CENTER_LEFT);
    header.getStyleClass().add("clerk-profile-header");

    profileTab = new Tab(words.get("profile.tab.profile"), page(profile.root));
    profileTab.setId("clerk-profile-tab-profile");
    securityTab = new Tab(words.get("profile.tab.security"), page(security.root));
    securityTab.setId("clerk-profile-tab-security");
    tabs.getTabs().addAll(profileTab, securityTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getSelectionModel()
        .select(control.getPage() == UserProfileView.Page.SECURITY ? securityTab : profileTab);
    tabs.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              control.setPage(
                  now == securityTab
                      ? UserProfileView.Page.SECURITY
                      : UserProfileView.Page.PROFILE);
              if (now == securityTab && client.auth().getSnapshot().signedIn()) security.shown();
            });
    registerChangeListener(
        control.pageProperty(),
        o ->
            tabs.getSelectionModel()
                .select(
                    control.getPage() == UserProfileView.Page.SECURITY ? securityTab : profileTab));

    VBox root = new VBox(12, header, tabs);
    root.getStyleClass().add("clerk-profile-root");
    getChildren().add(root);
    registerChangeListener(client.auth().snapshotProperty(), o -> update());
    update();
    if (control.getPage() == UserProfileView.Page.SECURITY
        && client.auth().getSnapshot().signedIn()) {
      security.shown();
    }
  }

  private static ScrollPane page(VBox content) {
    content.getStyleClass().add("clerk-profile-page");
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("clerk-scroll");
    return scroll;
  }

  private void update() {
    AuthSnapshot s = getSkinnable().getClient().auth().getSnapshot();
    tabs.setDisable(s.user().isEmpty());
    if (s.user().isEmpty()) {
      avatar.show("", "", "");
      name.setText(words.get("profile.signedOut"));
      detail.setText("");
      return;
    }
    User user = s.user().get();
    Identity me = Identity.of(user);
    avatar.show(me.name(), me.key(), me.imageUrl());
    name.setText(me.name());
    detail.setText(me.detail());
    profile.update(user, getSkinnable().getClient().environment());
    security.update(user, getSkinnable().getClient().environment());
  }
}
