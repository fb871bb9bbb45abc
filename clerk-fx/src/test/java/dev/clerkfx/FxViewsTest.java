package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.internal.session.FxDispatch;
import dev.clerkfx.model.Client;
import dev.clerkfx.testsupport.TestData;
import io.reactivex.rxjava3.subjects.BehaviorSubject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The JavaFX views apply each snapshot in one step, in an order that never shows signedIn without a user. */
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
  private final BehaviorSubject<AuthSnapshot> snapshots = BehaviorSubject.createDefault(AuthSnapshot.initial());

  @Test
  void propertiesChangeOnlyOnTheFxThreadAndStayConsistent() {
    FxViews views = new FxViews(null, fx, AuthSnapshot.initial(), snapshots);
    List<String> violations = new ArrayList<>();
    views.auth.signedInProperty().addListener((o, was, now) -> {
      if (!fx.onFx) violations.add("signedIn changed off the FX thread");
      if (now && views.user.getUser() == null) violations.add("signedIn without user");
      if (now && views.auth.getUserId() == null) violations.add("signedIn without userId");
      if (now && views.user.getFullName().isEmpty()) violations.add("signedIn without name");
    });
    views.user.userProperty().addListener((o, was, now) -> {
      if (now == null && views.auth.isSignedIn()) violations.add("user cleared while signedIn");
      if (now == null && views.user.isSignedIn()) violations.add("user cleared while user.signedIn");
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
    FxViews views = new FxViews(null, fx, AuthSnapshot.initial(), snapshots);
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
    FxViews views = new FxViews(null, fx, current, BehaviorSubject.createDefault(current));
    assertThat(views.auth.isSignedIn()).isTrue();
    assertThat(views.user.getUser()).isNotNull();
  }
}
