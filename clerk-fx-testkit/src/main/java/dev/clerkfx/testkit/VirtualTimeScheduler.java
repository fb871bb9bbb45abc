package dev.clerkfx.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A {@link ScheduledExecutorService} on virtual time: delays are measured on a clock, and tasks run
 * only when the driver calls {@link #advance(Duration)} or {@link #runDue()}, in due order, on the
 * driver's thread, with the clock moved to each task's due time first. Handed to the SDK together
 * with the emulator's clock, the SDK's refresh timers and the emulator's token lifetimes share one
 * time line, and 30 emulated minutes take milliseconds.
 *
 * <pre>{@code
 * EmulatorClock clock = emulator.clock();               // frozen
 * VirtualTimeScheduler scheduler = VirtualTimeScheduler.on(clock);
 * ClerkClient client = ClerkClient.builder(emulator.publishableKey())
 *     .clock(clock).scheduler(scheduler).build();
 * scheduler.advance(Duration.ofMinutes(5));            // runs every timer due in those 5 minutes, in order
 * }</pre>
 *
 * <p>Thread-safe: the SDK schedules from its HTTP threads while the driver runs tasks. Tasks take
 * no virtual time, so fixed-rate and fixed-delay periodic tasks behave alike. {@link #shutdown()}
 * rejects new tasks but pending ones still run when due; {@link #shutdownNow()} drops them and
 * returns them.
 */
public final class VirtualTimeScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final Clock clock;
  private final Consumer<Duration> advanceClock;
  private final AtomicLong sequence = new AtomicLong();
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private volatile boolean shutdown;

  /**
   * Creates a scheduler whose delays are measured on {@code clock} and which moves time with {@code
   * advanceClock}.
   *
   * @param clock the clock delays are measured on
   * @param advanceClock moves {@code clock} forward by the given (non-negative) amount
   */
  public VirtualTimeScheduler(Clock clock, Consumer<Duration> advanceClock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.advanceClock = Objects.requireNonNull(advanceClock, "advanceClock");
  }

  /**
   * Creates a scheduler on a frozen emulator clock, which it advances itself.
   *
   * @param clock a frozen emulator clock (see {@link EmulatorClock#isFrozen()})
   * @return the scheduler
   * @throws IllegalArgumentException if the clock ticks on its own
   */
  public static VirtualTimeScheduler on(EmulatorClock clock) {
    Objects.requireNonNull(clock, "clock");
    if (!clock.isFrozen()) {
      throw new IllegalArgumentException("A virtual-time scheduler needs a frozen EmulatorClock");
    }
    return new VirtualTimeScheduler(clock, clock::advance);
  }

  /**
   * Moves time forward by {@code amount}, running every task that falls due on the way, in due
   * order, with the clock moved to each task's due time before it runs; the clock ends {@code
   * amount} later than it started.
   *
   * @param amount how far to move time; not negative
   * @return how many tasks ran
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public int advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("Cannot move virtual time backwards: " + amount);
    }
    long target = clock.millis() + amount.toMillis();
    int ran = 0;
    while (true) {
      Task<?> next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.dueMillis > target) {
          break;
        }
        queue.poll();
      }
      long now = clock.millis();
      if (next.dueMillis > now) {
        advanceClock.accept(Duration.ofMillis(next.dueMillis - now));
      }
      next.runOnce();
      ran++;
    }
    long now = clock.millis();
    if (target > now) {
      advanceClock.accept(Duration.ofMillis(target - now));
    }
    return ran;
  }

  /**
   * Runs the tasks already due, without moving time (tasks they schedule for now run too).
   *
   * @return how many tasks ran
   */
  public int runDue() {
    return advance(Duration.ZERO);
  }

  /**
   * Returns when the earliest pending task falls due.
   *
   * @return its due instant, or null when nothing is pending
   */
  public synchronized Instant nextDue() {
    Task<?> t = queue.peek();
    return t == null ? null : Instant.ofEpochMilli(t.dueMillis);
  }

  /**
   * Returns the delay from now until the earliest pending task falls due.
   *
   * @return the delay (zero or negative when already due), or null when nothing is pending
   */
  public synchronized Duration nextDelay() {
    Task<?> t = queue.peek();
    return t == null ? null : Duration.ofMillis(t.dueMillis - clock.millis());
  }

  /**
   * Returns how many tasks are pending (cancelled tasks are removed at once and not counted).
   *
   * @return the number of pending tasks
   */
  public synchronized int pending() {
    return queue.size();
  }

  private <V> Task<V> enqueue(Task<V> task) {
    if (shutdown) {
      throw new RejectedExecutionException("The virtual-time scheduler is shut down");
    }
    synchronized (this) {
      queue.add(task);
    }
    return task;
  }

  private long dueIn(long delay, TimeUnit unit) {
    return clock.millis() + Math.max(0, unit.toMillis(delay));
  }

  private static Callable<Object> callable(Runnable command) {
    Objects.requireNonNull(command, "command");
    return () -> {
      command.run();
      return null;
    };
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(new Task<>(this, callable(command), dueIn(delay, unit), 0));
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(
        new Task<>(this, Objects.requireNonNull(callable, "callable"), dueIn(delay, unit), 0));
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return schedulePeriodic(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    // Tasks take no virtual time, so fixed rate and fixed delay coincide.
    return schedulePeriodic(command, initialDelay, delay, unit);
  }

  private ScheduledFuture<?> schedulePeriodic(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    if (period <= 0) {
      throw new IllegalArgumentException("The period must be positive, was " + period);
    }
    return enqueue(
        new Task<>(
            this,
            callable(command),
            dueIn(initialDelay, unit),
            Math.max(1, unit.toMillis(period))));
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.MILLISECONDS);
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    synchronized (this) {
      List<Runnable> left = new ArrayList<>(queue);
      queue.clear();
      return left;
    }
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return shutdown;
  }

  /** One scheduled task; periodic ones re-enqueue themselves after each run. */
  private static final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    private final VirtualTimeScheduler owner;
    private final long periodMillis;
    private final long sequence;
    private long dueMillis;

    Task(VirtualTimeScheduler owner, Callable<V> body, long dueMillis, long periodMillis) {
      super(body);
      this.owner = owner;
      this.dueMillis = dueMillis;
      this.periodMillis = periodMillis;
      this.sequence = owner.sequence.getAndIncrement();
    }

    void runOnce() {
      if (periodMillis == 0) {
        run();
      } else if (runAndReset() && !owner.shutdown) {
        dueMillis += periodMillis;
        synchronized (owner) {
          owner.queue.add(this);
        }
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        synchronized (owner) {
          owner.queue.remove(this);
        }
      }
      return cancelled;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueMillis - owner.clock.millis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      if (other instanceof Task<?> t) {
        int c = Long.compare(dueMillis, t.dueMillis);
        return c != 0 ? c : Long.compare(sequence, t.sequence);
      }
      return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
    }
  }
}
