package dev.clerkfx.internal.session;

import dev.clerkfx.AuthEvent;
import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.SignOutReason;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.SessionStatus;
import dev.clerkfx.model.Token;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.subjects.BehaviorSubject;
import io.reactivex.rxjava3.subjects.PublishSubject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The one auth state store: holds the current {@link AuthSnapshot}, derives {@link AuthEvent}s from each change and
 * publishes both (plus renewed tokens) on RxJava subjects. Updates are serialised, so every subscriber sees the
 * same order. JavaFX views subscribe to {@link #snapshots()} and apply each snapshot on the FX thread.
 */
public final class AuthStore {
  private static final System.Logger LOG = System.getLogger(AuthStore.class.getName());

  private final Object lock = new Object();
  private volatile AuthSnapshot current = AuthSnapshot.initial();
  private final BehaviorSubject<AuthSnapshot> snapshots = BehaviorSubject.createDefault(AuthSnapshot.initial());
  private final PublishSubject<AuthEvent> events = PublishSubject.create();
  private final PublishSubject<Token> tokens = PublishSubject.create();

  /** Returns the current snapshot. */
  public AuthSnapshot current() {
    return current;
  }

  /** Snapshots, replaying the current one to each new subscriber. */
  public Observable<AuthSnapshot> snapshots() {
    return snapshots.hide();
  }

  /** Events as they happen (no replay). */
  public Observable<AuthEvent> events() {
    return events.hide();
  }

  /** Renewed session tokens of the current session (no replay). */
  public Observable<Token> tokens() {
    return tokens.hide();
  }

  /**
   * Replaces the snapshot with {@code update(current)} and publishes it with the events the change implies.
   *
   * @param update computes the next snapshot from the current one
   * @param signOutReason the reason to report if this change signs the user out, or null to infer it
   * @return the new snapshot
   */
  AuthSnapshot update(UnaryOperator<AuthSnapshot> update, SignOutReason signOutReason) {
    synchronized (lock) {
      AuthSnapshot prev = current;
      AuthSnapshot next = update.apply(prev);
      if (next.equals(prev)) return prev;
      current = next;
      List<AuthEvent> derived = events(prev, next, signOutReason);
      emit(next, derived);
      return next;
    }
  }

  /** Publishes a renewed token of the current session, and the snapshot with its claims. */
  void tokenRefreshed(Token token, UnaryOperator<AuthSnapshot> withClaims) {
    synchronized (lock) {
      AuthSnapshot prev = current;
      AuthSnapshot next = withClaims.apply(prev);
      current = next;
      if (!next.equals(prev)) safe(() -> snapshots.onNext(next));
      safe(() -> tokens.onNext(token));
      safe(() -> events.onNext(new AuthEvent.TokenRefreshed(token)));
    }
  }

  private void emit(AuthSnapshot next, List<AuthEvent> derived) {
    safe(() -> snapshots.onNext(next));
    for (AuthEvent e : derived) {
      safe(() -> events.onNext(e));
    }
  }

  private static void safe(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "An auth state subscriber failed", e);
    }
  }

  /** Derives the events between two snapshots. */
  static List<AuthEvent> events(AuthSnapshot prev, AuthSnapshot next, SignOutReason reason) {
    List<AuthEvent> out = new ArrayList<>(2);
    if (!prev.signedIn() && next.signedIn()) {
      out.add(new AuthEvent.SignedIn(next.session().orElseThrow(), next.user().orElseThrow()));
    } else if (prev.signedIn() && !next.signedIn()) {
      out.add(new AuthEvent.SignedOut(reason != null ? reason : inferReason(prev, next)));
    } else if (prev.signedIn()) {
      Session before = prev.session().orElseThrow();
      Session after = next.session().orElseThrow();
      boolean sessionChanged = !before.id().equals(after.id())
          || !before.lastActiveOrganizationId().equals(after.lastActiveOrganizationId());
      if (sessionChanged) {
        out.add(new AuthEvent.SessionChanged(before.id(), after));
      } else if (!Objects.equals(prev.user(), next.user())) {
        out.add(new AuthEvent.UserUpdated(next.user().orElseThrow()));
      }
    }
    return out;
  }

  /** Reads why a session ended from what the server now says about it. */
  private static SignOutReason inferReason(AuthSnapshot prev, AuthSnapshot next) {
    String sid = prev.session().map(Session::id).orElse("");
    SessionStatus status = next.client().flatMap(c -> c.session(sid)).map(Session::status)
        .orElse(SessionStatus.UNKNOWN);
    return switch (status) {
      case EXPIRED, ABANDONED -> SignOutReason.EXPIRED;
      case ENDED, REMOVED, REPLACED -> SignOutReason.SIGNED_OUT_ELSEWHERE;
      default -> SignOutReason.REVOKED;
    };
  }
}
