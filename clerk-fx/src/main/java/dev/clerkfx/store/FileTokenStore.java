package dev.clerkfx.store;

import dev.clerkfx.internal.store.OwnerOnlyFiles;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the client token in a file only this user can read: the fallback when no OS keychain
 * answers.
 *
 * <p>The file is written atomically (a temporary file created with POSIX {@code 0600}, forced to
 * disk, then moved over the old one), so a crash or a concurrent save never leaves a torn file;
 * directories it creates get {@code 0700}. On Windows, where files have ACLs instead, the directory
 * and file get an ACL that grants only their owner access (best effort: a file system with neither
 * keeps its defaults). A file that other users can read when loaded is tightened to {@code 0600}
 * with a warning.
 *
 * <p>The file's directory must be fit for a secret: a directory that is a symbolic link, or that
 * (on POSIX file systems) another user owns, is refused (loading finds nothing, with a WARNING;
 * saving fails with a {@link TokenStoreException}); an existing directory of this user that its
 * group or others may write to loses those write bits, with a WARNING. A token file another user
 * owns is refused the same way.
 *
 * <p>The token is not encrypted: any key clerk-fx could use without an OS keychain would sit beside
 * the file with the same permissions, so encryption would add obscurity, not protection. The
 * protection is the file's owner-only permission, as for SSH keys.
 *
 * <p>The content is a one-line header ({@value #HEADER_LINE}) and the token on the next line.
 * Anything else loads as empty with a WARNING that names the file (never its content). Thread-safe.
 */
public final class FileTokenStore implements TokenStore {
  /** The file's name in the app directory, as used by {@link TokenStores#system(String)}. */
  public static final String FILE_NAME = "client-token";

  /** The first line of the file; a later format would change the version. */
  public static final String HEADER_LINE = "clerk-fx client-token v1";

  private static final System.Logger LOG = System.getLogger("dev.clerkfx.store");
  private static final int MAX_BYTES = HEADER_LINE.length() + ClientTokenFormat.MAX_LENGTH + 2;

  private final Path path;
  private final Object lock = new Object();

  FileTokenStore(Path path) {
    this.path = path.toAbsolutePath();
  }

  /** Returns the file the token is kept in (it may not exist yet). */
  public Path path() {
    return path;
  }

  @Override
  public Optional<String> load() {
    synchronized (lock) {
      byte[] bytes;
      try {
        Optional<byte[]> read = OwnerOnlyFiles.read(path, MAX_BYTES);
        if (read.isEmpty()) {
          LOG.log(Level.DEBUG, "No client token file at {0}", path);
          return Optional.empty();
        }
        bytes = read.get();
      } catch (IOException e) {
        LOG.log(
            Level.WARNING,
            "Could not read the clerk-fx client token file {0} ({1}); starting signed out",
            path,
            e.getClass().getSimpleName());
        return Optional.empty();
      }
      Optional<String> token = parse(bytes);
      if (token.isEmpty()) {
        LOG.log(
            Level.WARNING,
            "The clerk-fx client token file {0} is corrupt; starting signed out",
            path);
        return Optional.empty();
      }
      tightenIfLoose();
      return token;
    }
  }

  @Override
  public void save(String clientToken) {
    byte[] content =
        (HEADER_LINE + "\n" + ClientTokenFormat.require(clientToken) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    synchronized (lock) {
      try {
        OwnerOnlyFiles.write(path, content);
      } catch (IOException e) {
        throw new TokenStoreException(
            TokenStoreException.WRITE_FAILED,
            "Could not write the clerk-fx client token file " + path + " (" + describe(e) + ")",
            e);
      }
    }
  }

  @Override
  public void clear() {
    synchronized (lock) {
      try {
        OwnerOnlyFiles.delete(path);
      } catch (IOException e) {
        throw new TokenStoreException(
            TokenStoreException.WRITE_FAILED,
            "Could not delete the clerk-fx client token file " + path + " (" + describe(e) + ")",
            e);
      }
    }
  }

  /** Names the file, never the token. */
  @Override
  public String toString() {
    return "FileTokenStore{" + path + "}";
  }

  private static Optional<String> parse(byte[] bytes) {
    String text =
        new String(
            bytes, StandardCharsets.ISO_8859_1); // 1 byte = 1 char: non-ASCII fails the check
    String prefix = HEADER_LINE + "\n";
    if (!text.startsWith(prefix) || !text.endsWith("\n") || text.length() <= prefix.length() + 1) {
      return Optional.empty();
    }
    String token = text.substring(prefix.length(), text.length() - 1);
    return ClientTokenFormat.isWellFormed(token) ? Optional.of(token) : Optional.empty();
  }

  private void tightenIfLoose() {
    try {
      OwnerOnlyFiles.tightenIfLoose(path)
          .ifPresent(
              before ->
                  LOG.log(
                      Level.WARNING,
                      "The clerk-fx client token file {0} was accessible to other users ({1}); tightened to rw-------",
                      path,
                      before));
    } catch (IOException e) {
      LOG.log(
          Level.WARNING,
          "Could not check the permissions of {0} ({1})",
          path,
          e.getClass().getSimpleName());
    }
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
