package dev.clerkfx.ui;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkFx;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * The signed-in user's avatar as a button that opens the account menu: name and email, "Manage
 * account" (the {@link UserProfileView} in a dialog), on multi-session instances the other
 * signed-in accounts to switch to and "Add account" (a {@link SignInDialog}, or the app's own
 * {@linkplain #onAddAccountProperty() action}), and "Sign out".
 *
 * <p>The avatar loads in the background and is cached; the user's initials on a coloured circle
 * show until it has loaded, and whenever it cannot load (offline). While signed out the button
 * shows nothing and opens no menu; the pseudo-class {@code :signed-in} tells the states apart in
 * CSS, {@code :busy} marks an action under way.
 *
 * <pre>{@code
 * toolbar.getItems().add(new UserButton(clerk));          // or <UserButton/> in FXML with ClerkFx.install(clerk)
 * }</pre>
 *
 * <p>FX Application Thread only. Actions run in the background; the menu shows progress and keeps
 * itself open with an inline message when one fails.
 */
public final class UserButton extends Control {
  /** The style class of the button. */
  public static final String DEFAULT_STYLE_CLASS = "clerk-user-button";

  private final ClerkClient client;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
  private BooleanProperty showName;
  private ObjectProperty<EventHandler<ActionEvent>> onAddAccount;

  /** Creates a button for the app's installed client ({@link ClerkFx#client()}), for FXML. */
  public UserButton() {
    this(ClerkFx.client());
  }

  /**
   * Creates a button for {@code client}.
   *
   * @param client the client whose user it shows
   */
  public UserButton(ClerkClient client) {
    this.client = Objects.requireNonNull(client, "client");
    getStyleClass().addAll(ClerkUi.COMPONENT_STYLE_CLASS, DEFAULT_STYLE_CLASS);
    setAccessibleRole(AccessibleRole.MENU_BUTTON);
    setFocusTraversable(true);
  }

  /** Returns the client this button shows. */
  public ClerkClient getClient() {
    return client;
  }

  /** Whether the user's name shows beside the avatar (default: avatar only). */
  public BooleanProperty showNameProperty() {
    if (showName == null) showName = new SimpleBooleanProperty(this, "showName", false);
    return showName;
  }

  /** Returns {@link #showNameProperty()}'s value. */
  public boolean isShowName() {
    return showName != null && showName.get();
  }

  /** Sets {@link #showNameProperty()}'s value. */
  public void setShowName(boolean value) {
    showNameProperty().set(value);
  }

  /**
   * What "Add account" does on a multi-session instance, for apps with their own sign-in screen; a
   * new sign-in then becomes the current session. While null (the default), "Add account" opens a
   * {@link SignInDialog}. Called on the FX Application Thread, after the menu closed.
   */
  public ObjectProperty<EventHandler<ActionEvent>> onAddAccountProperty() {
    if (onAddAccount == null) onAddAccount = new SimpleObjectProperty<>(this, "onAddAccount");
    return onAddAccount;
  }

  /** Returns {@link #onAddAccountProperty()}'s value. */
  public EventHandler<ActionEvent> getOnAddAccount() {
    return onAddAccount == null ? null : onAddAccount.get();
  }

  /** Sets {@link #onAddAccountProperty()}'s value. */
  public void setOnAddAccount(EventHandler<ActionEvent> value) {
    onAddAccountProperty().set(value);
  }

  /** True while an action of the menu (switch, sign-out) is under way. */
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

  /** True while the menu is open. */
  public ReadOnlyBooleanProperty showingProperty() {
    return showing.getReadOnlyProperty();
  }

  /** Returns {@link #showingProperty()}'s value. */
  public boolean isShowing() {
    return showing.get();
  }

  void setShowing(boolean value) {
    showing.set(value);
  }

  /** Opens the menu below the button (when signed in). */
  public void show() {
    if (getSkin() instanceof UserButtonSkin s) s.showMenu();
  }

  /** Closes the menu. */
  public void hide() {
    if (getSkin() instanceof UserButtonSkin s) s.hideMenu();
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new UserButtonSkin(this);
  }

  @Override
  public String getUserAgentStylesheet() {
    return ClerkUi.stylesheet();
  }
}
