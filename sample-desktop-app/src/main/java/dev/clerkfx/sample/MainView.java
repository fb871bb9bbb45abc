package dev.clerkfx.sample;

import dev.clerkfx.AuthState;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.UserState;
import dev.clerkfx.ui.ClerkStatusBanner;
import dev.clerkfx.ui.SignedIn;
import dev.clerkfx.ui.SignedOut;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's content: a header naming the Clerk instance, the SDK's {@link ClerkStatusBanner}
 * (connecting, or why Clerk cannot be reached), the welcome or signed-in view (switched by the
 * SDK's {@link SignedOut} and {@link SignedIn} gates) or, while Clerk cannot be reached and no
 * sign-in is cached, a {@link ConfigurationProblemView} saying why; on the embedded emulator the
 * {@link DeveloperPanel}, and the live {@link EventLog}.
 */
final class MainView extends BorderPane {
  private final EventLog log;

  MainView(
      ClerkClient client,
      AuthState auth,
      UserState user,
      ClerkInstance instance,
      DemoApiClient api,
      Executor background,
      ScheduledExecutorService timer,
      Runnable quit) {
    getStyleClass().add("sample-main");

    Label title = new Label("clerk-fx sample");
    title.getStyleClass().add("title-3");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label badge =
        new Label(
            instance.emulator().isPresent() ? "Embedded emulator" : instance.frontendApiUrl());
    badge.setId("instance");
    badge.getStyleClass().addAll("text-muted", "text-small");
    HBox header = new HBox(12, title, spacer, badge);
    header.setAlignment(Pos.CENTER_LEFT);
    header.setPadding(new Insets(14, 20, 14, 20));
    header.getStyleClass().add("sample-header");
    ClerkStatusBanner banner = new ClerkStatusBanner(client);
    banner.setId("status-banner");

    log = new EventLog(client);
    log.setPrefHeight(150);

    // The gates show nothing until the client has loaded: meanwhile (or if Clerk is unreachable)
    // the banner speaks.
    StackPane center =
        new StackPane(
            new SignedOut(client, new WelcomeView(client, instance.demoCredentials())),
            new SignedIn(client, new SignedInView(client, auth, user, api)));
    center.setPadding(new Insets(24, 32, 24, 32));
    center.setAlignment(Pos.TOP_LEFT);
    ScrollPane scroll = new ScrollPane(center);
    scroll.setFitToWidth(true);
    // Instead of an empty window while the first load fails: what is wrong, and "Retry now".
    ConfigurationProblemView unreachable =
        ConfigurationProblemView.whileClerkUnreachable(client, auth, instance.clock(), quit);
    scroll.visibleProperty().bind(unreachable.visibleProperty().not());

    setTop(new VBox(header, banner));
    setCenter(new StackPane(scroll, unreachable));
    instance
        .emulator()
        .ifPresent(
            emulator -> {
              DeveloperPanel panel =
                  new DeveloperPanel(emulator, client, auth, log, background, timer);
              panel.setPadding(new Insets(16));
              panel.setPrefWidth(240);
              ScrollPane side = new ScrollPane(panel);
              side.setFitToWidth(true);
              side.getStyleClass().add("sample-side");
              setRight(side);
            });
    VBox footer = new VBox(4, new Label("Events"), log);
    footer.setPadding(new Insets(8, 20, 10, 20));
    footer.getStyleClass().add("sample-footer");
    setBottom(footer);
  }

  /** Stops reacting to the client's events. */
  void dispose() {
    log.dispose();
  }
}
