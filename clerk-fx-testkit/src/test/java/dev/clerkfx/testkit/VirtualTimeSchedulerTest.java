package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VirtualTimeSchedulerTest {
  private static final Instant START = Instant.parse("2026-11-27T12:00:00Z");
  private final EmulatorClock clock = EmulatorClock.startingAt(START);
  private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.on(clock);
  private final List<String> log = new ArrayList<>();

  private Runnable record(String name) {
    return () -> log.add(name + "@" + Duration.between(START, clock.instant()).toSeconds());
  }

  @Test
  void advanceRunsDueTasksInDueOrderWithTheClockAtEachDueTime() {
    scheduler.schedule(record("c"), 30, TimeUnit.SECONDS);
    scheduler.schedule(record("a"), 10, TimeUnit.SECONDS);
    scheduler.schedule(record("b1"), 20, TimeUnit.SECONDS);
    scheduler.schedule(record("b2"), 20, TimeUnit.SECONDS);
    scheduler.schedule(record("late"), 90, TimeUnit.SECONDS);

    assertThat(scheduler.pending()).isEqualTo(5);
    assertThat(scheduler.nextDue()).isEqualTo(START.plusSeconds(10));
    assertThat(scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(10));

    assertThat(scheduler.advance(Duration.ofSeconds(60))).isEqualTo(4);

    assertThat(log).containsExactly("a@10", "b1@20", "b2@20", "c@30");
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(60));
    assertThat(scheduler.pending()).isEqualTo(1);
    assertThat(scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void runDueRunsOnlyWhatIsDueAndTasksScheduledForNow() {
    scheduler.execute(
        () -> {
          log.add("first");
          scheduler.execute(() -> log.add("chained"));
        });
    scheduler.schedule(record("later"), 1, TimeUnit.MILLISECONDS);

    assertThat(scheduler.runDue()).isEqualTo(2);

    assertThat(log).containsExactly("first", "chained");
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(scheduler.pending()).isEqualTo(1);
  }

  @Test
  void cancelledTasksDoNotRun() throws Exception {
    ScheduledFuture<?> cancelled = scheduler.schedule(record("cancelled"), 5, TimeUnit.SECONDS);
    ScheduledFuture<String> kept = scheduler.schedule(() -> "done", 5, TimeUnit.SECONDS);

    assertThat(cancelled.cancel(false)).isTrue();
    assertThat(scheduler.pending()).isEqualTo(1);
    scheduler.advance(Duration.ofSeconds(5));

    assertThat(log).isEmpty();
    assertThat(cancelled.isCancelled()).isTrue();
    assertThat(kept.isDone()).isTrue();
    assertThat(kept.get()).isEqualTo("done");
    assertThat(scheduler.nextDue()).isNull();
    assertThat(scheduler.nextDelay()).isNull();
  }

  @Test
  void periodicTasksRepeatUntilCancelled() {
    ScheduledFuture<?> rate =
        scheduler.scheduleAtFixedRate(record("rate"), 10, 20, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(record("delay"), 15, 30, TimeUnit.SECONDS);

    scheduler.advance(Duration.ofSeconds(50));

    assertThat(log).containsExactly("rate@10", "delay@15", "rate@30", "delay@45", "rate@50");
    rate.cancel(false);
    log.clear();
    scheduler.advance(Duration.ofSeconds(50));
    assertThat(log).containsExactly("delay@75");
    assertThatThrownBy(() -> scheduler.scheduleAtFixedRate(record("x"), 0, 0, TimeUnit.SECONDS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shutdownRejectsNewTasksButRunsPendingOnes() {
    scheduler.schedule(record("kept"), 1, TimeUnit.SECONDS);
    scheduler.shutdown();

    assertThat(scheduler.isShutdown()).isTrue();
    assertThatThrownBy(() -> scheduler.execute(record("new")))
        .isInstanceOf(RejectedExecutionException.class);
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(log).containsExactly("kept@1");
  }

  @Test
  void shutdownNowReturnsAndDropsPendingTasks() {
    scheduler.schedule(record("a"), 1, TimeUnit.SECONDS);
    scheduler.schedule(record("b"), 2, TimeUnit.SECONDS);

    assertThat(scheduler.shutdownNow()).hasSize(2);

    assertThat(scheduler.pending()).isZero();
    assertThat(scheduler.isTerminated()).isTrue();
    scheduler.advance(Duration.ofSeconds(5));
    assertThat(log).isEmpty();
  }

  @Test
  void worksOnAnyClockWithAnAdvanceFunctionAndRejectsATickingEmulatorClock() {
    EmulatorClock other = EmulatorClock.startingAt(START);
    VirtualTimeScheduler onPair = new VirtualTimeScheduler(other, other::advance);
    onPair.schedule(() -> log.add("ran"), 3, TimeUnit.SECONDS);

    onPair.advance(Duration.ofSeconds(3));

    assertThat(log).containsExactly("ran");
    assertThat(other.instant()).isEqualTo(START.plusSeconds(3));
    assertThatThrownBy(() -> VirtualTimeScheduler.on(EmulatorClock.ticking()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> onPair.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
