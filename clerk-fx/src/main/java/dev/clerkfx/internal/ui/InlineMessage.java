package dev.clerkfx.internal.ui;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/**
 * The line under a form that says how an action ended: Clerk's message, a network failure, or "Too
 * many attempts — try again in N s" counting down live. Hidden (and taking no space) while empty.
 * FX Application Thread only.
 */
public final class InlineMessage extends Label {
  private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

  private final UiText common;
  private final Clock clock;
  private Countdown countdown;
  private Problem last;

  /**
   * Creates an empty message line using the {@code common} words; countdowns run on the system
   * clock.
   */
  public InlineMessage(UiText common) {
    this(common, Clock.systemUTC());
  }

  /** Creates an empty message line whose countdowns run on {@code clock}. */
  public InlineMessage(UiText common, Clock clock) {
    this.common = common;
    this.clock = clock;
    getStyleClass().add("clerk-message");
    setWrapText(true);
    setMaxWidth(Double.MAX_VALUE);
    managedProperty().bind(visibleProperty());
    setVisible(false);
  }

  /**
   * Shows what {@code failure} means, with a live countdown for rate limits and lockouts.
   *
   * @return the problem shown (its {@code field} names the form field to mark)
   */
  public Problem showError(Throwable failure) {
    Problem p = Problem.of(failure);
    Optional<Duration> wait = p.retryIn();
    switch (p.kind()) {
      case NETWORK -> show(common.get("common.error.network"), true);
      case RATE_LIMITED ->
          count(common.get("common.error.rateLimited"), wait.orElse(Duration.ofSeconds(10)));
      case LOCKED -> {
        if (wait.isPresent()) {
          count(common.get("common.error.locked"), wait.get());
        } else {
          show(p.message().isEmpty() ? common.get("common.error.unknown") : p.message(), true);
        }
      }
      case CLERK ->
          show(p.message().isEmpty() ? common.get("common.error.unknown") : p.message(), true);
      default -> show(common.get("common.error.unknown"), true);
    }
    last = p;
    return p;
  }

  private void count(String pattern, Duration length) {
    show("", true);
    countdown =
        Countdown.start(
            clock,
            length,
            seconds -> {
              setText(new MessageFormat(pattern, common.locale()).format(new Object[] {seconds}));
              setAccessibleText(getText());
            },
            this::clear);
  }

  /** Shows a problem found before anything was sent (for example two passwords that differ). */
  public void showProblem(String text) {
    show(text, true);
  }

  /** Shows a plain (non-error) note. */
  public void showInfo(String text) {
    show(text, false);
  }

  private void show(String text, boolean error) {
    stop();
    last = null;
    pseudoClassStateChanged(ERROR, error);
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

  /** True while a rate-limit or lockout countdown runs. */
  public boolean isCountingDown() {
    return countdown != null && !countdown.isFinished();
  }

  /** The failure shown, if the line shows one. */
  public Optional<Problem> problem() {
    return Optional.ofNullable(last);
  }

  private void stop() {
    if (countdown != null) {
      countdown.stop();
      countdown = null;
    }
  }
}
