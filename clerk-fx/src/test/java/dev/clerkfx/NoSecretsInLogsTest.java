package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.store.TokenStore;
import dev.clerkfx.testkit.ClerkEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every log record of a whole session's life, at every level, is free of tokens and passwords. */
class NoSecretsInLogsTest {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger root = Logger.getLogger("");
  private Level oldLevel;
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private EmulatorHarness h;

  @BeforeEach
  void setUp() {
    oldLevel = root.getLevel();
    root.setLevel(Level.ALL);
    Logger.getLogger("dev.clerkfx").setLevel(Level.ALL);
    root.addHandler(capture);
  }

  @AfterEach
  void tearDown() {
    root.removeHandler(capture);
    root.setLevel(oldLevel);
    Logger.getLogger("dev.clerkfx").setLevel(null);
    if (h != null) h.close();
  }

  private List<String> messages() {
    SimpleFormatter f = new SimpleFormatter();
    return records.stream().map(r -> f.format(r)).toList();
  }

  @Test
  void aWholeSessionLogsNoSecret() {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    String jwt = c.getToken().join().orElseThrow();
    String clientToken = h.tokenStore.load().orElseThrow();
    h.emulator
        .faults()
        .add(dev.clerkfx.testkit.Fault.on("POST", EmulatorHarness.TOKENS).status(503).times(2));
    h.advance(c, Duration.ofSeconds(60), Duration.ofSeconds(1));
    h.emulator.revokeSession(c.snapshot().sessionId().orElseThrow());
    h.advance(c, Duration.ofSeconds(60), Duration.ofSeconds(1));
    assertThat(c.snapshot().signedIn()).isFalse();
    assertThat(records).isNotEmpty();
    assertThat(messages())
        .noneMatch(
            m ->
                m.contains(jwt)
                    || m.contains(clientToken)
                    || m.contains(ClerkEmulator.DEMO_PASSWORD)
                    || m.contains(jwt.substring(0, jwt.lastIndexOf('.'))));
  }

  @Test
  void anUnreadableTokenStoreStartsSignedOutWithAWarningThatHoldsNoSecret() {
    h = EmulatorHarness.start();
    String secret = "client-token-that-must-not-leak";
    TokenStore broken =
        new TokenStore() {
          @Override
          public Optional<String> load() {
            throw new IllegalStateException("keychain said no to " + secret);
          }

          @Override
          public void save(String clientToken) {}

          @Override
          public void clear() {}
        };
    ClerkClient c = h.newClient(b -> b.tokenStore(broken));
    AuthSnapshot s = c.whenLoaded().join();
    assertThat(s.loaded()).isTrue();
    assertThat(s.signedIn()).isFalse();
    assertThat(records)
        .anyMatch(
            r ->
                r.getLevel() == Level.WARNING
                    && new SimpleFormatter().formatMessage(r).contains("starting signed out"));
    assertThat(messages()).noneMatch(m -> m.contains(secret));
  }
}
