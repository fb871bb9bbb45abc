package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cached {@code getToken()} path allocates nothing: one shared, completed future per cached
 * token. (Speed is for the JMH benchmarks; this only pins the zero-allocation property so a
 * regression fails fast.)
 */
class CachedGetTokenHotPathTest {
  private EmulatorHarness h;

  @AfterEach
  void tearDown() {
    if (h != null) h.close();
  }

  @Test
  void cachedGetTokenReturnsTheSameCompletedFutureWithoutAllocating() throws Exception {
    h = EmulatorHarness.start();
    ClerkClient c = h.signedInClient();
    CompletableFuture<Optional<String>> first = c.getToken();
    assertThat(first).isCompleted();
    // via reflection: the test sources compile against the SDK's module, which does not read
    // java.management
    Object mx =
        Class.forName("java.lang.management.ManagementFactory")
            .getMethod("getThreadMXBean")
            .invoke(null);
    Method allocatedBytes =
        Class.forName("com.sun.management.ThreadMXBean")
            .getMethod("getCurrentThreadAllocatedBytes");
    long sink = 0;
    for (int i = 0; i < 200_000; i++) {
      sink += c.getToken().hashCode(); // warm up (JIT)
    }
    long before = (Long) allocatedBytes.invoke(mx);
    for (int i = 0; i < 1_000_000; i++) {
      sink += c.getToken().hashCode();
    }
    long allocated = (Long) allocatedBytes.invoke(mx) - before;
    assertThat(c.getToken()).isSameAs(first);
    // a million calls; the only allowance is for the measurement itself
    assertThat(allocated)
        .as("bytes allocated by 1,000,000 cached getToken() calls (sink %d)", sink)
        .isLessThan(4_096);
  }
}
