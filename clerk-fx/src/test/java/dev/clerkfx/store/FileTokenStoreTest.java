package dev.clerkfx.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.clerkfx.internal.store.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileTokenStoreTest {
  private static final String TOKEN =
      "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6ImNsaWVudF8yeCJ9.CLIENTSECRETSIG";

  @TempDir Path temp;

  @Test
  void roundTripsTheTokenAcrossInstances() {
    Path file = temp.resolve("clerk-fx/my-app/client-token");
    FileTokenStore store = TokenStores.file(file);

    assertThat(store.load()).isEmpty();
    store.save(TOKEN);

    assertThat(store.load()).contains(TOKEN);
    assertThat(TokenStores.file(file).load()).contains(TOKEN);
    assertThat(store.path()).isEqualTo(file.toAbsolutePath());
  }

  @Test
  void theFileIs0600AndTheDirectoriesItCreated0700() throws IOException {
    Path file = temp.resolve("clerk-fx/my-app/client-token");

    TokenStores.file(file).save(TOKEN);

    assertThat(perms(file)).isEqualTo("rw-------");
    assertThat(perms(file.getParent())).isEqualTo("rwx------");
    assertThat(perms(file.getParent().getParent())).isEqualTo("rwx------");
  }

  @Test
  void theFileHoldsAHeaderAndTheToken() throws IOException {
    Path file = temp.resolve("client-token");

    TokenStores.file(file).save(TOKEN);

    assertThat(Files.readString(file)).isEqualTo("clerk-fx client-token v1\n" + TOKEN + "\n");
  }

  @Test
  void saveReplacesTheFileAtomically() throws IOException {
    Path file = temp.resolve("client-token");
    FileTokenStore store = TokenStores.file(file);
    store.save(TOKEN);
    Object before =
        Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

    store.save(TOKEN + "2");

    assertThat(store.load()).contains(TOKEN + "2");
    assertThat(
            Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
        .isNotEqualTo(before);
    assertThat(perms(file)).isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files).containsExactly(file);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "CLIENTSECRETSIG",
        "clerk-fx client-token v1\n",
        "clerk-fx client-token v1\n\n",
        "clerk-fx client-token v1\nCLIENTSECRETSIG",
        "clerk-fx client-token v1\nCLIENTSECRETSIG\nextra\n",
        "clerk-fx client-token v1\nCLIENT SECRETSIG\n",
        "clerk-fx client-token v2\nCLIENTSECRETSIG\n",
        "clerk-fx client-token v1\r\nCLIENTSECRETSIG\r\n",
        "clerk-fx client-token v1\nCLIENTSECRETSIGé\n"
      })
  void aCorruptFileMeansSignedOutWithAWarningThatNamesTheFileOnly(String content)
      throws IOException {
    Path file = temp.resolve("client-token");
    Files.writeString(file, content, StandardCharsets.UTF_8);

    try (LogCapture log = LogCapture.start()) {
      assertThat(TokenStores.file(file).load()).isEmpty();

      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains(file.toString())
          .contains("corrupt")
          .contains("starting signed out");
      assertThat(log.allText()).doesNotContain("CLIENTSECRETSIG");
    }
  }

  @Test
  void anOversizedFileIsUnreadable() throws IOException {
    Path file = temp.resolve("client-token");
    Files.writeString(file, "clerk-fx client-token v1\n" + "A".repeat(100_000) + "\n");

    try (LogCapture log = LogCapture.start()) {
      assertThat(TokenStores.file(file).load()).isEmpty();
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains("Could not read")
          .contains(file.toString());
    }
  }

  @Test
  void anUnreadableFileMeansSignedOutWithAWarning() throws IOException {
    // chmod 000 does not stop root (these tests run as root in CI): a directory where the file
    // should be
    // is unreadable as a token file for every user.
    Path file = Files.createDirectories(temp.resolve("client-token"));

    try (LogCapture log = LogCapture.start()) {
      assertThat(TokenStores.file(file).load()).isEmpty();
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains(file.toString())
          .contains("Could not read")
          .contains("starting signed out");
    }
  }

  @Test
  void aFileWithoutReadPermissionMeansSignedOutWithAWarning() throws IOException {
    Path file = temp.resolve("client-token");
    FileTokenStore store = TokenStores.file(file);
    store.save(TOKEN);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeThat(Files.isReadable(file))
        .as("chmod 000 denies reads (not when running as root)")
        .isFalse();

    try (LogCapture log = LogCapture.start()) {
      assertThat(store.load()).isEmpty();
      assertThat(log.warnings()).singleElement().asString().contains("AccessDeniedException");
    }
  }

  @Test
  void aSymlinkInsteadOfTheFileIsRefused() throws IOException {
    Path elsewhere = temp.resolve("elsewhere");
    TokenStores.file(elsewhere).save(TOKEN);
    Path file = Files.createSymbolicLink(temp.resolve("client-token"), elsewhere);

    try (LogCapture log = LogCapture.start()) {
      assertThat(TokenStores.file(file).load()).isEmpty();
      assertThat(log.warnings()).hasSize(1);
      assertThat(log.allText()).doesNotContain("CLIENTSECRETSIG");
    }
  }

  @Test
  void aSymlinkedAppDirectoryIsRefused() throws IOException {
    Path real = Files.createDirectory(temp.resolve("real"));
    TokenStores.file(real.resolve("client-token")).save(TOKEN);
    Path app = Files.createSymbolicLink(temp.resolve("app"), real);
    FileTokenStore store = TokenStores.file(app.resolve("client-token"));

    try (LogCapture log = LogCapture.start()) {
      assertThat(store.load()).isEmpty();
      assertThat(log.warnings()).singleElement().asString().contains("starting signed out");
      assertThat(log.allText()).doesNotContain("CLIENTSECRETSIG");
    }
    assertThatThrownBy(() -> store.save(TOKEN))
        .isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("symbolic link");
  }

  @Test
  void aTokenFileAnotherUserOwnsIsRefused() throws IOException {
    Path file = temp.resolve("client-token");
    FileTokenStore store = TokenStores.file(file);
    store.save(TOKEN);
    dev.clerkfx.internal.store.TestFiles.giveToAnotherUser(file);

    try (LogCapture log = LogCapture.start()) {
      assertThat(store.load()).isEmpty();
      assertThat(log.warnings()).singleElement().asString().contains("starting signed out");
      assertThat(log.allText()).doesNotContain("CLIENTSECRETSIG");
    }
  }

  @Test
  void aFileOthersCanReadIsTightenedWithAWarning() throws IOException {
    Path file = temp.resolve("client-token");
    FileTokenStore store = TokenStores.file(file);
    store.save(TOKEN);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    try (LogCapture log = LogCapture.start()) {
      assertThat(store.load()).contains(TOKEN);
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains("rw-r--r--")
          .contains("tightened");
      assertThat(log.allText()).doesNotContain("CLIENTSECRETSIG");
    }
    assertThat(perms(file)).isEqualTo("rw-------");
  }

  @Test
  void clearRemovesTheFileAndLeftoversOfACrashedWrite() throws IOException {
    Path file = temp.resolve("client-token");
    FileTokenStore store = TokenStores.file(file);
    store.save(TOKEN);
    Path leftover = Files.writeString(temp.resolve(".client-token.987654.tmp"), "half a token");

    store.clear();
    store.clear();

    assertThat(file).doesNotExist();
    assertThat(leftover).doesNotExist();
    assertThat(store.load()).isEmpty();
  }

  @Test
  void aStoreThatCannotWriteReportsATypedError() throws IOException {
    Path blocker = Files.writeString(temp.resolve("not-a-directory"), "x");
    FileTokenStore store = TokenStores.file(blocker.resolve("client-token"));

    assertThatThrownBy(() -> store.save(TOKEN))
        .isInstanceOfSatisfying(
            TokenStoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo(TokenStoreException.WRITE_FAILED);
              assertThat(e.getMessage()).contains(blocker.toString()).doesNotContain(TOKEN);
            });
  }

  @Test
  void aStoreThatCannotDeleteReportsATypedError() throws IOException {
    Path file = temp.resolve("client-token");
    Files.createDirectories(
        file.resolve("a-child")); // a non-empty directory cannot be deleted as a file

    assertThatThrownBy(() -> TokenStores.file(file).clear())
        .isInstanceOfSatisfying(
            TokenStoreException.class,
            e -> assertThat(e.code()).isEqualTo(TokenStoreException.WRITE_FAILED));
  }

  @Test
  void invalidTokensAreRejectedWithoutQuotingThem() {
    FileTokenStore store = TokenStores.file(temp.resolve("client-token"));

    for (String bad :
        new String[] {
          null, "", "CLIENTSECRETSIG with space", "CLIENTSECRETSIG\n", "CLIENTSECRETSIGü"
        }) {
      assertThatThrownBy(() -> store.save(bad))
          .isInstanceOfSatisfying(
              TokenStoreException.class,
              e -> {
                assertThat(e.code()).isEqualTo(TokenStoreException.INVALID_VALUE);
                assertThat(e.getMessage()).doesNotContain("CLIENTSECRETSIG");
              });
    }
    assertThat(temp.resolve("client-token")).doesNotExist();
  }

  @Test
  void nothingLogsOrPrintsTheToken() {
    Path file = temp.resolve("client-token");
    try (LogCapture log = LogCapture.start()) {
      FileTokenStore store = TokenStores.file(file);
      store.load();
      store.save(TOKEN);
      store.load();
      store.clear();
      store.load();

      assertThat(store.toString()).contains(file.toString()).doesNotContain(TOKEN);
      assertThat(log.allText()).doesNotContain("CLIENTSECRETSIG");
    }
  }

  @Test
  void concurrentSavesNeverLeaveATornFile() throws Exception {
    Path file = temp.resolve("client-token");
    // Two instances on one file: no shared lock, so only the atomic replace keeps the file whole.
    FileTokenStore first = TokenStores.file(file);
    FileTokenStore second = TokenStores.file(file);
    first.save("tokenA-initial");
    int rounds = 200;
    List<String> written = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      written.add("tokenA-" + i + "-" + "a".repeat(i % 40));
      written.add("tokenB-" + i + "-" + "b".repeat(300 + i % 40));
    }
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Optional<String>> seen = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try (LogCapture log = LogCapture.start()) {
      Future<?> a =
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                  first.save(written.get(2 * i));
                }
                return null;
              });
      Future<?> b =
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                  second.save(written.get(2 * i + 1));
                }
                return null;
              });
      Future<?> reader =
          pool.submit(
              () -> {
                start.await();
                while (writing.get()) {
                  seen.add(first.load());
                }
                return null;
              });
      start.countDown();
      a.get(60, TimeUnit.SECONDS);
      b.get(60, TimeUnit.SECONDS);
      writing.set(false);
      reader.get(60, TimeUnit.SECONDS);

      List<String> valid = new ArrayList<>(written);
      valid.add("tokenA-initial");
      assertThat(seen)
          .isNotEmpty()
          .allSatisfy(
              value ->
                  assertThat(value).hasValueSatisfying(token -> assertThat(valid).contains(token)));
      assertThat(TokenStores.file(file).load())
          .hasValueSatisfying(
              token ->
                  assertThat(List.of(written.get(2 * rounds - 2), written.get(2 * rounds - 1)))
                      .contains(token));
      assertThat(log.warnings()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files).containsExactly(file);
    }
  }

  private static String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
