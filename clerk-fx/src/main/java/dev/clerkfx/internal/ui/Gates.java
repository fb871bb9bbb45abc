package dev.clerkfx.internal.ui;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.AuthState;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;

/**
 * Shows a node only while the auth state passes a test (the {@code SignedIn}, {@code SignedOut} and
 * {@code Protect} containers). Reads {@link AuthState#snapshotProperty()} and {@link
 * AuthState#loadedProperty()}, so it follows every change on the FX Application Thread in one step.
 */
public final class Gates {
  private Gates() {}

  /**
   * Keeps {@code node} visible and managed exactly while {@code test} passes; the returned listener
   * must stay reachable as long as the node (the state holds it weakly).
   *
   * @param node the node to show or hide
   * @param auth the client's auth state
   * @param test the test, given the current snapshot
   * @return the listener (keep a reference; call it to re-evaluate after other inputs change)
   */
  public static InvalidationListener bind(Node node, AuthState auth, Predicate<AuthSnapshot> test) {
    InvalidationListener update =
        o -> {
          AuthSnapshot s = auth.getSnapshot();
          boolean show = auth.isLoaded() && s != null && test.test(s);
          node.setVisible(show);
          node.setManaged(show);
        };
    auth.snapshotProperty().addListener(new WeakInvalidationListener(update));
    auth.loadedProperty().addListener(new WeakInvalidationListener(update));
    update.invalidated(null);
    return update;
  }
}
