package dev.clerkfx.internal.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongConsumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * A live countdown in whole seconds on the FX Application Thread ("try again in 8 s", "resend in 30
 * s"), measured on a {@link Clock} so tests can move time instead of waiting. FX Application Thread
 * only.
 */
public final class Countdown {
  private final Clock clock;
  private final Timeline timeline;
  private final Instant end;
  private final LongConsumer onTick;
  private final Runnable onDone;
  private boolean finished;

  private Countdown(Clock clock, java.time.Duration length, LongConsumer onTick, Runnable onDone) {
    this.clock = clock;
    this.end = clock.instant().plus(length);
    this.onTick = onTick;
    this.onDone = onDone;
    this.timeline = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));
    timeline.setCycleCount(Animation.INDEFINITE);
  }

  /**
   * Starts a countdown; {@code onTick} gets the whole seconds left at once and whenever they
   * change, then {@code onDone} runs once.
   *
   * @param clock the clock that measures it
   * @param length how long
   * @param onTick receives the seconds left (at least 1)
   * @param onDone runs at the end
   * @return the running countdown
   */
  public static Countdown start(
      Clock clock, java.time.Duration length, LongConsumer onTick, Runnable onDone) {
    Countdown c = new Countdown(clock, length, onTick, onDone);
    c.tick();
    if (!c.finished) {
      c.timeline.play();
    }
    return c;
  }

  private long last = -1;

  /** Re-reads the clock now (the timeline does so four times a second). */
  public void tick() {
    if (finished) {
      return;
    }
    long millis = java.time.Duration.between(clock.instant(), end).toMillis();
    if (millis <= 0) {
      stop();
      onDone.run();
      return;
    }
    long seconds = (millis + 999) / 1000;
    if (seconds != last) {
      last = seconds;
      onTick.accept(seconds);
    }
  }

  /** Stops without running {@code onDone}. */
  public void stop() {
    finished = true;
    timeline.stop();
  }

  /** Tells whether it has ended or was stopped. */
  public boolean isFinished() {
    return finished;
  }
}
