package dev.clerkfx.sample;

import dev.clerkfx.AuthState;
import dev.clerkfx.UserState;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What a signed-in user sees: avatar, name, email, user and session ids (each label bound in one line to the SDK's
 * state), a button that calls the demo protected API with the session token, and a sign-out button.
 */
final class SignedInView extends VBox {
  private final Label apiResult = new Label();

  SignedInView(AuthState auth, UserState user, DemoApiClient api) {
    getStyleClass().add("signed-in-view");
    setSpacing(16);
    setMaxWidth(460);
    setAlignment(Pos.TOP_LEFT);

    ImageView avatar = new ImageView();
    avatar.setId("avatar");
    Avatars.bind(avatar, user.imageUrlProperty(), 64);

    Label name = new Label();
    name.setId("name");
    name.getStyleClass().add("title-2");
    Label email = new Label();
    email.setId("email-address");
    email.getStyleClass().add("text-muted");

    // The point of the sample: binding a control to who is signed in is one line.
    name.textProperty().bind(user.fullNameProperty());
    email.textProperty().bind(user.primaryEmailAddressProperty());
    Label userId = value("user-id");
    userId.textProperty().bind(auth.userIdProperty());
    Label sessionId = value("session-id");
    sessionId.textProperty().bind(auth.sessionIdProperty());

    HBox header = new HBox(16, avatar, new VBox(4, name, email));
    header.setAlignment(Pos.CENTER_LEFT);

    GridPane ids = new GridPane();
    ids.setHgap(12);
    ids.setVgap(6);
    ids.addRow(0, caption("User"), userId);
    ids.addRow(1, caption("Session"), sessionId);

    Button call = new Button("Call protected API");
    call.setId("call-api");
    call.getStyleClass().add("accent");
    Button signOut = new Button("Sign out");
    signOut.setId("sign-out");
    signOut.getStyleClass().add("danger");
    HBox buttons = new HBox(8, call, signOut);

    apiResult.setId("api-result");
    apiResult.setWrapText(true);
    apiResult.getStyleClass().addAll("text-small", "text-monospace");
    // A result belongs to the session it was fetched with.
    auth.sessionIdProperty().addListener((o, was, now) -> apiResult.setText(""));

    call.setOnAction(e -> {
      call.setDisable(true);
      apiResult.getStyleClass().removeAll("success", "danger");
      apiResult.setText("Calling /api/me…");
      api.get("/api/me").whenComplete((json, failure) -> Platform.runLater(() -> {
        call.setDisable(false);
        apiResult.getStyleClass().add(failure == null ? "success" : "danger");
        apiResult.setText(failure == null ? json : UiText.describe(failure));
      }));
    });
    signOut.setOnAction(e -> {
      signOut.setDisable(true);
      auth.signOut().whenComplete((ok, failure) -> Platform.runLater(() -> {
        signOut.setDisable(false);
        if (failure != null) {
          apiResult.setText("Sign-out failed: " + UiText.describe(failure));
        }
      }));
    });

    getChildren().addAll(header, ids, buttons, apiResult);
  }

  private static Label value(String id) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().add("text-monospace");
    return label;
  }

  private static Label caption(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("text-muted");
    return label;
  }
}
