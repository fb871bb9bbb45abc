package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  @Test
  void parallelClientsSignInAndMintTokensWithoutLostUpdates() throws Exception {
    int clients = 8;
    int tokensEach = 25;
    ClerkEmulator.Builder b = ClerkEmulator.builder().clock(EmulatorClock.startingNow());
    for (int i = 0; i < clients; i++) {
      b.user(
          EmulatorUser.builder()
              .email("user" + i + "@example.com")
              .password("password-" + i)
              .build());
    }
    try (ClerkEmulator emulator = b.start()) {
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> sessions = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        int n = i;
        sessions.add(
            pool.submit(
                () -> {
                  start.await();
                  NativeClient app = new NativeClient(emulator);
                  String sid = app.signIn("user" + n + "@example.com", "password-" + n);
                  for (int t = 0; t < tokensEach; t++) {
                    String jwt = app.sessionToken(sid);
                    assertThat(NativeClient.jwtPart(jwt, 1).get("sid").asText()).isEqualTo(sid);
                  }
                  return sid;
                }));
      }
      start.countDown();
      List<String> ids = new ArrayList<>();
      for (Future<String> f : sessions) {
        ids.add(f.get(60, TimeUnit.SECONDS));
      }
      pool.shutdown();
      assertThat(ids).doesNotHaveDuplicates().hasSize(clients);
      assertThat(emulator.sessions()).hasSize(clients).allMatch(EmulatorSession::isActive);
      assertThat(emulator.journal().count("POST", "/v1/client/sessions/*/tokens"))
          .isEqualTo(clients * tokensEach);
      assertThat(emulator.journal().count("POST", "/v1/client/sign_ins")).isEqualTo(clients);
      assertThat(emulator.journal().requests()).allMatch(r -> r.status() == 200);
    }
  }
}
