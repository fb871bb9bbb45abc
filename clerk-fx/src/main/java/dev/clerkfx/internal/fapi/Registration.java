package dev.clerkfx.internal.fapi;

/** A listener registration; {@link #close()} unregisters the listener and never throws. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
  /** Unregisters the listener (idempotent). */
  @Override
  void close();
}
