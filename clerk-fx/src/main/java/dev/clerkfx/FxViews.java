package dev.clerkfx;

import dev.clerkfx.internal.session.FxDispatch;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Owns the JavaFX views of one client and applies every snapshot to both in one FX-thread step, in an order that
 * never shows {@code signedIn} without its user: data before the flag on sign-in, the flag before data on sign-out,
 * {@code loaded} last. Snapshots that arrive faster than the FX thread runs are coalesced to the newest.
 */
final class FxViews {
  final AuthState auth;
  final UserState user;
  private final FxDispatch fx;
  private final AtomicReference<AuthSnapshot> pending = new AtomicReference<>();
  private final Disposable subscription;

  FxViews(ClerkClient client, FxDispatch fx, AuthSnapshot current, Observable<AuthSnapshot> snapshots) {
    this.auth = new AuthState(client);
    this.user = new UserState(client);
    this.fx = fx;
    if (fx.isFxThread()) apply(current);
    this.subscription = snapshots.subscribe(this::offer);
  }

  private void offer(AuthSnapshot s) {
    if (pending.getAndSet(s) == null) fx.dispatch(this::drain);
  }

  private void drain() {
    AuthSnapshot s = pending.getAndSet(null);
    if (s != null) apply(s);
  }

  private void apply(AuthSnapshot s) {
    if (s.equals(auth.getSnapshot()) && auth.isLoaded() == s.loaded()) return;
    if (s.signedIn()) {
      user.applyData(s);
      auth.applyData(s);
      user.applySignedIn(s);
      auth.applySignedIn(s);
    } else {
      auth.applySignedIn(s);
      user.applySignedIn(s);
      auth.applyData(s);
      user.applyData(s);
    }
    user.applyLoaded(s);
    auth.applyLoaded(s);
  }

  void dispose() {
    subscription.dispose();
  }
}
