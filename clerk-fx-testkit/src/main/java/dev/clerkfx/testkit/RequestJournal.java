package dev.clerkfx.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Every request the emulator answered, oldest first; from {@link ClerkEmulator#journal()}.
 * Thread-safe.
 *
 * <pre>{@code
 * assertThat(emulator.journal().count("POST", "/v1/client/sessions/{@literal *}/tokens")).isEqualTo(1);
 * RecordedRequest next = emulator.journal().takeRequest(Duration.ofSeconds(5)).orElseThrow();
 * }</pre>
 *
 * It keeps the most recent {@value #CAPACITY} entries so a long-running emulator does not grow
 * without bound.
 */
public final class RequestJournal {
  /** How many entries the journal keeps. */
  public static final int CAPACITY = 5_000;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition added = lock.newCondition();
  private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();
  private final ArrayDeque<RecordedRequest> untaken = new ArrayDeque<>();

  RequestJournal() {}

  void record(RecordedRequest request) {
    lock.lock();
    try {
      entries.addLast(request);
      untaken.addLast(request);
      if (entries.size() > CAPACITY) {
        entries.removeFirst();
      }
      if (untaken.size() > CAPACITY) {
        untaken.removeFirst();
      }
      added.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns every journaled request, oldest first.
   *
   * @return an immutable snapshot
   */
  public List<RecordedRequest> requests() {
    lock.lock();
    try {
      return List.copyOf(entries);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the journaled requests matching a method and path glob.
   *
   * @param method an HTTP method (effective, after {@code _method}), or {@code "*"} for any
   * @param pathGlob a glob: {@code *} within a segment, {@code **} across segments
   * @return an immutable snapshot, oldest first
   */
  public List<RecordedRequest> requests(String method, String pathGlob) {
    Pattern p = Fault.globToPattern(Objects.requireNonNull(pathGlob, "pathGlob"));
    return requests().stream()
        .filter(r -> "*".equals(method) || r.method().equalsIgnoreCase(method))
        .filter(r -> p.matcher(r.path()).matches())
        .toList();
  }

  /**
   * Counts the journaled requests matching a method and path glob.
   *
   * @param method an HTTP method, or {@code "*"} for any
   * @param pathGlob a glob: {@code *} within a segment, {@code **} across segments
   * @return the count
   */
  public int count(String method, String pathGlob) {
    return requests(method, pathGlob).size();
  }

  /**
   * Returns how many requests are journaled.
   *
   * @return how many requests are journaled
   */
  public int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the oldest request not yet taken, waiting for one up to {@code timeout}.
   *
   * @param timeout how long to wait
   * @return the request, or empty if none arrived in time
   * @throws InterruptedException if interrupted while waiting
   */
  public Optional<RecordedRequest> takeRequest(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (untaken.isEmpty()) {
        if (nanos <= 0) {
          return Optional.empty();
        }
        nanos = added.awaitNanos(nanos);
      }
      return Optional.of(untaken.removeFirst());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the oldest request not yet taken, waiting up to 10 seconds.
   *
   * @return the request
   * @throws InterruptedException if interrupted while waiting
   * @throws IllegalStateException if none arrived in time
   */
  public RecordedRequest takeRequest() throws InterruptedException {
    return takeRequest(Duration.ofSeconds(10))
        .orElseThrow(
            () -> new IllegalStateException("No request reached the emulator within 10 s"));
  }

  /** Forgets every journaled request. */
  public void clear() {
    lock.lock();
    try {
      entries.clear();
      untaken.clear();
    } finally {
      lock.unlock();
    }
  }
}
