package dev.clerkfx.sample;

import dev.clerkfx.AuthState;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.LoadState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What the sample shows instead of its views when the Clerk instance its settings name is unusable:
 * a title, the problem in plain words naming the variable, what to do about it, an optional live
 * detail (a retry countdown) and buttons. No stack trace. Two uses:
 *
 * <ul>
 *   <li>{@link #cannotStart}: a setting is malformed (a {@code CLERK_PUBLISHABLE_KEY} that is not a
 *       publishable key, say); the sample cannot start, the only button quits.
 *   <li>{@link #whileClerkUnreachable}: the key is well formed but its Frontend API cannot be
 *       reached (DNS, connection refused, TLS, timeout…) and nothing signed-in is cached; the view
 *       names the host and the problem, counts down to the SDK's automatic retry, offers "Retry
 *       now", and hides itself once a load succeeds.
 * </ul>
 *
 * FX Application Thread only.
 */
final class ConfigurationProblemView extends VBox {
  private final Label problem = new Label();
  private final Label detail = new Label();

  /**
   * Creates the view.
   *
   * @param title the headline
   * @param problemText what is wrong, naming the variable
   * @param hint what the user can do about it
   * @param actions the buttons, left to right
   */
  ConfigurationProblemView(String title, String problemText, String hint, Button... actions) {
    setId("configuration-problem-view");
    setSpacing(16);
    setPadding(new Insets(32));
    setAlignment(Pos.TOP_LEFT);
    Label headline = new Label(title);
    headline.setId("configuration-problem-title");
    headline.getStyleClass().add("title-2");
    problem.setId("configuration-problem");
    problem.setWrapText(true);
    problem.setText(problemText);
    Label help = new Label(hint);
    help.setId("configuration-problem-hint");
    help.setWrapText(true);
    help.getStyleClass().add("text-muted");
    detail.setId("configuration-problem-detail");
    detail.setWrapText(true);
    detail.managedProperty().bind(detail.textProperty().isNotEmpty());
    detail.visibleProperty().bind(detail.managedProperty());
    HBox buttons = new HBox(8, actions);
    getChildren().addAll(headline, problem, help, detail, buttons);
  }

  /**
   * The window of a malformed setting: the exception's message (it starts with the variable's name)
   * and a Quit button.
   *
   * @param problemText the message, such as "CLERK_PUBLISHABLE_KEY: …"
   * @param quit what Quit does
   * @return the view
   */
  static ConfigurationProblemView cannotStart(String problemText, Runnable quit) {
    Button close = button("quit", "Quit", quit);
    close.setDefaultButton(true);
    return new ConfigurationProblemView(
        "The sample cannot start",
        problemText,
        "Fix the environment variable named above, or unset "
            + ClerkInstance.PUBLISHABLE_KEY_VARIABLE
            + " to run on the embedded emulator, then start the sample again.",
        close);
  }

  /**
   * A view that shows itself while the client's first load has failed and no signed-in state is
   * cached (with a cached sign-in the app runs on the cache and the status banner speaks), and
   * hides itself once a load succeeds. Its text follows each failed attempt; a countdown shows when
   * the SDK retries by itself; "Retry now" asks the client to load at once.
   *
   * @param client the client (its key names the host; {@code refresh()} is "Retry now")
   * @param auth the client's JavaFX state
   * @param clock the client's clock (its retry times are on it)
   * @param quit what Quit does
   * @return the view, hidden until a load fails
   */
  static ConfigurationProblemView whileClerkUnreachable(
      ClerkClient client, AuthState auth, Clock clock, Runnable quit) {
    String host = client.publishableKey().host();
    Button retry = button("retry-now", "Retry now", () -> {});
    retry.setDefaultButton(true);
    ConfigurationProblemView view =
        new ConfigurationProblemView(
            "Waiting for Clerk",
            "",
            ClerkInstance.PUBLISHABLE_KEY_VARIABLE
                + " names the Clerk instance at "
                + host
                + ". Check your network connection and the key, or unset "
                + ClerkInstance.PUBLISHABLE_KEY_VARIABLE
                + " to run on the embedded emulator.",
            retry,
            button("quit", "Quit", quit));
    RetryCountdown countdown = new RetryCountdown(view.detail, clock);
    InvalidationListener update =
        o -> {
          LoadState state = auth.getLoadState();
          boolean failed =
              state.phase() == LoadState.Phase.FAILED
                  && !auth.isSignedIn()
                  && state.error().isPresent();
          view.setVisible(failed);
          view.setManaged(failed);
          if (failed) {
            view.problem.setText(UiText.loadProblem(host, state.error().get()));
            countdown.start(state.nextRetryAt().orElseThrow());
          } else {
            countdown.stop();
          }
        };
    auth.loadStateProperty().addListener(update);
    auth.signedInProperty().addListener(update);
    update.invalidated(null);
    retry.setOnAction(
        e -> {
          retry.setDisable(true);
          countdown.stop();
          view.detail.setText("Trying again…");
          client
              .refresh()
              .whenComplete(
                  (snapshot, failure) ->
                      Platform.runLater(
                          () -> {
                            retry.setDisable(false);
                            // A failure has already brought the next FAILED state and its
                            // countdown.
                            if (failure == null) {
                              view.detail.setText("");
                            }
                          }));
        });
    return view;
  }

  private static Button button(String id, String text, Runnable action) {
    Button button = new Button(text);
    button.setId(id);
    button.setOnAction(e -> action.run());
    return button;
  }

  /** Counts down, once a second, to the SDK's next automatic attempt. FX thread only. */
  private static final class RetryCountdown {
    private final Label label;
    private final Clock clock;
    private final Timeline timeline;
    private Instant at;

    RetryCountdown(Label label, Clock clock) {
      this.label = label;
      this.clock = clock;
      this.timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(250), e -> tick()));
      timeline.setCycleCount(Animation.INDEFINITE);
    }

    void start(Instant retryAt) {
      at = retryAt;
      tick();
      timeline.play();
    }

    void stop() {
      timeline.stop();
      label.setText("");
    }

    private void tick() {
      label.setText(UiText.retryingIn(Duration.between(clock.instant(), at)));
    }
  }
}
