package dev.clerkfx.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotCacheTest {
  private static final String SNAPSHOT =
      "{\"client\":{\"id\":\"client_2x\",\"sessions\":[{\"id\":\"sess_1\",\"last_active_token\":"
          + "{\"jwt\":\"eyJhbGciOiJSUzI1NiJ9.SESSIONSECRET.sig\"}}]},\"environment\":{\"display_config\":{}}}";

  @TempDir Path temp;

  @Test
  void roundTripsTheSnapshotInAnOwnerOnlyFile() throws IOException {
    Path file = temp.resolve("clerk-fx/app/snapshot.json");
    SnapshotCache cache = SnapshotCache.file(file);

    assertThat(cache.load()).isEmpty();
    cache.save(SNAPSHOT);

    assertThat(cache.load()).contains(SNAPSHOT);
    assertThat(SnapshotCache.file(file).load()).contains(SNAPSHOT);
    assertThat(Files.readString(file)).isEqualTo(SNAPSHOT);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void keepsNonAsciiTextIntact() {
    SnapshotCache cache = SnapshotCache.file(temp.resolve("s.json"));
    String json = "{\"first_name\":\"Zoë\",\"last_name\":\"Ørsted 😀\"}";

    cache.save(json);

    assertThat(cache.load()).contains(json);
  }

  @Test
  void saveReplacesTheWholeSnapshot() {
    SnapshotCache cache = SnapshotCache.file(temp.resolve("s.json"));
    cache.save(SNAPSHOT);

    cache.save("{\"client\":null}");

    assertThat(cache.load()).contains("{\"client\":null}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"client\":{\"id\":", "not json at all", "{} trailing", "", "   "})
  void aCorruptSnapshotLoadsAsEmptyWithAWarningThatNamesTheFileOnly(String content)
      throws IOException {
    Path file = temp.resolve("snapshot.json");
    Files.writeString(file, content + "SESSIONSECRET");

    try (LogCapture log = LogCapture.start()) {
      assertThat(SnapshotCache.file(file).load()).isEmpty();

      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains(file.toString())
          .contains("corrupt");
      assertThat(log.allText()).doesNotContain("SESSIONSECRET");
    }
  }

  @Test
  void invalidUtf8IsCorrupt() throws IOException {
    Path file = temp.resolve("snapshot.json");
    Files.write(
        file, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});

    try (LogCapture log = LogCapture.start()) {
      assertThat(SnapshotCache.file(file).load()).isEmpty();
      assertThat(log.warnings()).hasSize(1);
    }
  }

  @Test
  void anUnreadableSnapshotLoadsAsEmptyWithAWarning() throws IOException {
    Path file =
        Files.createDirectories(
            temp.resolve("snapshot.json")); // unreadable as a file, even for root

    try (LogCapture log = LogCapture.start()) {
      assertThat(SnapshotCache.file(file).load()).isEmpty();
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains(file.toString())
          .contains("Could not read");
    }
  }

  @Test
  void aSnapshotReadableByOthersIsTightened() throws IOException {
    Path file = temp.resolve("snapshot.json");
    Files.writeString(file, SNAPSHOT);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    try (LogCapture log = LogCapture.start()) {
      assertThat(SnapshotCache.file(file).load()).contains(SNAPSHOT);
      assertThat(log.warnings()).singleElement().asString().contains("tightened");
      assertThat(log.allText()).doesNotContain("SESSIONSECRET");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void clearRemovesTheSnapshot() {
    Path file = temp.resolve("snapshot.json");
    SnapshotCache cache = SnapshotCache.file(file);
    cache.save(SNAPSHOT);

    cache.clear();
    cache.clear();

    assertThat(file).doesNotExist();
    assertThat(cache.load()).isEmpty();
  }

  @Test
  void savingSomethingThatIsNotJsonIsRefused() {
    SnapshotCache cache = SnapshotCache.file(temp.resolve("s.json"));

    for (String bad : new String[] {null, "", "{", "{} {}"}) {
      assertThatThrownBy(() -> cache.save(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("The snapshot is not a JSON document");
    }
    assertThat(temp.resolve("s.json")).doesNotExist();
  }

  @Test
  void aSnapshotThatCannotBeWrittenFailsNamingTheFile() throws IOException {
    Path blocker = Files.writeString(temp.resolve("blocker"), "file");
    SnapshotCache cache = SnapshotCache.file(blocker.resolve("snapshot.json"));

    assertThatThrownBy(() -> cache.save(SNAPSHOT))
        .isInstanceOfSatisfying(
            UncheckedIOException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains(blocker.toString())
                  .doesNotContain("SESSIONSECRET");
            });
  }

  @Test
  void forAppPutsTheSnapshotBesideTheTokenFile() {
    assertThat(SnapshotCache.forApp("my-app").toString())
        .contains(StoreLocations.appDirectory("my-app").resolve("snapshot.json").toString());
    assertThatThrownBy(() -> SnapshotCache.file(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theInMemoryCacheBehavesLikeTheFileOne() {
    SnapshotCache cache = SnapshotCache.inMemory();
    assertThat(cache.load()).isEmpty();

    cache.save(SNAPSHOT);
    assertThat(cache.load()).contains(SNAPSHOT);
    assertThat(cache.toString()).doesNotContain("SESSIONSECRET");
    assertThatThrownBy(() -> cache.save("nope")).isInstanceOf(IllegalArgumentException.class);

    cache.clear();
    assertThat(cache.load()).isEmpty();
  }
}
