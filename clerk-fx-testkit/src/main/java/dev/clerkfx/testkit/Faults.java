package dev.clerkfx.testkit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The faults an emulator currently injects; from {@link ClerkEmulator#faults()}. Thread-safe.
 *
 * <p>When several faults match a request, the first added that fires wins, except that latency
 * faults add up and then let another effect (or the normal response) follow.
 */
public final class Faults {
  private final CopyOnWriteArrayList<Fault> faults = new CopyOnWriteArrayList<>();

  Faults() {}

  /**
   * Adds a fault.
   *
   * @param fault the fault
   * @return this, for chaining
   */
  public Faults add(Fault fault) {
    faults.add(java.util.Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /**
   * Removes a fault.
   *
   * @param fault the fault to remove
   * @return whether it was present
   */
  public boolean remove(Fault fault) {
    return faults.remove(fault);
  }

  /** Removes every fault. */
  public void clear() {
    faults.clear();
  }

  /**
   * Returns the faults still able to fire.
   *
   * @return an immutable list
   */
  public List<Fault> active() {
    return faults.stream().filter(f -> f.remaining() > 0).toList();
  }

  /** Sums the latency of matching latency faults that fire (used by the emulator). */
  java.time.Duration latencyFor(String method, String path) {
    java.time.Duration total = java.time.Duration.ZERO;
    for (Fault f : faults) {
      if (f.effect() == Fault.Effect.LATENCY
          && f.matches(method, path)
          && f.tryFire(ThreadLocalRandom.current().nextDouble())) {
        total = total.plus(f.latency());
      }
    }
    return total;
  }

  /** Returns the first matching non-latency fault that fires (used by the emulator). */
  Optional<Fault> effectFor(String method, String path) {
    if (faults.isEmpty()) {
      return Optional.empty();
    }
    for (Fault f : faults) {
      if (f.effect() != Fault.Effect.LATENCY
          && f.matches(method, path)
          && f.tryFire(ThreadLocalRandom.current().nextDouble())) {
        return Optional.of(f);
      }
    }
    faults.removeIf(f -> f.remaining() <= 0);
    return Optional.empty();
  }
}
