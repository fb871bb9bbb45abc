package dev.clerkfx.ui;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkFx;
import java.time.Clock;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A thin banner for the client's connection to Clerk: "Connecting to Clerk…" while the client
 * loads, "Offline: showing your last session" when started from the cached snapshot, what went
 * wrong and when it retries (with a Retry button) when Clerk cannot be reached, and a small
 * "Development instance" badge on development keys. When there is nothing to say it takes no space.
 *
 * <pre>{@code
 * root.setTop(new ClerkStatusBanner(clerk));
 * }</pre>
 *
 * FX Application Thread only; it never blocks that thread.
 */
public class ClerkStatusBanner extends Control {
  /** The style class of this control. */
  public static final String DEFAULT_STYLE_CLASS = "clerk-status-banner";

  private final ClerkClient client;
  private final Clock clock;
  private BooleanProperty showDevelopmentBadge;

  /** Creates a banner for the app's client ({@link ClerkFx#client()}), as FXML does. */
  public ClerkStatusBanner() {
    this(ClerkFx.client());
  }

  /**
   * Creates a banner for a client.
   *
   * @param client the client whose state it shows
   */
  public ClerkStatusBanner(ClerkClient client) {
    this(client, Clock.systemUTC());
  }

  ClerkStatusBanner(ClerkClient client, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    getStyleClass().addAll(ClerkUi.COMPONENT_STYLE_CLASS, DEFAULT_STYLE_CLASS);
  }

  /** The client whose state the banner shows. */
  public final ClerkClient getClient() {
    return client;
  }

  /** Whether the "Development instance" badge shows on development keys (default true). */
  public final BooleanProperty showDevelopmentBadgeProperty() {
    if (showDevelopmentBadge == null) {
      showDevelopmentBadge = new SimpleBooleanProperty(this, "showDevelopmentBadge", true);
    }
    return showDevelopmentBadge;
  }

  /** Returns whether the development badge shows on development keys. */
  public final boolean isShowDevelopmentBadge() {
    return showDevelopmentBadge == null || showDevelopmentBadge.get();
  }

  /** Sets whether the development badge shows on development keys. */
  public final void setShowDevelopmentBadge(boolean value) {
    showDevelopmentBadgeProperty().set(value);
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new StatusBannerSkin(this, clock);
  }

  @Override
  public String getUserAgentStylesheet() {
    return ClerkUi.stylesheet();
  }
}
