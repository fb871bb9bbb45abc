package dev.clerkfx.ui;

import dev.clerkfx.AuthState;
import dev.clerkfx.InstanceType;
import dev.clerkfx.LoadState;
import dev.clerkfx.internal.ui.Countdown;
import dev.clerkfx.internal.ui.UiText;
import java.time.Clock;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The look of {@link ClerkStatusBanner}: a message, a Retry button when useful, and the development
 * badge.
 */
final class StatusBannerSkin extends SkinBase<ClerkStatusBanner> {
  private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

  private final Label message = new Label();
  private final Button retry = new Button();
  private final Label badge = new Label();
  private final AuthState auth;
  private final InvalidationListener update = o -> update();
  private final Clock clock;
  private final UiText text;
  private Countdown countdown;

  /**
   * Creates the skin.
   *
   * @param control the banner
   * @param clock measures countdowns
   */
  public StatusBannerSkin(ClerkStatusBanner control, Clock clock) {
    super(control);
    this.clock = clock;
    this.auth = control.getClient().auth();
    this.text = UiText.load("signin", control.getClient().locale());
    UiText common = UiText.load("common", control.getClient().locale());
    message.setId("clerk-banner-message");
    message.getStyleClass().add("clerk-banner-message");
    message.setWrapText(true);
    message.setText(text.get("banner.loading"));
    retry.setId("clerk-banner-retry");
    retry.setText(common.get("common.retry"));
    retry.setAccessibleText(common.get("common.retry"));
    retry.getStyleClass().add("clerk-banner-retry");
    retry.setOnAction(e -> control.getClient().refresh());
    badge.setId("clerk-dev-badge");
    badge.setText(text.get("banner.development"));
    badge.getStyleClass().add("clerk-dev-badge");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox.setHgrow(message, Priority.SOMETIMES);
    HBox row = new HBox(message, retry, gap, badge);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add("clerk-banner-row");
    getChildren().add(row);
    auth.loadedProperty().addListener(new WeakInvalidationListener(update));
    auth.loadStateProperty().addListener(new WeakInvalidationListener(update));
    control.showDevelopmentBadgeProperty().addListener(new WeakInvalidationListener(update));
    update();
  }

  private void update() {
    ClerkStatusBanner control = getSkinnable();
    if (control == null) return;
    if (countdown != null) {
      countdown.stop();
      countdown = null;
    }
    LoadState state = auth.getLoadState();
    LoadState.Phase phase = state == null ? LoadState.Phase.LOADED : state.phase();
    boolean failed = phase == LoadState.Phase.FAILED;
    boolean loading = phase == LoadState.Phase.LOADING || (!auth.isLoaded() && !failed);
    boolean saying = loading || failed || phase == LoadState.Phase.LOADED_FROM_CACHE;
    if (failed && state.nextRetryAt().isPresent()) {
      countdown =
          Countdown.start(
              clock,
              java.time.Duration.between(clock.instant(), state.nextRetryAt().get()),
              s -> message.setText(text.get("banner.failedRetrying", s)),
              () -> message.setText(text.get("banner.failed")));
    } else {
      message.setText(
          text.get(failed ? "banner.failed" : loading ? "banner.loading" : "banner.offline"));
    }
    show(message, saying);
    show(retry, failed || phase == LoadState.Phase.LOADED_FROM_CACHE);
    boolean dev =
        control.isShowDevelopmentBadge()
            && control.getClient().publishableKey().instanceType() == InstanceType.DEVELOPMENT;
    show(badge, dev);
    control.pseudoClassStateChanged(PROBLEM, failed);
    boolean any = saying || dev;
    control.setVisible(any);
    control.setManaged(any);
  }

  private static void show(javafx.scene.Node n, boolean value) {
    n.setVisible(value);
    n.setManaged(value);
  }
}
