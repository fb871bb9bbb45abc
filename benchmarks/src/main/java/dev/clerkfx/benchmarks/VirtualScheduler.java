package dev.clerkfx.benchmarks;

import dev.clerkfx.testkit.EmulatorClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ScheduledExecutorService} on the emulator's frozen clock: a task falls due when the clock reaches its
 * due instant, and runs only when the driver calls {@link #runDue()}, on the driver's thread. So the SDK's refresh
 * timers and the emulator's token lifetimes share one emulated time line, and a run of 30 emulated minutes takes
 * a fraction of a second. Thread-safe: the SDK schedules from OkHttp threads while the driver runs tasks.
 */
final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final EmulatorClock clock;
  private final AtomicLong sequence = new AtomicLong();
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private volatile boolean shutdown;

  VirtualScheduler(EmulatorClock clock) {
    if (!clock.isFrozen()) {
      throw new IllegalArgumentException("A virtual scheduler needs a frozen EmulatorClock");
    }
    this.clock = clock;
  }

  /**
   * Returns when the earliest pending task falls due.
   *
   * @return its due instant, or null when nothing is pending
   */
  synchronized Instant nextDue() {
    Task<?> t = queue.peek();
    return t == null ? null : Instant.ofEpochMilli(t.dueMillis);
  }

  /** Returns how many tasks are pending. */
  synchronized int pending() {
    return queue.size();
  }

  /**
   * Runs every task due at the clock's current instant, in due order (tasks they schedule for now run too).
   *
   * @return how many tasks ran
   */
  int runDue() {
    int ran = 0;
    while (true) {
      Task<?> next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.dueMillis > clock.millis()) {
          return ran;
        }
        queue.poll();
      }
      next.runOnce();
      ran++;
    }
  }

  private <V> Task<V> enqueue(Task<V> task) {
    if (shutdown) {
      throw new java.util.concurrent.RejectedExecutionException("The virtual scheduler is shut down");
    }
    synchronized (this) {
      queue.add(task);
    }
    return task;
  }

  private long dueIn(long delay, TimeUnit unit) {
    return clock.millis() + Math.max(0, unit.toMillis(delay));
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(new Task<>(this, () -> {
      command.run();
      return null;
    }, dueIn(delay, unit), 0));
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(new Task<>(this, callable, dueIn(delay, unit), 0));
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    return schedulePeriodic(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    // Tasks take no emulated time, so fixed rate and fixed delay coincide.
    return schedulePeriodic(command, initialDelay, delay, unit);
  }

  private ScheduledFuture<?> schedulePeriodic(Runnable command, long initialDelay, long period, TimeUnit unit) {
    if (period <= 0) {
      throw new IllegalArgumentException("The period must be positive, was " + period);
    }
    return enqueue(new Task<>(this, () -> {
      command.run();
      return null;
    }, dueIn(initialDelay, unit), Math.max(1, unit.toMillis(period))));
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
    private final VirtualScheduler owner;
    private final long periodMillis;
    private final long sequence;
    private long dueMillis;

    Task(VirtualScheduler owner, Callable<V> body, long dueMillis, long periodMillis) {
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
