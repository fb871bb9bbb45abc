package dev.clerkfx.ui;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkFx;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * The active organization (or the personal account) as a button that opens a menu to switch to
 * another of the user's organizations, create one, or join one the user is invited to.
 *
 * <p>Switching makes the organization active in the current session ({@link
 * ClerkClient#setActive}), so the next session token carries its role and permissions and {@code
 * has(…)} answers for it.
 *
 * <pre>{@code
 * header.getChildren().add(new OrganizationSwitcher(clerk));   // or <OrganizationSwitcher/> in FXML
 * }</pre>
 *
 * <p>FX Application Thread only. Actions run in the background with progress in the menu and an
 * inline message when one fails.
 */
public final class OrganizationSwitcher extends Control {
  /** The style class of the switcher. */
  public static final String DEFAULT_STYLE_CLASS = "clerk-organization-switcher";

  private final ClerkClient client;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
  private BooleanProperty hidePersonal;

  /** Creates a switcher for the app's installed client ({@link ClerkFx#client()}), for FXML. */
  public OrganizationSwitcher() {
    this(ClerkFx.client());
  }

  /**
   * Creates a switcher for {@code client}.
   *
   * @param client the client whose organizations it shows
   */
  public OrganizationSwitcher(ClerkClient client) {
    this.client = Objects.requireNonNull(client, "client");
    getStyleClass().addAll(ClerkUi.COMPONENT_STYLE_CLASS, DEFAULT_STYLE_CLASS);
    setAccessibleRole(AccessibleRole.MENU_BUTTON);
    setFocusTraversable(true);
  }

  /** Returns the client this switcher shows. */
  public ClerkClient getClient() {
    return client;
  }

  /**
   * Whether the personal account is left out of the menu (for apps that work in organizations
   * only).
   */
  public BooleanProperty hidePersonalProperty() {
    if (hidePersonal == null) hidePersonal = new SimpleBooleanProperty(this, "hidePersonal", false);
    return hidePersonal;
  }

  /** Returns {@link #hidePersonalProperty()}'s value. */
  public boolean isHidePersonal() {
    return hidePersonal != null && hidePersonal.get();
  }

  /** Sets {@link #hidePersonalProperty()}'s value. */
  public void setHidePersonal(boolean value) {
    hidePersonalProperty().set(value);
  }

  /** True while a switch, creation or acceptance is under way. */
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

  /** Opens the menu (when signed in). */
  public void show() {
    if (getSkin() instanceof OrganizationSwitcherSkin s) s.showMenu();
  }

  /** Closes the menu. */
  public void hide() {
    if (getSkin() instanceof OrganizationSwitcherSkin s) s.hideMenu();
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new OrganizationSwitcherSkin(this);
  }

  @Override
  public String getUserAgentStylesheet() {
    return ClerkUi.stylesheet();
  }
}
