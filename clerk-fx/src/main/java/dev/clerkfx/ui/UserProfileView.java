package dev.clerkfx.ui;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkFx;
import dev.clerkfx.internal.ui.Themes;
import dev.clerkfx.internal.ui.UiText;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Skin;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The signed-in user's account page, in two parts: <b>Profile</b> (name, username, picture, email
 * addresses, phone numbers, connected accounts) and <b>Security</b> (password, two-step
 * verification with an authenticator app and backup codes, signed-in devices, account deletion).
 * Where Clerk asks the user to confirm who they are before a sensitive change, the view asks for it
 * and then completes the change.
 *
 * <pre>{@code
 * tabPane.getTabs().add(new Tab("Account", new UserProfileView(clerk)));   // or <UserProfileView/> in FXML
 * }</pre>
 *
 * <p>FX Application Thread only. Every change runs in the background: the form shows progress,
 * keeps what was typed, and ends with an inline message.
 */
public final class UserProfileView extends Control {
  /** The style class of the view. */
  public static final String DEFAULT_STYLE_CLASS = "clerk-user-profile";

  /** The view's two pages. */
  public enum Page {
    /** Name, username, picture, email addresses, phone numbers, connected accounts. */
    PROFILE,
    /** Password, two-step verification, devices, account deletion. */
    SECURITY
  }

  private final ClerkClient client;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private ObjectProperty<Page> page;

  /** Creates a view of the app's installed client ({@link ClerkFx#client()}), for FXML. */
  public UserProfileView() {
    this(ClerkFx.client());
  }

  /**
   * Creates a view of {@code client}'s signed-in user.
   *
   * @param client the client
   */
  public UserProfileView(ClerkClient client) {
    this.client = Objects.requireNonNull(client, "client");
    getStyleClass().addAll(ClerkUi.COMPONENT_STYLE_CLASS, DEFAULT_STYLE_CLASS);
  }

  /** Returns the client this view shows. */
  public ClerkClient getClient() {
    return client;
  }

  /** The page shown (default {@link Page#PROFILE}). */
  public ObjectProperty<Page> pageProperty() {
    if (page == null) page = new SimpleObjectProperty<>(this, "page", Page.PROFILE);
    return page;
  }

  /** Returns {@link #pageProperty()}'s value. */
  public Page getPage() {
    return page == null ? Page.PROFILE : page.get();
  }

  /** Sets {@link #pageProperty()}'s value. */
  public void setPage(Page value) {
    pageProperty().set(value == null ? Page.PROFILE : value);
  }

  /** True while a change is being sent to Clerk. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Returns {@link #busyProperty()}'s value. */
  public boolean isBusy() {
    return busy.get();
  }

  void setBusy(boolean value) {
    busy.set(value);
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new UserProfileViewSkin(this);
  }

  @Override
  public String getUserAgentStylesheet() {
    return ClerkUi.stylesheet();
  }

  /**
   * Opens the view in a dialog owned by {@code owner}'s window, in its palette; returns at once.
   *
   * @return the dialog (already showing)
   */
  static Dialog<Void> openDialog(ClerkClient client, Node owner) {
    UiText words = UiText.load("account", client.locale());
    Dialog<Void> dialog = new Dialog<>();
    dialog.setTitle(words.get("profile.title"));
    Window window = owner == null || owner.getScene() == null ? null : owner.getScene().getWindow();
    if (window != null) dialog.initOwner(window);
    dialog.initModality(Modality.WINDOW_MODAL);
    dialog.setResizable(true);
    UserProfileView view = new UserProfileView(client);
    view.setId("clerk-user-profile-dialog-view");
    dialog.getDialogPane().setContent(view);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    Themes.adopt(dialog.getDialogPane(), owner);
    dialog.getDialogPane().getStyleClass().add("clerk-dialog");
    // signed out meanwhile (signed out elsewhere, account deleted): nothing left to manage
    javafx.beans.value.ChangeListener<Boolean> signedOut =
        (o, was, now) -> {
          if (!now) dialog.close();
        };
    client.auth().signedInProperty().addListener(signedOut);
    dialog.setOnHidden(e -> client.auth().signedInProperty().removeListener(signedOut));
    dialog.show();
    return dialog;
  }
}
