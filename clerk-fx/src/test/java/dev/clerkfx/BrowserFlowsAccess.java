package dev.clerkfx;

import java.util.concurrent.CompletionException;

/** Test helper: unwraps {@link CompletionException}s. */
final class BrowserFlowsAccess {
  private BrowserFlowsAccess() {}

  static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
    return t;
  }
}
