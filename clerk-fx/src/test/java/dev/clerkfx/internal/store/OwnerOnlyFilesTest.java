package dev.clerkfx.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {
  @TempDir Path temp;

  @BeforeEach
  void posixOnly() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
  }

  @Test
  void writeCreatesMissingDirectoriesAs0700AndTheFileAs0600() throws IOException {
    Path file = temp.resolve("a/b/c/data");

    OwnerOnlyFiles.write(file, bytes("hello"));

    assertThat(Files.readString(file)).isEqualTo("hello");
    assertThat(perms(file)).isEqualTo("rw-------");
    assertThat(perms(temp.resolve("a/b/c"))).isEqualTo("rwx------");
    assertThat(perms(temp.resolve("a/b"))).isEqualTo("rwx------");
    assertThat(perms(temp.resolve("a"))).isEqualTo("rwx------");
  }

  @Test
  void writeLeavesAnExistingDirectoryAlone() throws IOException {
    Path shared = Files.createDirectory(temp.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

    OwnerOnlyFiles.write(shared.resolve("data"), bytes("x"));

    assertThat(perms(shared)).isEqualTo("rwxr-xr-x");
    assertThat(perms(shared.resolve("data"))).isEqualTo("rw-------");
  }

  @Test
  void writeReplacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws IOException {
    Path file = temp.resolve("dir/data");
    OwnerOnlyFiles.write(file, bytes("first"));
    Object firstKey =
        Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

    OwnerOnlyFiles.write(file, bytes("second"));

    assertThat(Files.readString(file)).isEqualTo("second");
    // A new inode moved into place, not the old file rewritten in place.
    assertThat(
            Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
        .isNotEqualTo(firstKey);
    assertThat(perms(file)).isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void writeReplacesAFileThatWasLooserWithAnOwnerOnlyOne() throws IOException {
    Path file = temp.resolve("data");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

    OwnerOnlyFiles.write(file, bytes("new"));

    assertThat(perms(file)).isEqualTo("rw-------");
  }

  @Test
  void writeFailsWhenTheDirectoryCannotBeMade() throws IOException {
    Path blocker = Files.writeString(temp.resolve("blocker"), "a file, not a directory");

    assertThatThrownBy(() -> OwnerOnlyFiles.write(blocker.resolve("sub/data"), bytes("x")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> OwnerOnlyFiles.write(blocker.resolve("data"), bytes("x")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void readReturnsEmptyForAMissingFileAndTheBytesOtherwise() throws IOException {
    assertThat(OwnerOnlyFiles.read(temp.resolve("missing"), 100)).isEmpty();
    assertThat(OwnerOnlyFiles.read(temp.resolve("missing-dir/missing"), 100)).isEmpty();

    Path file = Files.writeString(temp.resolve("f"), "content");
    assertThat(OwnerOnlyFiles.read(file, 100))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("content")));
    assertThat(OwnerOnlyFiles.read(file, 7)).isPresent();
  }

  @Test
  void writeTightensAnExistingDirectoryOthersCanWriteTo() throws IOException {
    Path loose = Files.createDirectory(temp.resolve("loose"));
    Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rwxrwxrwx"));

    try (LogCapture log = LogCapture.start()) {
      OwnerOnlyFiles.write(loose.resolve("data"), bytes("x"));
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains("rwxrwxrwx")
          .contains("tightened");
    }

    assertThat(perms(loose)).isEqualTo("rwxr-xr-x");
    assertThat(perms(loose.resolve("data"))).isEqualTo("rw-------");
  }

  @Test
  void aSymlinkedDirectoryIsRefusedForWritingAndReading() throws IOException {
    Path real = Files.createDirectory(temp.resolve("real"));
    Files.writeString(real.resolve("data"), "content");
    Path link = Files.createSymbolicLink(temp.resolve("app"), real);

    assertThatThrownBy(() -> OwnerOnlyFiles.write(link.resolve("data"), bytes("new")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("symbolic link");
    assertThatThrownBy(() -> OwnerOnlyFiles.read(link.resolve("data"), 100))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("symbolic link");
    assertThat(Files.readString(real.resolve("data"))).isEqualTo("content");
  }

  @Test
  void anotherUsersFileOrDirectoryIsRefused() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("theirs"));
    Path file = Files.writeString(temp.resolve("data"), "content");
    TestFiles.giveToAnotherUser(file);
    TestFiles.giveToAnotherUser(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThatThrownBy(() -> OwnerOnlyFiles.read(file, 100))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("belongs to");
    assertThatThrownBy(() -> OwnerOnlyFiles.write(dir.resolve("data"), bytes("x")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("belongs to");
    assertThat(perms(dir)).as("another user's directory is never changed").isEqualTo("rwxrwxrwx");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void readRefusesDirectoriesSymlinksAndOversizedFiles() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("dir"));
    Path target = Files.writeString(temp.resolve("target"), "content");
    Path link = Files.createSymbolicLink(temp.resolve("link"), target);

    assertThatThrownBy(() -> OwnerOnlyFiles.read(dir, 100))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> OwnerOnlyFiles.read(link, 100))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> OwnerOnlyFiles.read(target, 6))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("larger than 6 bytes");
  }

  @Test
  void deleteRemovesTheFileAndLeftoverTemporaryFilesOnly() throws IOException {
    Path file = temp.resolve("data");
    OwnerOnlyFiles.write(file, bytes("x"));
    Path leftover = Files.writeString(temp.resolve(".data.12345.tmp"), "crashed write");
    Path other = Files.writeString(temp.resolve(".other.1.tmp"), "not ours");

    OwnerOnlyFiles.delete(file);
    OwnerOnlyFiles.delete(file); // nothing there: not an error
    OwnerOnlyFiles.delete(temp.resolve("no-dir/data"));

    assertThat(file).doesNotExist();
    assertThat(leftover).doesNotExist();
    assertThat(other).exists();
  }

  @Test
  void tightenIfLooseReportsAndFixesGroupOrOtherAccess() throws IOException {
    Path file = Files.writeString(temp.resolve("f"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(OwnerOnlyFiles.tightenIfLoose(file)).isEmpty();

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(OwnerOnlyFiles.tightenIfLoose(file)).contains("rw-r--r--");
    assertThat(perms(file)).isEqualTo("rw-------");
  }

  @Test
  void ownerOnlyAclGrantsEverythingToTheOwnerAndNothingToAnyoneElse() throws IOException {
    UserPrincipal owner = Files.getOwner(temp);

    List<AclEntry> fileAcl = OwnerOnlyFiles.ownerOnlyAcl(owner, false);
    List<AclEntry> dirAcl = OwnerOnlyFiles.ownerOnlyAcl(owner, true);

    assertThat(fileAcl)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.type()).isEqualTo(AclEntryType.ALLOW);
              assertThat(entry.principal()).isEqualTo(owner);
              assertThat(entry.permissions())
                  .containsExactlyInAnyOrder(AclEntryPermission.values());
              assertThat(entry.flags()).isEmpty();
            });
    assertThat(dirAcl)
        .singleElement()
        .satisfies(
            entry ->
                assertThat(entry.flags())
                    .containsExactlyInAnyOrder(
                        AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
