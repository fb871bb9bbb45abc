package dev.clerkfx.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A {@link Clock} tests move by hand, so tokens and sessions expire without sleeping.
 *
 * <p>Two kinds: a <em>frozen</em> clock ({@link #startingAt(Instant)}, {@link #startingNow()})
 * stands still until told to move, which makes tests deterministic; a <em>ticking</em> clock
 * ({@link #ticking()}, the emulator's default so a long-running sample app behaves like real Clerk)
 * follows real time plus whatever {@link #advance}/{@link #set} added.
 *
 * <pre>{@code
 * EmulatorClock clock = EmulatorClock.startingNow();
 * ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start();
 * clock.advance(Duration.ofSeconds(61)); // every session token minted so far has expired
 * }</pre>
 *
 * Thread-safe. The SDK under test may be handed the same clock.
 */
public final class EmulatorClock extends Clock {
  private final Clock base;
  private final ZoneId zone;

  /** A frozen clock's instant, or a ticking clock's offset from real time; shared by zone views. */
  private final State state;

  private static final class State {
    private Instant frozen;
    private Duration offset = Duration.ZERO;
  }

  private EmulatorClock(Clock base, State state, ZoneId zone) {
    this.base = base;
    this.state = state;
    this.zone = zone;
  }

  /**
   * Returns a frozen clock standing at the real current instant.
   *
   * @return a new clock
   */
  public static EmulatorClock startingNow() {
    return startingAt(Instant.now());
  }

  /**
   * Returns a frozen clock standing at {@code start}.
   *
   * @param start the initial instant
   * @return a new clock
   */
  public static EmulatorClock startingAt(Instant start) {
    State s = new State();
    s.frozen = Objects.requireNonNull(start, "start");
    return new EmulatorClock(null, s, ZoneOffset.UTC);
  }

  /**
   * Returns a clock that follows real time (plus any amount later {@linkplain #advance advanced}).
   *
   * @return a new clock
   */
  public static EmulatorClock ticking() {
    return new EmulatorClock(Clock.systemUTC(), new State(), ZoneOffset.UTC);
  }

  /**
   * Returns whether this clock stands still until moved.
   *
   * @return whether this clock stands still until moved
   */
  public boolean isFrozen() {
    return base == null;
  }

  /**
   * Moves the clock forward (or backward, for a negative amount).
   *
   * @param amount how far to move
   * @return the new current instant
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    synchronized (state) {
      if (base == null) {
        state.frozen = state.frozen.plus(amount);
      } else {
        state.offset = state.offset.plus(amount);
      }
      return instant();
    }
  }

  /**
   * Sets the clock to an instant (a ticking clock keeps ticking from there).
   *
   * @param instant the new current instant
   */
  public void set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    synchronized (state) {
      if (base == null) {
        state.frozen = instant;
      } else {
        state.offset = Duration.between(base.instant(), instant);
      }
    }
  }

  /** Returns the current instant of this clock. */
  @Override
  public Instant instant() {
    synchronized (state) {
      return base == null ? state.frozen : base.instant().plus(state.offset);
    }
  }

  /** Returns the zone of this clock (UTC unless made with {@link #withZone}). */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Returns a view of this clock in another zone; it shares the same time and moves with it. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new EmulatorClock(base, state, Objects.requireNonNull(newZone, "zone"));
  }

  @Override
  public String toString() {
    return "EmulatorClock[" + instant() + (isFrozen() ? ", frozen" : ", ticking") + "]";
  }
}
