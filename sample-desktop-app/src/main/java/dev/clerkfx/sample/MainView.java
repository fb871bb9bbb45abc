package dev.clerkfx.sample;

import dev.clerkfx.AuthEvent;
import dev.clerkfx.AuthState;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.UserState;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The window's content: a header naming the Clerk instance, the signed-out or signed-in view (switched by binding
 * visibility to {@code signedIn}), and a status line that reacts to the SDK's events, such as "Signed out: session
 * revoked".
 */
final class MainView extends BorderPane {
  private final Label status = new Label();
  private final Disposable events;

  MainView(ClerkClient client, AuthState auth, UserState user, ClerkInstance instance, DemoApiClient api) {
    getStyleClass().add("sample-main");

    Label title = new Label("clerk-fx sample");
    title.getStyleClass().add("title-3");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label badge = new Label(instance.emulator().isPresent() ? "Embedded emulator" : instance.frontendApiUrl());
    badge.setId("instance");
    badge.getStyleClass().addAll("text-muted", "text-small");
    HBox header = new HBox(12, title, spacer, badge);
    header.setAlignment(Pos.CENTER_LEFT);
    header.setPadding(new Insets(14, 20, 14, 20));
    header.getStyleClass().add("sample-header");

    ProgressIndicator loading = new ProgressIndicator();
    loading.setId("loading");
    loading.setMaxSize(48, 48);
    SignInView signedOut = new SignInView(client.signIn(), instance.demoCredentials());
    SignedInView signedIn = new SignedInView(auth, user, api);
    loading.visibleProperty().bind(auth.loadedProperty().not());
    signedOut.visibleProperty().bind(auth.loadedProperty().and(auth.signedInProperty().not()));
    signedIn.visibleProperty().bind(auth.signedInProperty());
    StackPane center = new StackPane(loading, managedWhenVisible(signedOut), managedWhenVisible(signedIn));
    center.setPadding(new Insets(24, 32, 24, 32));
    center.setAlignment(Pos.TOP_CENTER);
    StackPane.setAlignment(loading, Pos.CENTER);

    status.setId("status");
    status.getStyleClass().add("text-small");
    HBox footer = new HBox(status);
    footer.setPadding(new Insets(8, 20, 10, 20));
    footer.getStyleClass().add("sample-footer");

    setTop(header);
    setCenter(center);
    setBottom(footer);

    events = client.events().observeOn(Schedulers.from(Platform::runLater)).subscribe(event -> {
      if (event instanceof AuthEvent.SignedOut out) {
        status.setText(UiText.signedOut(out.reason()));
        signedOut.reset();
      } else if (event instanceof AuthEvent.SignedIn) {
        status.setText("Signed in");
      }
    });
  }

  /** Stops reacting to the client's events. */
  void dispose() {
    events.dispose();
  }

  private static Node managedWhenVisible(Node node) {
    node.managedProperty().bind(node.visibleProperty());
    return node;
  }
}
