package dev.clerkfx.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A {@link ScheduledExecutorService} on virtual time: tasks run only when a test calls {@link #advance(Duration)},
 * in due order, on the test's thread, with the clock moved to each task's due time first. Delays are measured
 * on the given clock, so the SDK's timers and the emulator's token lifetimes share one time line.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final Clock clock;
  private final Consumer<Duration> advanceClock;
  private final PriorityQueue<Task<?>> queue =
      new PriorityQueue<>(Comparator.<Task<?>>comparingLong(t -> t.dueMillis).thenComparingLong(t -> t.seq));
  private final AtomicLong seq = new AtomicLong();
  private volatile boolean shutdown;

  public ManualScheduler(Clock clock, Consumer<Duration> advanceClock) {
    this.clock = clock;
    this.advanceClock = advanceClock;
  }

  public static ManualScheduler on(MutableClock clock) {
    return new ManualScheduler(clock, clock::advance);
  }

  /** Moves time forward by {@code d}, running every task that falls due, in order. */
  public void advance(Duration d) {
    long target = clock.millis() + d.toMillis();
    while (true) {
      Task<?> next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.dueMillis > target) break;
        queue.poll();
      }
      long now = clock.millis();
      if (next.dueMillis > now) advanceClock.accept(Duration.ofMillis(next.dueMillis - now));
      next.run();
    }
    long now = clock.millis();
    if (target > now) advanceClock.accept(Duration.ofMillis(target - now));
  }

  /** Runs the tasks already due without moving time. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** Returns the number of pending (not cancelled) tasks. */
  public synchronized int pending() {
    return (int) queue.stream().filter(t -> !t.isCancelled()).count();
  }

  /** Returns the delay until the next pending task, or null. */
  public synchronized Duration nextDelay() {
    return queue.stream().filter(t -> !t.isCancelled()).findFirst()
        .map(t -> Duration.ofMillis(t.dueMillis - clock.millis())).orElse(null);
  }

  private <V> Task<V> add(Callable<V> c, long delay, TimeUnit unit) {
    if (shutdown) throw new java.util.concurrent.RejectedExecutionException("shut down");
    Task<V> t = new Task<>(c, clock.millis() + unit.toMillis(Math.max(0, delay)), seq.incrementAndGet());
    synchronized (this) {
      queue.add(t);
    }
    return t;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(() -> {
      command.run();
      return null;
    }, delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return add(callable, delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("not used by clerk-fx");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("not used by clerk-fx");
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
      queue.clear();
    }
    return new ArrayList<>();
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
    return true;
  }

  private final class Task<V> implements ScheduledFuture<V> {
    final long dueMillis;
    final long seq;
    final Callable<V> callable;
    final CompletableFuture<V> result = new CompletableFuture<>();

    Task(Callable<V> callable, long dueMillis, long seq) {
      this.callable = callable;
      this.dueMillis = dueMillis;
      this.seq = seq;
    }

    void run() {
      if (result.isDone()) return;
      try {
        result.complete(callable.call());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueMillis - clock.millis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.MILLISECONDS), o.getDelay(TimeUnit.MILLISECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = result.cancel(false);
      if (cancelled) {
        synchronized (ManualScheduler.this) {
          queue.remove(this);
        }
      }
      return cancelled;
    }

    @Override
    public boolean isCancelled() {
      return result.isCancelled();
    }

    @Override
    public boolean isDone() {
      return result.isDone();
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
      return result.get();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
        java.util.concurrent.TimeoutException {
      return result.get(timeout, unit);
    }
  }
}
