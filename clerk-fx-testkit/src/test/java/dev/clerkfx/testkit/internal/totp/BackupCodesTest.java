package dev.clerkfx.testkit.internal.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackupCodesTest {
  @Test
  void generatesTenDistinctEightCharacterCodes() {
    BackupCodes codes = BackupCodes.generate();
    assertThat(codes.remaining())
        .hasSize(10)
        .doesNotHaveDuplicates()
        .allSatisfy(c -> assertThat(c).matches("[a-z0-9]{8}"));
    assertThat(codes.remainingCount()).isEqualTo(10);
  }

  @Test
  void eachCodeWorksOnce() {
    BackupCodes codes = BackupCodes.of(List.of("abcd1234", "EFGH5678"));
    assertThat(codes.consume(" ABCD1234 ")).isTrue();
    assertThat(codes.consume("abcd1234")).isFalse();
    assertThat(codes.consume("efgh5678")).isTrue();
    assertThat(codes.consume("zzzz0000")).isFalse();
    assertThat(codes.consume(null)).isFalse();
    assertThat(codes.remaining()).isEmpty();
  }

  @Test
  void aCodeRacedFromManyThreadsIsAcceptedOnce() throws Exception {
    BackupCodes codes = BackupCodes.generate(3);
    String code = codes.remaining().get(0);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return codes.consume(code);
                }));
      }
      start.countDown();
      int accepted = 0;
      for (Future<Boolean> r : results) {
        accepted += r.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(codes.remainingCount()).isEqualTo(2);
  }

  @Test
  void badInputIsRejectedAndToStringIsRedacted() {
    assertThatThrownBy(() -> BackupCodes.generate(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackupCodes.of(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackupCodes.of(Arrays.asList("ok123456", " ")))
        .isInstanceOf(IllegalArgumentException.class);
    BackupCodes codes = BackupCodes.of(List.of("secret99"));
    assertThat(codes.toString()).isEqualTo("BackupCodes[remaining=1]").doesNotContain("secret99");
  }
}
