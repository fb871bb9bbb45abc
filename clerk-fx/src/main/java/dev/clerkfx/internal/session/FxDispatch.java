package dev.clerkfx.internal.session;

import javafx.application.Platform;

/**
 * Where JavaFX property changes run: the FX Application Thread in an app, something controllable in
 * unit tests.
 */
public interface FxDispatch {
  /** True when the caller is on the thread that may touch the JavaFX properties. */
  boolean isFxThread();

  /** Runs {@code task} on that thread, later. */
  void dispatch(Runnable task);

  /** The real JavaFX Application Thread ({@code Platform.runLater}). */
  static FxDispatch platform() {
    return PlatformDispatch.INSTANCE;
  }

  /** Runs {@code Platform.runLater}; the toolkit must be started (as in any JavaFX app). */
  enum PlatformDispatch implements FxDispatch {
    INSTANCE;

    @Override
    public boolean isFxThread() {
      return Platform.isFxApplicationThread();
    }

    @Override
    public void dispatch(Runnable task) {
      Platform.runLater(task);
    }
  }
}
