package dev.clerkfx.sample;

import dev.clerkfx.AuthState;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.UserState;
import dev.clerkfx.ui.OrganizationSwitcher;
import dev.clerkfx.ui.UserButton;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What a signed-in user sees: the SDK's {@link OrganizationSwitcher} and {@link UserButton} (which
 * also signs out), labels bound in one line each to {@code ClerkFx.useUser()} and {@code
 * ClerkFx.useAuth()} (avatar, name, email, user, session, organization, role), and a button that
 * calls the protected API with the session token.
 */
final class SignedInView extends VBox {
  private final Label apiResult = new Label();

  SignedInView(ClerkClient client, AuthState auth, UserState user, DemoApiClient api) {
    getStyleClass().add("signed-in-view");
    setSpacing(16);
    setAlignment(Pos.TOP_LEFT);

    OrganizationSwitcher organizations = new OrganizationSwitcher(client);
    organizations.setId("organization-switcher");
    UserButton userButton = new UserButton(client);
    userButton.setId("user-button");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(12, organizations, spacer, userButton);
    bar.setAlignment(Pos.CENTER_LEFT);

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
    Label organization = value("organization");
    organization.textProperty().bind(auth.orgSlugProperty().concat(""));
    Label role = value("role");
    role.textProperty().bind(auth.orgRoleProperty().concat(""));

    HBox who = new HBox(16, avatar, new VBox(4, name, email));
    who.setAlignment(Pos.CENTER_LEFT);

    GridPane ids = new GridPane();
    ids.setHgap(12);
    ids.setVgap(6);
    ids.addRow(0, caption("User"), userId);
    ids.addRow(1, caption("Session"), sessionId);
    ids.addRow(2, caption("Organization"), organization);
    ids.addRow(3, caption("Role"), role);

    Button call = new Button("Call protected API");
    call.setId("call-api");
    call.getStyleClass().add("accent");

    apiResult.setId("api-result");
    apiResult.setWrapText(true);
    apiResult.getStyleClass().addAll("text-small", "text-monospace");
    // A result belongs to the session it was fetched with.
    auth.sessionIdProperty().addListener((o, was, now) -> apiResult.setText(""));

    call.setOnAction(
        e -> {
          call.setDisable(true);
          apiResult.getStyleClass().removeAll("success", "danger");
          apiResult.setText("Calling /api/me…");
          api.get("/api/me")
              .whenComplete(
                  (json, failure) ->
                      Platform.runLater(
                          () -> {
                            call.setDisable(false);
                            apiResult.getStyleClass().add(failure == null ? "success" : "danger");
                            apiResult.setText(failure == null ? json : UiText.describe(failure));
                          }));
        });

    getChildren().addAll(bar, who, ids, call, apiResult);
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
