package dev.clerkfx.ui;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkFx;
import dev.clerkfx.internal.ui.UiText;
import dev.clerkfx.model.Session;
import java.time.Clock;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;

/**
 * A dialog around {@link SignInView}: its result is the new session, or null when the user cancels
 * (Cancel, Escape or closing the window).
 *
 * <pre>{@code
 * new SignInDialog(clerk).showAndWait().ifPresent(session -> showHome());
 * }</pre>
 *
 * <p>Create and show it on the JavaFX Application Thread. The dialog closes itself when sign-in or
 * sign-up completes.
 */
public class SignInDialog extends Dialog<Session> {
  private final SignInView view;

  /** Creates a dialog for the app's client ({@link ClerkFx#client()}). */
  public SignInDialog() {
    this(ClerkFx.client());
  }

  /**
   * Creates a dialog for a client.
   *
   * @param client the client to sign in with
   */
  public SignInDialog(ClerkClient client) {
    this(new SignInView(client));
  }

  SignInDialog(ClerkClient client, Clock clock) {
    this(new SignInView(client, clock));
  }

  private SignInDialog(SignInView view) {
    this.view = view;
    UiText text = UiText.load("signin", view.getClient().locale());
    setTitle(text.get("dialog.title"));
    setResizable(true);
    getDialogPane().getStyleClass().addAll(ClerkUi.COMPONENT_STYLE_CLASS, "clerk-sign-in-dialog");
    getDialogPane().getStylesheets().add(ClerkUi.stylesheet());
    getDialogPane().setContent(view);
    getDialogPane()
        .getButtonTypes()
        .setAll(
            new ButtonType(
                UiText.load("common", view.getClient().locale()).get("common.cancel"),
                ButtonType.CANCEL.getButtonData()));
    getDialogPane().setPrefSize(420, 560);
    getDialogPane().setMinWidth(360);
    setResultConverter(button -> view.getSession());
    view.sessionProperty()
        .addListener(
            (o, old, session) -> {
              if (session != null) {
                setResult(session);
                close();
              }
            });
  }

  /**
   * The view inside: set its {@link SignInView#modeProperty() mode} to offer sign-up, sign-in or
   * either.
   */
  public final SignInView getView() {
    return view;
  }
}
