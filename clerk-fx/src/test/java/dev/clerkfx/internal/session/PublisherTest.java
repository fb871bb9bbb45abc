package dev.clerkfx.internal.session;

import static dev.clerkfx.testsupport.TestData.client;
import static dev.clerkfx.testsupport.TestData.session;
import static dev.clerkfx.testsupport.TestData.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.AuthEvent;
import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.LoadState;
import dev.clerkfx.SignOutReason;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.SessionClaims;
import dev.clerkfx.model.Token;
import dev.clerkfx.testsupport.TestData;
import io.reactivex.rxjava3.observers.TestObserver;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Events derived from each published step, and the streams' replay rules. */
class PublisherTest {
  private final Publisher store = new Publisher();

  private void publish(Publisher p, AuthSnapshot s, SignOutReason reason) {
    p.publish(s, LoadState.loaded(), reason, null);
  }

  @Test
  void snapshotsReplayTheCurrentOneAndEventsFollowEachChange() {
    TestObserver<AuthEvent> events = store.events().test();
    Client signedIn = TestData.signedIn("sess_1");
    publish(store, AuthSnapshot.of(signedIn, null), null);
    TestObserver<AuthSnapshot> late = store.snapshots().test();
    late.assertValueCount(1);
    assertThat(late.values().get(0).signedIn()).isTrue();
    assertThat(late.values().get(0).userId()).contains("user_1");

    Client renamed =
        client(
            "sess_1",
            session("sess_1", "active", user("user_1", "Augusta", "King", null, null), null, null));
    publish(store, AuthSnapshot.of(renamed, null), null);
    Client other =
        client(
            "sess_2",
            session("sess_1", "active", user("user_1", "Augusta", "King", null, null), null, null),
            session("sess_2", "active", user("user_2", "Grace", "Hopper", null, null), null, null));
    publish(store, AuthSnapshot.of(other, null), null);
    publish(store, AuthSnapshot.of(null, null), SignOutReason.USER_ACTION);

    assertThat(events.values()).hasSize(4);
    assertThat(events.values().get(0)).isInstanceOf(AuthEvent.SignedIn.class);
    assertThat(((AuthEvent.UserUpdated) events.values().get(1)).user().firstName())
        .contains("Augusta");
    assertThat(((AuthEvent.SessionChanged) events.values().get(2)).previousSessionId())
        .isEqualTo("sess_1");
    assertThat(((AuthEvent.SignedOut) events.values().get(3)).reason())
        .isEqualTo(SignOutReason.USER_ACTION);
  }

  @Test
  void loadStatesReplayAndChangeWithoutASnapshotChange() {
    TestObserver<LoadState> loads = store.loadStates().test();
    AuthSnapshot s = AuthSnapshot.of(null, null);
    store.publish(s, LoadState.loadedFromCache(), null, null);
    TestObserver<AuthSnapshot> snaps = store.snapshots().test();
    store.publish(s, LoadState.loaded(), null, null);
    assertThat(loads.values())
        .containsExactly(LoadState.loading(), LoadState.loadedFromCache(), LoadState.loaded());
    snaps.assertValueCount(1);
    assertThat(store.loadStates().test().values()).containsExactly(LoadState.loaded());
  }

  @Test
  void anUnchangedSnapshotPublishesNothing() {
    publish(store, AuthSnapshot.of(TestData.signedIn("sess_1"), null), null);
    TestObserver<AuthSnapshot> snaps = store.snapshots().test();
    TestObserver<AuthEvent> events = store.events().test();
    publish(store, AuthSnapshot.of(TestData.signedIn("sess_1"), null), null);
    snaps.assertValueCount(1);
    events.assertNoValues();
  }

  @Test
  void theSignOutReasonIsReadFromTheSessionsNewStatus() {
    for (String[] c :
        new String[][] {
          {"revoked", "REVOKED"},
          {"expired", "EXPIRED"},
          {"abandoned", "EXPIRED"},
          {"ended", "SIGNED_OUT_ELSEWHERE"},
          {"removed", "SIGNED_OUT_ELSEWHERE"}
        }) {
      Publisher s = new Publisher();
      publish(s, AuthSnapshot.of(TestData.signedIn("sess_1"), null), null);
      TestObserver<AuthEvent> events = s.events().test();
      Client ended =
          client(
              "sess_1",
              session("sess_1", c[0], user("user_1", "Ada", "Lovelace", null, null), null, null));
      publish(s, AuthSnapshot.of(ended, null), null);
      assertThat(events.values())
          .singleElement()
          .isEqualTo(new AuthEvent.SignedOut(SignOutReason.valueOf(c[1])));
    }
  }

  @Test
  void tokensAreStreamedWithTheirClaims() {
    publish(store, AuthSnapshot.of(TestData.signedIn("sess_1"), null), null);
    TestObserver<Token> tokens = store.tokens().test();
    TestObserver<AuthEvent> events = store.events().test();
    String jwt = TestData.jwt("sess_1", "user_1", 1000, 1060, null);
    SessionClaims claims = SessionClaims.decode(jwt);
    TestObserver<AuthSnapshot> snaps = store.snapshots().test();
    AuthSnapshot prev = AuthSnapshot.of(TestData.signedIn("sess_1"), null);
    store.publish(
        new AuthSnapshot(
            prev.loaded(),
            prev.client(),
            prev.session(),
            prev.user(),
            prev.organization(),
            Optional.of(claims)),
        LoadState.loaded(),
        null,
        new Token(jwt));
    tokens.assertValue(new Token(jwt));
    assertThat(events.values()).singleElement().isInstanceOf(AuthEvent.TokenRefreshed.class);
    assertThat(events.values().get(0).toString()).doesNotContain(jwt);
    assertThat(snaps.values())
        .last()
        .satisfies(x -> assertThat(x.sessionClaims()).contains(claims));
  }

  @Test
  void snapshotDerivesOrganizationRoleSlugAndPermissions() {
    Client c =
        client(
            "sess_1",
            session(
                "sess_1",
                "active",
                user("user_1", "Ada", "Lovelace", "org_1", "org:admin"),
                "org_1",
                null));
    AuthSnapshot s = AuthSnapshot.of(c, null);
    assertThat(s.organizationId()).contains("org_1");
    assertThat(s.organizationRole()).contains("org:admin");
    assertThat(s.organizationSlug()).contains("slug-org_1");
    assertThat(s.has("org:admin")).isTrue();
    assertThat(s.has("org:invoices:read")).isTrue();
    assertThat(s.has("org:invoices:delete")).isFalse();
    assertThat(s.has(null)).isFalse();
  }

  @Test
  void pendingOrEndedSessionsAreNotSignedInAndCarryNoUser() {
    Client pending =
        client(
            "sess_1",
            session(
                "sess_1", "pending", user("user_1", "Ada", "Lovelace", null, null), null, null));
    AuthSnapshot s = AuthSnapshot.of(pending, null);
    assertThat(s.loaded()).isTrue();
    assertThat(s.signedIn()).isFalse();
    assertThat(s.user()).isEmpty();
    assertThat(s.session()).isPresent();
    assertThat(s.sessionId()).isEmpty();
    assertThat(s.activeOrPendingSessions()).hasSize(1);
    // "signed in" has one meaning: the pending session is alive, but nobody is signed in
    assertThat(s.session().orElseThrow().isActiveOrPending()).isTrue();
  }

  @Test
  void claimsOfAnotherSessionAreNotShown() {
    SessionClaims foreign =
        SessionClaims.decode(TestData.jwt("sess_other", "user_1", 1000, 1060, null));
    assertThat(AuthSnapshot.of(TestData.signedIn("sess_1"), foreign).sessionClaims()).isEmpty();
  }
}
