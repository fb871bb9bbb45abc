package dev.clerkfx.ui;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkFx;
import dev.clerkfx.model.Session;
import java.time.Clock;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * The prebuilt sign-in and sign-up form, to embed in any layout (or use {@link SignInDialog}).
 *
 * <p>Built from the instance's settings: it asks for the identifiers the instance enables, then
 * walks the user through every step Clerk asks for — password or an email/SMS code (with a resend
 * countdown), an email link, enterprise SSO in the browser or another method, a second factor
 * (authenticator app, SMS code, backup code), a new-device check, a forgotten password, or a
 * sign-up with the fields the instance requires, legal consent and their verification; when the
 * instance forces an organization, the user chooses one before the session becomes active. Clerk's
 * messages appear beside the field they concern; network failures, rate limits and lockouts are
 * named as such. When it completes, {@link #sessionProperty()} holds the new session (the client's
 * auth state has already followed); for a session task the view does not carry out (such as setting
 * up MFA), it names the task and then hands over the pending session.
 *
 * <pre>{@code
 * SignInView signIn = new SignInView(clerk);
 * signIn.sessionProperty().addListener((o, old, session) -> showHome());
 * root.setCenter(signIn);
 * }</pre>
 *
 * <p>Words follow {@link ClerkClient#locale()}; looks follow the {@link ClerkUi#stylesheet()
 * stylesheet} (add the style class {@link ClerkUi#DARK_STYLE_CLASS} to it or an ancestor for the
 * dark palette). Create and use it on the JavaFX Application Thread; it never blocks that thread.
 */
public class SignInView extends Control {
  /** The style class of this control. */
  public static final String DEFAULT_STYLE_CLASS = "clerk-sign-in";

  /** What the view offers. */
  public enum Mode {
    /** Sign in to an existing account (with a link to sign up when the instance allows it). */
    SIGN_IN,
    /** Create an account (with a link to sign in). */
    SIGN_UP,
    /** Ask for an identifier and sign in, or sign up when no account has it. */
    SIGN_IN_OR_UP
  }

  private final ClerkClient client;
  private final Clock clock;
  private final ReadOnlyObjectWrapper<Session> session =
      new ReadOnlyObjectWrapper<>(this, "session");
  private ObjectProperty<Mode> mode;

  /** Creates a view for the app's client ({@link ClerkFx#client()}), as FXML does. */
  public SignInView() {
    this(ClerkFx.client());
  }

  /**
   * Creates a view for a client.
   *
   * @param client the client to sign in with
   */
  public SignInView(ClerkClient client) {
    this(client, Clock.systemUTC());
  }

  SignInView(ClerkClient client, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    getStyleClass().addAll(ClerkUi.COMPONENT_STYLE_CLASS, DEFAULT_STYLE_CLASS);
    setAccessibleText(getClass().getSimpleName());
  }

  /** The client this view signs in with. */
  public final ClerkClient getClient() {
    return client;
  }

  /** What the view offers (default {@link Mode#SIGN_IN_OR_UP}); changing it starts over. */
  public final ObjectProperty<Mode> modeProperty() {
    if (mode == null) {
      mode = new SimpleObjectProperty<>(this, "mode", Mode.SIGN_IN_OR_UP);
    }
    return mode;
  }

  /** Returns what the view offers. */
  public final Mode getMode() {
    return mode == null ? Mode.SIGN_IN_OR_UP : mode.get();
  }

  /** Sets what the view offers; changing it starts over. */
  public final void setMode(Mode value) {
    modeProperty().set(value);
  }

  /**
   * The session the view created, set (on the FX Application Thread) when sign-in or sign-up
   * completes; null until then.
   */
  public final ReadOnlyObjectProperty<Session> sessionProperty() {
    return session.getReadOnlyProperty();
  }

  /** Returns the session the view created, or null. */
  public final Session getSession() {
    return session.get();
  }

  /**
   * Starts over at the first step, forgetting what was typed and clearing {@link
   * #sessionProperty()}.
   */
  public void reset() {
    session.set(null);
    if (getSkin() instanceof SignInViewSkin skin) {
      skin.restart();
    }
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new SignInViewSkin(this, client, clock, session::set);
  }

  @Override
  public String getUserAgentStylesheet() {
    return ClerkUi.stylesheet();
  }
}
