package dev.clerkfx.internal.session;

import dev.clerkfx.AuthEvent;
import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.LoadState;
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

/**
 * The publishing end of the state machine: turns each committed snapshot into {@link AuthEvent}s
 * and hands snapshots, events, renewed tokens and load states to the RxJava subjects. {@link
 * #publish} runs only on the {@code clerk-fx-events} thread, so it needs no lock and subscribers
 * run outside every SDK lock, in commit order. {@link #publishView} feeds the JavaFX views from the
 * state thread (they only queue the step for the FX thread).
 */
final class Publisher {
  private static final System.Logger LOG = System.getLogger(Publisher.class.getName());

  private final BehaviorSubject<AuthSnapshot> snapshots =
      BehaviorSubject.createDefault(AuthSnapshot.initial());
  private final BehaviorSubject<LoadState> loadStates =
      BehaviorSubject.createDefault(LoadState.loading());
  private final BehaviorSubject<Published> views =
      BehaviorSubject.createDefault(new Published(AuthSnapshot.initial(), LoadState.loading()));
  private final PublishSubject<AuthEvent> events = PublishSubject.create();
  private final PublishSubject<Token> tokens = PublishSubject.create();
  private AuthSnapshot last = AuthSnapshot.initial();
  private LoadState lastLoad = LoadState.loading();

  Observable<AuthSnapshot> snapshots() {
    return snapshots.hide();
  }

  Observable<LoadState> loadStates() {
    return loadStates.hide();
  }

  Observable<Published> views() {
    return views.hide();
  }

  Observable<AuthEvent> events() {
    return events.hide();
  }

  Observable<Token> tokens() {
    return tokens.hide();
  }

  /**
   * Publishes one committed step. Events thread only.
   *
   * @param next the snapshot
   * @param load the load state
   * @param reason why the user was signed out, if this step signs out and the reason is known
   * @param renewed a renewed session token of the current session, or null
   */
  void publish(AuthSnapshot next, LoadState load, SignOutReason reason, Token renewed) {
    AuthSnapshot prev = last;
    boolean changed = !next.equals(prev);
    boolean loadChanged = !load.equals(lastLoad);
    last = next;
    lastLoad = load;
    if (changed) safe(() -> snapshots.onNext(next));
    if (loadChanged) safe(() -> loadStates.onNext(load));
    if (changed) {
      for (AuthEvent e : events(prev, next, reason)) safe(() -> events.onNext(e));
    }
    if (renewed != null) {
      safe(() -> tokens.onNext(renewed));
      safe(() -> events.onNext(new AuthEvent.TokenRefreshed(renewed)));
    }
  }

  /**
   * Hands one committed step to the JavaFX views. State thread only: the views only queue it for
   * the FX thread, so an FX-thread continuation of an SDK future always finds the state that
   * future's response brought.
   *
   * @param step the snapshot and load state
   */
  void publishView(Published step) {
    if (!step.equals(views.getValue())) safe(() -> views.onNext(step));
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
      boolean sessionChanged =
          !before.id().equals(after.id())
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
    SessionStatus status =
        next.client()
            .flatMap(c -> c.session(sid))
            .map(Session::status)
            .orElse(SessionStatus.UNKNOWN);
    return switch (status) {
      case EXPIRED, ABANDONED -> SignOutReason.EXPIRED;
      case ENDED, REMOVED, REPLACED -> SignOutReason.SIGNED_OUT_ELSEWHERE;
      default -> SignOutReason.REVOKED;
    };
  }
}
