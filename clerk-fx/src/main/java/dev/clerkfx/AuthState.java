package dev.clerkfx;

import dev.clerkfx.model.Actor;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.SessionClaims;
import dev.clerkfx.model.SessionTask;
import java.util.Optional;
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
 * What {@code useAuth()} returns: read-only JavaFX properties of the auth state plus the token and
 * sign-out verbs.
 *
 * <p>Properties change only on the FX Application Thread, all of one snapshot in one step: when a
 * user signs in, the ids are set before {@code signedIn} turns true; when they sign out, {@code
 * signedIn} turns false before the ids clear. Id properties are {@code null} while signed out. The
 * verbs work from any thread and never block.
 *
 * <pre>{@code
 * AuthState auth = ClerkFx.useAuth();
 * signOutButton.visibleProperty().bind(auth.signedInProperty());
 * auth.getToken().thenAccept(jwt -> jwt.ifPresent(api::callWith));
 * }</pre>
 */
public final class AuthState {
  private final ClerkClient client;
  private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
  private final ReadOnlyBooleanWrapper signedIn = new ReadOnlyBooleanWrapper(this, "signedIn");
  private final ReadOnlyStringWrapper userId = new ReadOnlyStringWrapper(this, "userId");
  private final ReadOnlyStringWrapper sessionId = new ReadOnlyStringWrapper(this, "sessionId");
  private final ReadOnlyStringWrapper orgId = new ReadOnlyStringWrapper(this, "orgId");
  private final ReadOnlyStringWrapper orgRole = new ReadOnlyStringWrapper(this, "orgRole");
  private final ReadOnlyStringWrapper orgSlug = new ReadOnlyStringWrapper(this, "orgSlug");
  private final ReadOnlyObjectWrapper<Actor> actor = new ReadOnlyObjectWrapper<>(this, "actor");
  private final ReadOnlyObjectWrapper<SessionClaims> sessionClaims =
      new ReadOnlyObjectWrapper<>(this, "sessionClaims");
  private final ReadOnlyObjectWrapper<AuthSnapshot> snapshot =
      new ReadOnlyObjectWrapper<>(this, "snapshot", AuthSnapshot.initial());
  private final ReadOnlyObjectWrapper<LoadState> loadState =
      new ReadOnlyObjectWrapper<>(this, "loadState", LoadState.loading());
  private final ReadOnlyObjectWrapper<Session> session =
      new ReadOnlyObjectWrapper<>(this, "session");
  private final ReadOnlyObjectWrapper<SessionTask> pendingTask =
      new ReadOnlyObjectWrapper<>(this, "pendingTask");
  private final ObservableList<Session> sessions = FXCollections.observableArrayList();
  private final ObservableList<Session> sessionsView =
      FXCollections.unmodifiableObservableList(sessions);

  AuthState(ClerkClient client) {
    this.client = client;
  }

  /** Applies the data (not the flags) of a snapshot. FX thread only. */
  void applyData(AuthSnapshot s) {
    userId.set(s.userId().orElse(null));
    sessionId.set(s.sessionId().orElse(null));
    orgId.set(s.organizationId().orElse(null));
    orgRole.set(s.organizationRole().orElse(null));
    orgSlug.set(s.organizationSlug().orElse(null));
    actor.set(s.actor().orElse(null));
    sessionClaims.set(s.sessionClaims().orElse(null));
    session.set(s.signedIn() ? s.session().orElse(null) : null);
    pendingTask.set(s.pendingTask().orElse(null));
    if (!sessions.equals(s.activeSessions())) sessions.setAll(s.activeSessions());
  }

  /** Applies the load state. FX thread only. */
  void applyLoadState(LoadState l) {
    loadState.set(l);
  }

  /** Applies the flags of a snapshot. FX thread only. */
  void applySignedIn(AuthSnapshot s) {
    signedIn.set(s.signedIn());
  }

  /** Applies {@code loaded} and the snapshot itself, last. FX thread only. */
  void applyLoaded(AuthSnapshot s) {
    loaded.set(s.loaded());
    snapshot.set(s);
  }

  /** True once the client is known (from the network or the persisted snapshot). */
  public ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  /** Returns {@link #loadedProperty()}'s value. */
  public boolean isLoaded() {
    return loaded.get();
  }

  /** True while a user is signed in. */
  public ReadOnlyBooleanProperty signedInProperty() {
    return signedIn.getReadOnlyProperty();
  }

  /** Returns {@link #signedInProperty()}'s value. */
  public boolean isSignedIn() {
    return signedIn.get();
  }

  /** The signed-in user's id, null while signed out. */
  public ReadOnlyStringProperty userIdProperty() {
    return userId.getReadOnlyProperty();
  }

  /** Returns {@link #userIdProperty()}'s value. */
  public String getUserId() {
    return userId.get();
  }

  /** The current session's id, null while signed out. */
  public ReadOnlyStringProperty sessionIdProperty() {
    return sessionId.getReadOnlyProperty();
  }

  /** Returns {@link #sessionIdProperty()}'s value. */
  public String getSessionId() {
    return sessionId.get();
  }

  /** The active organization's id, null for the personal account or while signed out. */
  public ReadOnlyStringProperty orgIdProperty() {
    return orgId.getReadOnlyProperty();
  }

  /** Returns {@link #orgIdProperty()}'s value. */
  public String getOrgId() {
    return orgId.get();
  }

  /** The role in the active organization, such as {@code org:admin}; null without one. */
  public ReadOnlyStringProperty orgRoleProperty() {
    return orgRole.getReadOnlyProperty();
  }

  /** Returns {@link #orgRoleProperty()}'s value. */
  public String getOrgRole() {
    return orgRole.get();
  }

  /** The active organization's slug; null without one. */
  public ReadOnlyStringProperty orgSlugProperty() {
    return orgSlug.getReadOnlyProperty();
  }

  /** Returns {@link #orgSlugProperty()}'s value. */
  public String getOrgSlug() {
    return orgSlug.get();
  }

  /** The impersonating actor when an admin is signed in as this user; null otherwise. */
  public ReadOnlyObjectProperty<Actor> actorProperty() {
    return actor.getReadOnlyProperty();
  }

  /** Returns {@link #actorProperty()}'s value. */
  public Actor getActor() {
    return actor.get();
  }

  /** The claims of the newest session token; null while signed out or before the first token. */
  public ReadOnlyObjectProperty<SessionClaims> sessionClaimsProperty() {
    return sessionClaims.getReadOnlyProperty();
  }

  /** Returns {@link #sessionClaimsProperty()}'s value. */
  public SessionClaims getSessionClaims() {
    return sessionClaims.get();
  }

  /**
   * Where loading stands: {@code LOADING}, {@code LOADED_FROM_CACHE} (the last run's state is
   * shown), {@code LOADED}, or {@code FAILED} with the typed error and the next automatic retry
   * time. Bind a "Can't reach Clerk — retrying" banner to it; {@link ClerkClient#refresh()} is the
   * "Retry now".
   */
  public ReadOnlyObjectProperty<LoadState> loadStateProperty() {
    return loadState.getReadOnlyProperty();
  }

  /** Returns {@link #loadStateProperty()}'s value. */
  public LoadState getLoadState() {
    return loadState.get();
  }

  /** The current session while signed in (status {@code active}); null while signed out. */
  public ReadOnlyObjectProperty<Session> sessionProperty() {
    return session.getReadOnlyProperty();
  }

  /** Returns {@link #sessionProperty()}'s value. */
  public Session getSession() {
    return session.get();
  }

  /**
   * Returns the client's active sessions, for an account switcher: an unmodifiable list that
   * changes on the FX thread in the same step as the other properties.
   */
  public ObservableList<Session> getSessions() {
    return sessionsView;
  }

  /**
   * The task a {@code pending} session must finish before it is signed in (such as {@code
   * setup-mfa} or {@code choose-organization}); null when there is none.
   */
  public ReadOnlyObjectProperty<SessionTask> pendingTaskProperty() {
    return pendingTask.getReadOnlyProperty();
  }

  /** Returns {@link #pendingTaskProperty()}'s value. */
  public SessionTask getPendingTask() {
    return pendingTask.get();
  }

  /** The whole snapshot the properties show, set after every other property of the same change. */
  public ReadOnlyObjectProperty<AuthSnapshot> snapshotProperty() {
    return snapshot.getReadOnlyProperty();
  }

  /** Returns {@link #snapshotProperty()}'s value. */
  public AuthSnapshot getSnapshot() {
    return snapshot.get();
  }

  /**
   * Returns a session token for the app's backend: cached while fresh, empty when signed out. Any
   * thread.
   *
   * @return the JWT, or empty when signed out
   */
  public CompletableFuture<Optional<String>> getToken() {
    return client.getToken();
  }

  /**
   * Returns a token as the options say (template, organization, forced refresh). Any thread.
   *
   * @param options what to fetch
   * @return the JWT, or empty when signed out
   */
  public CompletableFuture<Optional<String>> getToken(GetTokenOptions options) {
    return client.getToken(options);
  }

  /**
   * Tells whether the user has a role or permission in the active organization (see {@link
   * AuthSnapshot#has}). Reads the SDK's current state, so it is safe from any thread.
   *
   * @param roleOrPermission a role key such as {@code org:admin} or a permission key such as {@code
   *     org:invoices:read}
   * @return true when granted
   */
  public boolean has(String roleOrPermission) {
    return client.has(roleOrPermission);
  }

  /**
   * Signs out of every session on this client (see {@link ClerkClient#signOut()}).
   *
   * @return completes when local state and storage are cleared
   */
  public CompletableFuture<Void> signOut() {
    return client.signOut();
  }
}
