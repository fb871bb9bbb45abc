package dev.clerkfx.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.RefreshPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesFromTheInitialDelayUpToTheCap() {
    Backoff b = new Backoff(RefreshPolicy.defaults(), () -> 0.5);
    assertThat(b.delay(0, null)).isEqualTo(Duration.ofMillis(500));
    assertThat(b.delay(1, null)).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.delay(5, null)).isEqualTo(Duration.ofSeconds(16));
    assertThat(b.delay(6, null)).isEqualTo(Duration.ofSeconds(30));
    assertThat(b.delay(1000, null)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jitterStaysWithinTwentyPercent() {
    assertThat(new Backoff(RefreshPolicy.defaults(), () -> 0.0).delay(2, null))
        .isEqualTo(Duration.ofMillis(1600));
    assertThat(new Backoff(RefreshPolicy.defaults(), () -> 0.999_999).delay(2, null).toMillis())
        .isEqualTo(2400);
    Backoff random = new Backoff(RefreshPolicy.defaults());
    for (int i = 0; i < 200; i++) {
      assertThat(random.delay(3, null).toMillis()).isBetween(3200L, 4800L);
    }
  }

  @Test
  void aLongerRetryAfterWinsUpToThePolicyMaximum() {
    Backoff b = new Backoff(RefreshPolicy.defaults(), () -> 0.5);
    assertThat(b.delay(0, Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
    assertThat(b.delay(4, Duration.ofSeconds(42))).isEqualTo(Duration.ofSeconds(30));
    assertThat(b.delay(0, Duration.ofDays(365))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void absurdRetryAfterValuesAreSafe() {
    Backoff b = new Backoff(RefreshPolicy.defaults(), () -> 0.5);
    // would overflow toMillis(); capped instead
    assertThat(b.delay(0, Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Duration.ofSeconds(30));
    // zero or negative must not mean "retry at once" again and again: our own backoff still applies
    assertThat(b.delay(3, Duration.ZERO)).isEqualTo(Duration.ofSeconds(4));
    assertThat(b.delay(3, Duration.ofSeconds(-5))).isEqualTo(Duration.ofSeconds(4));
    assertThat(b.delay(Integer.MAX_VALUE, Duration.ofMillis(1))).isEqualTo(Duration.ofSeconds(30));
    assertThat(b.delay(-1, null)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aHugeMaximumDelayDoesNotOverflow() {
    RefreshPolicy policy =
        RefreshPolicy.defaults()
            .withRetry(Duration.ofMillis(500), Duration.ofDays(365_000_000L), 0);
    Backoff b = new Backoff(policy, () -> 0.5);
    assertThat(b.delay(Integer.MAX_VALUE, null)).isPositive();
  }
}
