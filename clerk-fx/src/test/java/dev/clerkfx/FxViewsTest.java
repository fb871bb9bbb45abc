package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.internal.session.FxDispatch;
import dev.clerkfx.internal.session.Published;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.SessionTask;
import dev.clerkfx.testsupport.TestData;
import io.reactivex.rxjava3.subjects.BehaviorSubject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * The JavaFX views apply each snapshot in one step, in an order that never shows signedIn without a
 * user.
 */
class FxViewsTest {
  /** A fake FX thread: tasks queue until the test runs them. */
  static final class QueueFx implements FxDispatch {
    final Queue<Runnable> tasks = new ArrayDeque<>();
    boolean onFx;

    @Override
    public boolean isFxThread() {
      return onFx;
    }

    @Override
    public void dispatch(Runnable task) {
      tasks.add(task);
    }

    int runAll() {
      int n = 0;
      onFx = true;
      for (Runnable r; (r = tasks.poll()) != null; n++) r.run();
      onFx = false;
      return n;
    }
  }

  private final QueueFx fx = new QueueFx();
  private final BehaviorSubject<Published> published =
      BehaviorSubject.createDefault(new Published(AuthSnapshot.initial(), LoadState.loading()));

  /** Stands for the SDK's publication of one snapshot. */
  private final class Snapshots {
    void onNext(AuthSnapshot s) {
      published.onNext(new Published(s, LoadState.loaded()));
    }
  }

  private final Snapshots snapshots = new Snapshots();

  @Test
  void propertiesChangeOnlyOnTheFxThreadAndStayConsistent() {
    FxViews views = new FxViews(null, fx, published);
    List<String> violations = new ArrayList<>();
    views
        .auth
        .signedInProperty()
        .addListener(
            (o, was, now) -> {
              if (!fx.onFx) violations.add("signedIn changed off the FX thread");
              if (now && views.user.getUser() == null) violations.add("signedIn without user");
              if (now && views.auth.getUserId() == null) violations.add("signedIn without userId");
              if (now && views.user.getFullName().isEmpty())
                violations.add("signedIn without name");
            });
    views
        .user
        .userProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null && views.auth.isSignedIn())
                violations.add("user cleared while signedIn");
              if (now == null && views.user.isSignedIn())
                violations.add("user cleared while user.signedIn");
            });

    Client c = TestData.signedIn("sess_1");
    snapshots.onNext(AuthSnapshot.of(c, null));
    assertThat(views.auth.isSignedIn()).isFalse(); // nothing until the FX thread runs
    assertThat(fx.runAll()).isEqualTo(1);
    assertThat(views.auth.isSignedIn()).isTrue();
    assertThat(views.auth.isLoaded()).isTrue();
    assertThat(views.user.getFullName()).isEqualTo("Ada Lovelace");
    assertThat(views.user.getFirstName()).isEqualTo("Ada");
    assertThat(views.user.getPrimaryEmailAddress()).isEqualTo("ada@example.com");
    assertThat(views.user.getImageUrl()).isEqualTo("https://img.example/user_1");
    assertThat(views.auth.getSessionId()).isEqualTo("sess_1");

    snapshots.onNext(AuthSnapshot.of(null, null));
    fx.runAll();
    assertThat(views.auth.isSignedIn()).isFalse();
    assertThat(views.user.getUser()).isNull();
    assertThat(views.user.getFullName()).isEmpty();
    assertThat(views.auth.getUserId()).isNull();
    assertThat(violations).isEmpty();
  }

  @Test
  void burstsAreCoalescedToTheNewestSnapshot() {
    FxViews views = new FxViews(null, fx, published);
    for (int i = 0; i <= 50; i++) {
      snapshots.onNext(AuthSnapshot.of(i % 2 == 0 ? TestData.signedIn("sess_" + i) : null, null));
    }
    assertThat(fx.runAll()).isEqualTo(1);
    assertThat(views.auth.isSignedIn()).isTrue();
    assertThat(views.auth.getSessionId()).isEqualTo("sess_50");
  }

  @Test
  void createdOnTheFxThreadTheViewsShowTheCurrentStateAtOnce() {
    fx.onFx = true;
    AuthSnapshot current = AuthSnapshot.of(TestData.signedIn("sess_1"), null);
    FxViews views =
        new FxViews(
            null,
            fx,
            BehaviorSubject.createDefault(new Published(current, LoadState.loadedFromCache())));
    assertThat(views.auth.isSignedIn()).isTrue();
    assertThat(views.user.getUser()).isNotNull();
    assertThat(views.auth.getLoadState()).isEqualTo(LoadState.loadedFromCache());
  }

  @Test
  void sessionsMembershipsPendingTaskAndLoadStateChangeInTheSameStep() {
    FxViews views = new FxViews(null, fx, published);
    List<String> seenAtSignIn = new ArrayList<>();
    views
        .auth
        .signedInProperty()
        .addListener(
            (o, was, now) -> {
              if (now) {
                seenAtSignIn.add("session=" + views.auth.getSession().id());
                seenAtSignIn.add("sessions=" + views.auth.getSessions().size());
                seenAtSignIn.add("memberships=" + views.user.getOrganizationMemberships().size());
                seenAtSignIn.add("load=" + views.auth.getLoadState().phase());
              }
            });
    Client two =
        TestData.client(
            "sess_a",
            TestData.session(
                "sess_a",
                "active",
                TestData.user("user_1", "Ada", "Lovelace", "org_1", "org:admin"),
                "org_1",
                null),
            TestData.session(
                "sess_b",
                "active",
                TestData.user("user_2", "Grace", "Hopper", null, null),
                null,
                null),
            TestData.session(
                "sess_c",
                "ended",
                TestData.user("user_3", "Alan", "Turing", null, null),
                null,
                null));
    snapshots.onNext(AuthSnapshot.of(two, null));
    fx.runAll();
    assertThat(seenAtSignIn)
        .containsExactly("session=sess_a", "sessions=2", "memberships=1", "load=LOADED");
    assertThat(views.auth.getSessions())
        .extracting(Session::id)
        .containsExactly("sess_a", "sess_b");
    assertThat(views.user.getOrganizationMemberships().get(0).organization().name())
        .contains("Org org_1");
    assertThat(views.user.getOrganizationMemberships().get(0).role()).isEqualTo("org:admin");
    assertThatThrownBy(() -> views.auth.getSessions().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(views.auth.getPendingTask()).isNull();

    // a pending session with a task: not signed in, the task is shown as the next step
    com.fasterxml.jackson.databind.node.ObjectNode pending =
        TestData.session(
            "sess_p",
            "pending",
            TestData.user("user_1", "Ada", "Lovelace", null, null),
            null,
            null);
    pending.putArray("tasks").addObject().put("key", "setup-mfa");
    snapshots.onNext(AuthSnapshot.of(TestData.client("sess_p", pending), null));
    fx.runAll();
    assertThat(views.auth.isSignedIn()).isFalse();
    assertThat(views.auth.getSession()).isNull();
    assertThat(views.auth.getPendingTask()).isEqualTo(new SessionTask("setup-mfa"));
    assertThat(views.user.getOrganizationMemberships()).isEmpty();

    published.onNext(
        new Published(
            AuthSnapshot.of(null, null),
            LoadState.failed(
                new ClerkException("network_error", "offline", null), java.time.Instant.EPOCH)));
    fx.runAll();
    assertThat(views.auth.getLoadState().phase()).isEqualTo(LoadState.Phase.FAILED);
    assertThat(views.auth.getPendingTask()).isNull();
  }
}
