package dev.clerkfx.internal.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import javafx.application.Platform;

/** Brings the outcome of an SDK call back to the FX Application Thread. */
public final class FxAsync {
  private FxAsync() {}

  /**
   * Calls {@code done} on the FX Application Thread with the result, or with the unwrapped failure,
   * of {@code future}.
   *
   * @param future an SDK call (completes on any thread)
   * @param done runs on the FX Application Thread; exactly one of its arguments is non-null (unless
   *     the value is null)
   * @param <T> the result type
   */
  public static <T> void onFx(CompletableFuture<T> future, BiConsumer<T, Throwable> done) {
    future.whenComplete(
        (value, error) -> {
          Throwable e = error == null ? null : unwrap(error);
          if (Platform.isFxApplicationThread()) {
            done.accept(value, e);
          } else {
            Platform.runLater(() -> done.accept(value, e));
          }
        });
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
