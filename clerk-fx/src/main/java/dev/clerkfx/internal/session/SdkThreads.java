package dev.clerkfx.internal.session;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's own threads, all daemon: a finished app's JVM exits whatever they hold. Threads of the
 * serial executors ({@code clerk-fx-state}, {@code clerk-fx-io}, {@code clerk-fx-events}) are
 * {@link SdkThread}s, so code can tell that it must not complete an app's future inline there.
 */
final class SdkThreads {
  private SdkThreads() {}

  /** A thread of one of the SDK's serial executors. */
  static final class SdkThread extends Thread {
    final Object owner;

    SdkThread(Runnable r, String name, Object owner) {
      super(r, name);
      this.owner = owner;
      setDaemon(true);
    }
  }

  /** True when the caller runs on the serial executor made with {@code owner}. */
  static boolean onThreadOf(Object owner) {
    return Thread.currentThread() instanceof SdkThread t && t.owner == owner;
  }

  /** True when the caller runs on a serial SDK executor. */
  static boolean onSdkThread() {
    return Thread.currentThread() instanceof SdkThread;
  }

  /** One daemon thread running tasks in order; the thread ends when idle for a few seconds. */
  static ThreadPoolExecutor serial(String name, Object owner) {
    ThreadPoolExecutor e =
        new ThreadPoolExecutor(
            1,
            1,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> new SdkThread(r, name, owner));
    e.allowCoreThreadTimeOut(true);
    return e;
  }

  /** Daemon threads on demand, for completing app futures off the serial executors. */
  static ExecutorService callbacks() {
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        10,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "clerk-fx-callback");
          t.setDaemon(true);
          return t;
        });
  }
}
