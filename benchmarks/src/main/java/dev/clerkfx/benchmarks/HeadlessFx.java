package dev.clerkfx.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit headless (Monocle, software rendering), once per JVM, as the project's
 * UI tests do.
 */
final class HeadlessFx {
  private static boolean started;

  private HeadlessFx() {}

  /**
   * Starts the toolkit if this JVM has not yet.
   *
   * @throws InterruptedException if interrupted while waiting for the FX Application Thread
   */
  static synchronized void start() throws InterruptedException {
    if (started) {
      return;
    }
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("java.awt.headless", "true");
    CountDownLatch up = new CountDownLatch(1);
    Platform.startup(up::countDown);
    if (!up.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The JavaFX toolkit did not start within 30 s");
    }
    Platform.setImplicitExit(false);
    started = true;
  }
}
