package dev.clerkfx;

import dev.clerkfx.internal.session.FxDispatch;
import dev.clerkfx.internal.session.Published;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Owns the JavaFX views of one client and applies every published step (snapshot and load state) to
 * both in one FX-thread step, in an order that never shows {@code signedIn} without its user: data
 * before the flag on sign-in, the flag before data on sign-out, {@code loaded} last. Steps that
 * arrive faster than the FX thread runs are coalesced to the newest.
 */
final class FxViews {
  final AuthState auth;
  final UserState user;
  private final FxDispatch fx;
  private final AtomicReference<Published> pending = new AtomicReference<>();
  private final Disposable subscription;

  /**
   * Subscribes to {@code views} (which replays the newest step); created on the FX thread, applies
   * it at once.
   */
  FxViews(ClerkClient client, FxDispatch fx, Observable<Published> views) {
    this.auth = new AuthState(client);
    this.user = new UserState(client);
    this.fx = fx;
    this.subscription = views.subscribe(this::offer);
    if (fx.isFxThread()) drain();
  }

  private void offer(Published p) {
    if (pending.getAndSet(p) == null) fx.dispatch(this::drain);
  }

  private void drain() {
    Published p = pending.getAndSet(null);
    if (p != null) apply(p);
  }

  private void apply(Published p) {
    AuthSnapshot s = p.snapshot();
    auth.applyLoadState(p.load());
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
