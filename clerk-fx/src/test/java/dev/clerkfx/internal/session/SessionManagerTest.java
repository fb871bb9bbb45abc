package dev.clerkfx.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.AuthEvent;
import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkError;
import dev.clerkfx.RefreshPolicy;
import dev.clerkfx.SignOutReason;
import dev.clerkfx.internal.store.SnapshotCache;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.User;
import dev.clerkfx.store.TokenStores;
import dev.clerkfx.testkit.VirtualTimeScheduler;
import dev.clerkfx.testsupport.MutableClock;
import dev.clerkfx.testsupport.TestData;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The session manager's rules that the emulator cannot provoke, against a scripted backend. */
class SessionManagerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler(clock, clock::advance);
  private final ExecutorService io = new DirectExecutorService();
  private final FakeBackend backend = new FakeBackend();

  /** Runs I/O tasks inline. */
  static final class DirectExecutorService extends java.util.concurrent.AbstractExecutorService {
    @Override public void shutdown() {}
    @Override public List<Runnable> shutdownNow() { return List.of(); }
    @Override public boolean isShutdown() { return false; }
    @Override public boolean isTerminated() { return false; }
    @Override public boolean awaitTermination(long t, java.util.concurrent.TimeUnit u) { return true; }
    @Override public void execute(Runnable r) { r.run(); }
  }

  /** A scripted FAPI: the server's client, and what the token endpoint answers. */
  final class FakeBackend implements Backend {
    volatile Client serverClient;
    volatile Client localClient;
    volatile RuntimeException tokenFailure;
    final AtomicInteger clientFetches = new AtomicInteger();
    ClientListener listener;
    String token = "client-token";

    @Override public CompletableFuture<Environment> environment() {
      return CompletableFuture.failedFuture(new ClerkApiException(503, List.of(), null, null));
    }

    @Override public CompletableFuture<Optional<Client>> fetchClient() {
      clientFetches.incrementAndGet();
      replaceClient(serverClient);
      return CompletableFuture.completedFuture(Optional.ofNullable(serverClient));
    }

    @Override public CompletableFuture<MintedToken> token(TokenKey key, boolean force) {
      if (tokenFailure != null) return CompletableFuture.failedFuture(tokenFailure);
      long now = clock.millis();
      return CompletableFuture.completedFuture(new MintedToken(
          TestData.jwt(key.sessionId(), "user_1", now / 1000, now / 1000 + 60, null), key.sessionId(), "",
          now / 1000 * 1000, now / 1000 * 1000 + 60_000, 0, now, null));
    }

    @Override public CompletableFuture<Void> removeAllSessions() { return CompletableFuture.completedFuture(null); }
    @Override public CompletableFuture<Void> removeSession(String id) { return CompletableFuture.completedFuture(null); }
    @Override public CompletableFuture<Void> touchSession(String id, String org) { return CompletableFuture.completedFuture(null); }
    @Override public CompletableFuture<User> me(String id) { return CompletableFuture.failedFuture(new IllegalStateException()); }
    @Override public Optional<Client> client() { return Optional.ofNullable(localClient); }

    @Override public void replaceClient(Client client) {
      localClient = client;
      if (listener != null) listener.clientChanged(Optional.ofNullable(client), 0);
    }

    @Override public void onClientChanged(ClientListener l) { listener = l; }
    @Override public Optional<String> clientToken() { return Optional.ofNullable(token); }
    @Override public void setClientToken(String t) { token = t; }
    @Override public void onClientTokenChanged(Consumer<Optional<String>> l) {}
    @Override public String writeSnapshot(PersistedSnapshot s) { return "{}"; }
    @Override public PersistedSnapshot readSnapshot(String json) { throw new IllegalStateException("unused"); }
  }

  private SessionManager manager() {
    return new SessionManager(new SessionManager.Config(clock, scheduler, io, RefreshPolicy.defaults(),
        TokenStores.inMemory(), SnapshotCache.inMemory()), backend);
  }

  private static ClerkApiException api(int status, String code) {
    return new ClerkApiException(status, List.of(new ClerkError(code, code, code, Map.of())), null, null);
  }

  @Test
  void a401WithoutASessionCodeRefetchesTheClientAndSignsOutWhenTheSessionIsGone() {
    SessionManager m = manager();
    backend.replaceClient(TestData.signedIn("sess_1"));
    m.setAppActive(false);
    assertThat(m.store().current().signedIn()).isTrue();
    TestObserver<AuthEvent> events = m.store().events().test();

    backend.serverClient = TestData.client("sess_1", TestData.session("sess_1", "ended",
        TestData.user("user_1", "Ada", "Lovelace", null, null), null, null));
    backend.tokenFailure = api(401, "signed_out");
    assertThat(m.getToken().join()).isEmpty();
    assertThat(backend.clientFetches).hasValue(1);
    assertThat(m.store().current().signedIn()).isFalse();
    assertThat(events.values()).containsExactly(new AuthEvent.SignedOut(SignOutReason.SIGNED_OUT_ELSEWHERE));
  }

  @Test
  void a401AfterWhichTheClientStillHasTheSessionKeepsItSignedIn() {
    SessionManager m = manager();
    backend.replaceClient(TestData.signedIn("sess_1"));
    m.setAppActive(false);
    backend.serverClient = TestData.signedIn("sess_1");
    backend.tokenFailure = api(401, "signed_out");
    assertThat(m.getToken()).isCompletedExceptionally();
    assertThat(backend.clientFetches).hasValue(1);
    assertThat(m.store().current().signedIn()).isTrue();
    backend.tokenFailure = null;
    assertThat(m.getToken().join()).isPresent();
  }

  @Test
  void transientLoadFailuresRetryWithBackoffUntilTheServerAnswers() {
    SessionManager m = manager();
    m.start();
    assertThat(m.isNetworkLoaded()).isFalse();
    long first = scheduler.nextDelay().toMillis();
    scheduler.advance(Duration.ofMillis(first));
    long second = scheduler.nextDelay().toMillis();
    assertThat(first).isBetween(400L, 600L);
    assertThat(second).isBetween(800L, 1200L);
    assertThat(m.store().current().loaded()).isFalse();
  }
}
