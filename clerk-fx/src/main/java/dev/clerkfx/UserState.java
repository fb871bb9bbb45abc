package dev.clerkfx;

import dev.clerkfx.account.ProfileUpdate;
import dev.clerkfx.model.EmailAddress;
import dev.clerkfx.model.OrganizationMembership;
import dev.clerkfx.model.User;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What {@code useUser()} returns: the signed-in {@link User} as a read-only JavaFX property,
 * display-ready derived properties, and the verbs to reload or update the profile (the rest of the
 * account is on {@code ClerkClient.account()}).
 *
 * <p>Derived string properties are {@code ""} (never null) when there is no user or the field is
 * empty, so they bind straight to controls. They change on the FX Application Thread in the same
 * step as {@code user}, which is set before {@code signedIn} turns true.
 *
 * <pre>{@code
 * nameLabel.textProperty().bind(ClerkFx.useUser().fullNameProperty());
 * avatar.imageProperty().bind(Bindings.createObjectBinding(
 *     () -> new Image(user.getImageUrl(), true), user.imageUrlProperty()));
 * }</pre>
 */
public final class UserState {
  private final ClerkClient client;
  private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
  private final ReadOnlyBooleanWrapper signedIn = new ReadOnlyBooleanWrapper(this, "signedIn");
  private final ReadOnlyObjectWrapper<User> user = new ReadOnlyObjectWrapper<>(this, "user");
  private final ReadOnlyStringWrapper fullName = new ReadOnlyStringWrapper(this, "fullName", "");
  private final ReadOnlyStringWrapper firstName = new ReadOnlyStringWrapper(this, "firstName", "");
  private final ReadOnlyStringWrapper lastName = new ReadOnlyStringWrapper(this, "lastName", "");
  private final ReadOnlyStringWrapper username = new ReadOnlyStringWrapper(this, "username", "");
  private final ReadOnlyStringWrapper primaryEmailAddress =
      new ReadOnlyStringWrapper(this, "primaryEmailAddress", "");
  private final ReadOnlyStringWrapper imageUrl = new ReadOnlyStringWrapper(this, "imageUrl", "");
  private final ObservableList<OrganizationMembership> memberships =
      FXCollections.observableArrayList();
  private final ObservableList<OrganizationMembership> membershipsView =
      FXCollections.unmodifiableObservableList(memberships);

  UserState(ClerkClient client) {
    this.client = client;
  }

  /** Applies the user and its derived values. FX thread only. */
  void applyData(AuthSnapshot s) {
    User u = s.user().orElse(null);
    fullName.set(u == null ? "" : u.fullName().orElse(""));
    firstName.set(u == null ? "" : u.firstName().orElse(""));
    lastName.set(u == null ? "" : u.lastName().orElse(""));
    username.set(u == null ? "" : u.username().orElse(""));
    primaryEmailAddress.set(
        u == null ? "" : u.primaryEmailAddress().map(EmailAddress::emailAddress).orElse(""));
    imageUrl.set(u == null ? "" : u.imageUrl().orElse(""));
    if (!memberships.equals(s.organizationMemberships()))
      memberships.setAll(s.organizationMemberships());
    user.set(u);
  }

  /** Applies the flags. FX thread only. */
  void applySignedIn(AuthSnapshot s) {
    signedIn.set(s.signedIn());
  }

  /** Applies {@code loaded}. FX thread only. */
  void applyLoaded(AuthSnapshot s) {
    loaded.set(s.loaded());
  }

  /** True once the client is known. */
  public ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  /** Returns {@link #loadedProperty()}'s value. */
  public boolean isLoaded() {
    return loaded.get();
  }

  /** True while a user is signed in; {@link #userProperty()} is non-null whenever this is true. */
  public ReadOnlyBooleanProperty signedInProperty() {
    return signedIn.getReadOnlyProperty();
  }

  /** Returns {@link #signedInProperty()}'s value. */
  public boolean isSignedIn() {
    return signedIn.get();
  }

  /** The signed-in user (immutable), null while signed out. */
  public ReadOnlyObjectProperty<User> userProperty() {
    return user.getReadOnlyProperty();
  }

  /** Returns {@link #userProperty()}'s value. */
  public User getUser() {
    return user.get();
  }

  /** First and last name joined by a space; {@code ""} when unknown. */
  public ReadOnlyStringProperty fullNameProperty() {
    return fullName.getReadOnlyProperty();
  }

  /** Returns {@link #fullNameProperty()}'s value. */
  public String getFullName() {
    return fullName.get();
  }

  /** The first name; {@code ""} when unknown. */
  public ReadOnlyStringProperty firstNameProperty() {
    return firstName.getReadOnlyProperty();
  }

  /** Returns {@link #firstNameProperty()}'s value. */
  public String getFirstName() {
    return firstName.get();
  }

  /** The last name; {@code ""} when unknown. */
  public ReadOnlyStringProperty lastNameProperty() {
    return lastName.getReadOnlyProperty();
  }

  /** Returns {@link #lastNameProperty()}'s value. */
  public String getLastName() {
    return lastName.get();
  }

  /** The username; {@code ""} when unknown. */
  public ReadOnlyStringProperty usernameProperty() {
    return username.getReadOnlyProperty();
  }

  /** Returns {@link #usernameProperty()}'s value. */
  public String getUsername() {
    return username.get();
  }

  /** The primary email address; {@code ""} when unknown. */
  public ReadOnlyStringProperty primaryEmailAddressProperty() {
    return primaryEmailAddress.getReadOnlyProperty();
  }

  /** Returns {@link #primaryEmailAddressProperty()}'s value. */
  public String getPrimaryEmailAddress() {
    return primaryEmailAddress.get();
  }

  /** The profile image URL; {@code ""} when unknown. */
  public ReadOnlyStringProperty imageUrlProperty() {
    return imageUrl.getReadOnlyProperty();
  }

  /** Returns {@link #imageUrlProperty()}'s value. */
  public String getImageUrl() {
    return imageUrl.get();
  }

  /**
   * Returns the user's organization memberships (organization name, slug and image; role;
   * permissions): an unmodifiable list, empty while signed out, that changes on the FX thread in
   * the same step as {@link #userProperty()}.
   */
  public ObservableList<OrganizationMembership> getOrganizationMemberships() {
    return membershipsView;
  }

  /**
   * Fetches the user again ({@code GET /v1/me}); the properties follow. Any thread.
   *
   * @return the fresh user; fails with a {@link ClerkException} (or {@code not_signed_in} while
   *     signed out)
   */
  public CompletableFuture<User> reload() {
    return client.reloadUser();
  }

  /**
   * Updates the profile ({@code PATCH /v1/me}); the properties follow. Any thread. The same as
   * {@code ClerkClient.account().updateProfile(update)}; the other account verbs are there.
   *
   * @param update the changes
   * @return the updated user; fails with a {@link ClerkException}
   */
  public CompletableFuture<User> update(ProfileUpdate update) {
    return client.account().updateProfile(update);
  }
}
