package dev.clerkfx.internal.store;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The snapshot cache in memory, for tests. */
final class InMemorySnapshotCache implements SnapshotCache {
  private final AtomicReference<String> json = new AtomicReference<>();

  @Override
  public Optional<String> load() {
    return Optional.ofNullable(json.get());
  }

  @Override
  public void save(String value) {
    if (value == null
        || FileSnapshotCache.decodeJson(value.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .isEmpty()) {
      throw new IllegalArgumentException("The snapshot is not a JSON document");
    }
    json.set(value);
  }

  @Override
  public void clear() {
    json.set(null);
  }

  @Override
  public String toString() {
    return "InMemorySnapshotCache{" + (json.get() == null ? "empty" : "holding a snapshot") + "}";
  }
}
