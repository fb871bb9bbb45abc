package dev.clerkfx.benchmarks;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Dispatcher;

/**
 * Waits until an OkHttp {@link Dispatcher} has no queued or running call. The SDK completes its
 * futures inside OkHttp's callback, so once the dispatcher is idle every response has been applied
 * (cached, timers scheduled). With it, an emulated-time run treats the loopback network as
 * instantaneous in emulated time.
 */
final class NetworkIdle {
  private final Dispatcher dispatcher;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();

  NetworkIdle(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
    dispatcher.setIdleCallback(this::signal);
  }

  private void signal() {
    lock.lock();
    try {
      idle.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Blocks until no call is queued or running.
   *
   * @param timeout the longest wait
   * @throws IllegalStateException when calls are still running after {@code timeout}
   * @throws InterruptedException if interrupted
   */
  void await(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (dispatcher.runningCallsCount() + dispatcher.queuedCallsCount() > 0) {
        if (nanos <= 0) {
          throw new IllegalStateException("The SDK's HTTP calls did not finish within " + timeout);
        }
        // The idle callback signals under this lock, so it cannot slip between the count check and
        // the wait.
        nanos = idle.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }
}
