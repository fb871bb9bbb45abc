package dev.clerkfx.sample;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.sample.ClerkInstance.DemoCredentials;
import dev.clerkfx.ui.SignInDialog;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What a signed-out user sees: a welcome and a "Sign in" button opening the SDK's {@link
 * SignInDialog}; on the embedded emulator, a hint with the demo user's credentials and Clerk's test
 * code.
 */
final class WelcomeView extends VBox {
  WelcomeView(ClerkClient client, Optional<DemoCredentials> demo) {
    getStyleClass().add("welcome-view");
    setSpacing(12);
    setMaxWidth(420);
    setAlignment(Pos.TOP_LEFT);

    Label title = new Label("Welcome");
    title.getStyleClass().add("title-2");
    Label text =
        new Label(
            "Sign in to see who you are to Clerk, call a protected API with your session token "
                + "and watch the app react to what happens on the server.");
    text.setWrapText(true);
    Button signIn = new Button("Sign in");
    signIn.setId("sign-in");
    signIn.setDefaultButton(true);
    signIn.getStyleClass().add("accent");
    // The dialog closes itself once a session is active; the auth state then switches the window by
    // itself.
    signIn.setOnAction(
        e -> {
          SignInDialog dialog = new SignInDialog(client);
          dialog.initOwner(getScene().getWindow());
          dialog.show();
        });
    getChildren().addAll(title, text, signIn);

    demo.ifPresent(
        credentials -> {
          Label hint =
              new Label(
                  "Embedded emulator — demo user: "
                      + credentials.email()
                      + " / "
                      + credentials.password()
                      + " (email code: 424242)");
          hint.setId("demo-hint");
          hint.getStyleClass().addAll("text-muted", "text-small");
          hint.setWrapText(true);
          getChildren().add(hint);
        });
  }
}
