package dev.clerkfx.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests move by hand, so tokens and sessions expire without sleeping.
 *
 * <p>It starts at the real current instant (or at the one given) and only moves when told:
 * <pre>{@code
 * EmulatorClock clock = EmulatorClock.startingNow();
 * ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).start();
 * clock.advance(Duration.ofSeconds(61)); // every session token minted so far has expired
 * }</pre>
 * Thread-safe. The SDK under test may be handed the same clock.
 */
public final class EmulatorClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private EmulatorClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Returns a clock standing at the real current instant.
   *
   * @return a new clock
   */
  public static EmulatorClock startingNow() {
    return startingAt(Instant.now());
  }

  /**
   * Returns a clock standing at {@code start}.
   *
   * @param start the initial instant
   * @return a new clock
   */
  public static EmulatorClock startingAt(Instant start) {
    Objects.requireNonNull(start, "start");
    return new EmulatorClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward (or backward, for a negative amount).
   *
   * @param amount how far to move
   * @return the new current instant
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    return now.updateAndGet(i -> i.plus(amount));
  }

  /**
   * Sets the clock to an instant.
   *
   * @param instant the new current instant
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /** Returns the current instant of this clock. */
  @Override
  public Instant instant() {
    return now.get();
  }

  /** Returns the current instant in epoch milliseconds. */
  @Override
  public long millis() {
    return now.get().toEpochMilli();
  }

  /** Returns the zone of this clock (UTC unless made with {@link #withZone}). */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Returns a view of this clock in another zone; it shares the same instant and moves with it. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new EmulatorClock(now, Objects.requireNonNull(newZone, "zone"));
  }

  @Override
  public String toString() {
    return "EmulatorClock[" + now.get() + "]";
  }
}
