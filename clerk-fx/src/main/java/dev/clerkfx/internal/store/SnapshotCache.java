package dev.clerkfx.internal.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the last client + environment snapshot (an opaque UTF-8 JSON document written by the
 * session manager) so a cold start can show the signed-in state before the network answers.
 *
 * <p>The snapshot holds user details and possibly a short-lived session JWT, so the file gets the
 * same protection as the client-token file: owner-only, written atomically ({@link
 * OwnerOnlyFiles}). A corrupt or unreadable snapshot loads as empty with a WARNING that names the
 * file, never its content. Implementations are thread-safe. Failures are internal (the session
 * manager logs them and carries on), so they are plain unchecked exceptions: this package does not
 * depend on the public {@code dev.clerkfx.store}, which builds on it.
 *
 * <pre>{@code
 * SnapshotCache cache = SnapshotCache.forApp(appId);   // <config dir>/clerk-fx/<appId>/snapshot.json
 * cache.save(FapiJson.write(snapshot));
 * Optional<String> json = cache.load();
 * }</pre>
 */
public interface SnapshotCache {
  /** The snapshot's file name inside the app directory. */
  String FILE_NAME = "snapshot.json";

  /**
   * Returns the stored snapshot.
   *
   * @return the JSON text, or empty when none is stored or the stored one is corrupt or unreadable
   */
  Optional<String> load();

  /**
   * Replaces the stored snapshot.
   *
   * @param json a JSON document
   * @throws IllegalArgumentException when {@code json} is null or not JSON
   * @throws java.io.UncheckedIOException when it cannot be written
   */
  void save(String json);

  /**
   * Deletes the stored snapshot; nothing stored is not an error.
   *
   * @throws java.io.UncheckedIOException when the file cannot be deleted
   */
  void clear();

  /**
   * Returns the cache at {@code <config dir>/clerk-fx/<appId>/snapshot.json}, beside the
   * client-token file.
   *
   * @param appId the app id, as given to {@code TokenStores.system}
   * @return the cache (nothing is created until the first save)
   */
  static SnapshotCache forApp(String appId) {
    return new FileSnapshotCache(StoreLocations.appDirectory(appId).resolve(FILE_NAME));
  }

  /**
   * Returns a cache kept in {@code file}.
   *
   * @param file the snapshot file
   * @return the cache (nothing is created until the first save)
   */
  static SnapshotCache file(Path file) {
    if (file == null) {
      throw new IllegalArgumentException("The snapshot file path is null");
    }
    return new FileSnapshotCache(file);
  }

  /** Returns a cache that lives only in this object, for tests. */
  static SnapshotCache inMemory() {
    return new InMemorySnapshotCache();
  }
}
