package dev.clerkfx.ui;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.InstanceType;
import dev.clerkfx.internal.ui.UiText;
import dev.clerkfx.model.Session;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The look of {@link SignInView}: a card holding the current step, in a scroll pane so a narrow or
 * short window scrolls rather than clips.
 */
final class SignInViewSkin extends SkinBase<SignInView> {
  private final SignInFlow flow;
  private final VBox card = new VBox();
  private final StackPane stepHolder = new StackPane();
  private final ChangeListener<SignInView.Mode> modeListener;

  /**
   * Creates the skin.
   *
   * @param control the view
   * @param client the client
   * @param clock measures countdowns
   * @param done receives the new session
   */
  public SignInViewSkin(
      SignInView control, ClerkClient client, Clock clock, Consumer<Session> done) {
    super(control);
    flow = new SignInFlow(client, clock, step -> stepHolder.getChildren().setAll(step), done);
    card.getStyleClass().add("clerk-card");
    card.setFillWidth(true);
    stepHolder.setAlignment(Pos.TOP_LEFT);
    card.getChildren().add(stepHolder);
    if (client.publishableKey().instanceType() == InstanceType.DEVELOPMENT) {
      Label badge = new Label(UiText.load("signin", client.locale()).get("banner.development"));
      badge.getStyleClass().add("clerk-dev-badge");
      badge.setId("clerk-dev-badge");
      card.getChildren().add(badge);
    }
    StackPane centre = new StackPane(card);
    centre.getStyleClass().add("clerk-card-holder");
    centre.setAlignment(Pos.TOP_CENTER);
    ScrollPane scroll = new ScrollPane(centre);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("clerk-scroll");
    getChildren().add(scroll);
    modeListener = (o, a, b) -> flow.restart(b);
    control.modeProperty().addListener(modeListener);
    flow.restart(control.getMode());
  }

  /** Starts the flow over in the control's mode. */
  public void restart() {
    flow.restart(getSkinnable().getMode());
  }

  /** The flow (for the dialog and tests). */
  public SignInFlow flow() {
    return flow;
  }

  @Override
  public void dispose() {
    getSkinnable().modeProperty().removeListener(modeListener);
    flow.dispose();
    super.dispose();
  }
}
