package dev.clerkfx.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Assumptions;

/** File-system helpers for the storage tests. */
public final class TestFiles {
  private TestFiles() {}

  /**
   * Hands {@code path} to the user {@code nobody}; aborts the test (an assumption) where that is
   * not allowed: only root may, and the suite runs as root in CI.
   *
   * @param path the file or directory
   * @throws IOException when its owner cannot be read back
   */
  public static void giveToAnotherUser(Path path) throws IOException {
    UserPrincipal nobody;
    try {
      nobody = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(path, nobody);
    } catch (IOException | UnsupportedOperationException e) {
      Assumptions.abort("cannot give a file to another user here: " + e);
      return;
    }
    Assumptions.assumeTrue(Files.getOwner(path).equals(nobody), "chown allowed");
  }
}
