package dev.clerkfx.internal.ui;

import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * The line under a form that says how an action ended: Clerk's message, a network failure, or "Too many attempts —
 * try again in N s" counting down live. Hidden (and taking no space) while empty. FX Application Thread only.
 */
public final class InlineMessage extends Label {
  private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

  private final UiText common;
  private Timeline countdown;
  private ErrorMessages.Message last;

  /** Creates an empty message line using the {@code common} words. */
  public InlineMessage(UiText common) {
    this.common = common;
    getStyleClass().add("clerk-message");
    setWrapText(true);
    setMaxWidth(Double.MAX_VALUE);
    managedProperty().bind(visibleProperty());
    setVisible(false);
  }

  /**
   * Shows what {@code failure} means, with a live countdown for rate limits and lockouts.
   *
   * @return the message shown (its {@code param} names the field to mark)
   */
  public ErrorMessages.Message showError(Throwable failure) {
    stop();
    ErrorMessages.Message m = ErrorMessages.describe(failure, common);
    last = m;
    pseudoClassStateChanged(ERROR, true);
    setVisible(true);
    if (m.countdown().isPresent()) {
      long[] left = {Math.max(1, m.countdown().get().toSeconds())};
      setText(m.at(common, left[0]));
      countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
        left[0]--;
        if (left[0] <= 0) {
          clear();
        } else {
          setText(m.at(common, left[0]));
        }
      }));
      countdown.setCycleCount((int) left[0]);
      countdown.play();
    } else {
      setText(m.text());
    }
    setAccessibleText(getText());
    return m;
  }

  /** Shows a problem found before anything was sent (for example two passwords that differ). */
  public void showProblem(String text) {
    stop();
    last = null;
    pseudoClassStateChanged(ERROR, true);
    setText(text);
    setAccessibleText(text);
    setVisible(true);
  }

  /** Shows a plain (non-error) note. */
  public void showInfo(String text) {
    stop();
    last = null;
    pseudoClassStateChanged(ERROR, false);
    setText(text);
    setAccessibleText(text);
    setVisible(true);
  }

  /** Hides the line. */
  public void clear() {
    stop();
    last = null;
    pseudoClassStateChanged(ERROR, false);
    setText("");
    setVisible(false);
  }

  /** True while a rate-limit or lockout countdown runs (actions should stay disabled). */
  public boolean isCountingDown() {
    return countdown != null;
  }

  /** The error shown, if the line shows one. */
  public Optional<ErrorMessages.Message> error() {
    return Optional.ofNullable(last);
  }

  private void stop() {
    if (countdown != null) {
      countdown.stop();
      countdown = null;
    }
  }
}
