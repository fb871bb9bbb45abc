package dev.clerkfx.sample;

import dev.clerkfx.AuthState;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.GetTokenOptions;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.Fault;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The embedded emulator's developer panel: each button acts on the server (revoke or expire the
 * session, ban the user, rename the user, rotate the signing key, take the network down for 30 s,
 * move the clock) so a viewer sees the app react. After a change the client is asked to look (a
 * refresh, or a user reload for a rename), as it would on its next token refresh anyway; after a
 * key rotation it fetches a fresh session token, signed with the new key; after the clock moves it
 * asks for a token (the client keeps the emulator's time, so its cached one is an hour old and the
 * SDK fetches a new one). Server actions run off the FX thread; the log is written on it. The
 * network comes back on the timer handed in (tests hand in a virtual-time one).
 */
final class DeveloperPanel extends VBox {
  /** How long "Network down" lasts. */
  static final Duration NETWORK_DOWN = Duration.ofSeconds(30);

  /** How far "Move clock" moves the emulator's clock. */
  static final Duration CLOCK_STEP = Duration.ofHours(1);

  private final ClerkEmulator emulator;
  private final ClerkClient client;
  private final EventLog log;
  private final Executor background;
  private final ScheduledExecutorService timer;

  DeveloperPanel(
      ClerkEmulator emulator,
      ClerkClient client,
      AuthState auth,
      EventLog log,
      Executor background,
      ScheduledExecutorService timer) {
    this.emulator = emulator;
    this.client = client;
    this.log = log;
    this.background = background;
    this.timer = timer;
    setId("developer-panel");
    getStyleClass().add("developer-panel");
    setSpacing(8);

    Label title = new Label("Developer panel");
    title.getStyleClass().add("title-4");
    Label about = new Label("Acts on the embedded emulator");
    about.getStyleClass().addAll("text-muted", "text-small");
    about.setWrapText(true);

    Button revoke =
        button(
            "dev-revoke",
            "Revoke session",
            () -> {
              String sessionId = auth.getSessionId();
              return server(
                  "Server: session revoked", () -> emulator.revokeSession(sessionId), true);
            });
    Button expire =
        button(
            "dev-expire",
            "Expire session",
            () -> {
              String sessionId = auth.getSessionId();
              return server(
                  "Server: session expired", () -> emulator.expireSession(sessionId), true);
            });
    Button ban =
        button(
            "dev-ban",
            "Ban user",
            () -> {
              String userId = auth.getUserId();
              return server("Server: user banned", () -> emulator.banUser(userId), true);
            });
    revoke.disableProperty().bind(auth.signedInProperty().not());
    expire.disableProperty().bind(auth.signedInProperty().not());
    ban.disableProperty().bind(auth.signedInProperty().not());

    TextField firstName = new TextField();
    firstName.setId("dev-first-name");
    firstName.setPromptText("New first name");
    HBox.setHgrow(firstName, Priority.ALWAYS);
    Button rename =
        button(
            "dev-rename",
            "Rename",
            () -> {
              String userId = auth.getUserId();
              String name = firstName.getText().strip();
              return server(
                      "Server: user renamed to " + name,
                      () -> emulator.updateUser(userId, u -> u.firstName(name)),
                      false)
                  .thenCompose(v -> client.reloadUser());
            });
    rename
        .disableProperty()
        .bind(auth.signedInProperty().not().or(firstName.textProperty().isEmpty()));

    Button rotate =
        button(
            "dev-rotate",
            "Rotate signing key",
            () ->
                server("Server: signing key rotated", emulator::rotateSigningKey, false)
                    // The next calls carry a token signed with the new key: the API finds it in the
                    // JWKS.
                    .thenCompose(
                        v -> client.getToken(GetTokenOptions.defaults().withSkipCache(true))));
    Button network = button("dev-network", "Network down for 30 s", this::networkDown);
    Button clock =
        button(
            "dev-clock",
            "Move clock +1 h",
            () ->
                server(
                        "Server: clock moved forward 1 h",
                        () -> emulator.clock().advance(CLOCK_STEP),
                        true)
                    // The client keeps the emulator's time: its cached token is now an hour old.
                    .thenCompose(v -> client.getToken()));

    getChildren()
        .addAll(
            title,
            about,
            revoke,
            expire,
            ban,
            new HBox(6, firstName, rename),
            rotate,
            network,
            clock);
  }

  private CompletableFuture<Void> networkDown() {
    Fault down = Fault.on("*", "/**").dropConnection();
    // The return is scheduled with the outage, so it comes even if the client's check fails.
    return server(
        "Server: network down for " + NETWORK_DOWN.toSeconds() + " s",
        () -> {
          emulator.faults().add(down);
          timer.schedule(
              () -> {
                server("Server: network back up", () -> emulator.faults().remove(down), true);
              },
              NETWORK_DOWN.toMillis(),
              TimeUnit.MILLISECONDS);
        },
        true);
  }

  /**
   * Runs a server action off the FX thread, logs it, and (if asked) has the client refresh to
   * notice it; a refresh that cannot reach the emulator is logged in plain words.
   */
  private CompletableFuture<Void> server(String description, Runnable action, boolean refresh) {
    return CompletableFuture.runAsync(action, background)
        .thenRun(() -> Platform.runLater(() -> log.add(description)))
        .thenCompose(
            v ->
                refresh
                    ? client
                        .refresh()
                        .<Void>handle(
                            (snapshot, failure) -> {
                              if (failure != null) {
                                String host = client.publishableKey().host();
                                Platform.runLater(() -> log.add(UiText.loadProblem(host, failure)));
                              }
                              return null;
                            })
                    : CompletableFuture.<Void>completedFuture(null));
  }

  private Button button(String id, String text, Supplier<CompletableFuture<?>> action) {
    Button button = new Button(text);
    button.setId(id);
    button.setMaxWidth(Double.MAX_VALUE);
    button.setOnAction(
        e ->
            action
                .get()
                .whenComplete(
                    (v, failure) -> {
                      if (failure != null) {
                        Platform.runLater(
                            () -> log.add(text + " failed: " + UiText.describe(failure)));
                      }
                    }));
    return button;
  }
}
