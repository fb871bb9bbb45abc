package dev.clerkfx.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes files only their owner may read: the one writer behind the client-token file and
 * the snapshot cache.
 *
 * <p>Writing creates the directory with POSIX {@code 0700}, writes a temporary file created with
 * {@code 0600} from the start, forces it to disk and moves it over the target with {@code
 * ATOMIC_MOVE}, so a reader sees the old content or the new, never a torn file. On file systems
 * without POSIX permissions (Windows) the directory and the temporary file get an ACL granting only
 * their owner access; that part is best effort: a file system with neither view keeps its defaults,
 * and a DEBUG record says so.
 *
 * <p>The directory the file lives in must be safe to keep a secret in. It is refused when it is a
 * symbolic link or (on POSIX file systems) owned by another user; when it already exists and is
 * writable by its group or by others, it is tightened (those write bits removed, with a WARNING) if
 * it belongs to this user, refused otherwise (a shared directory such as {@code /tmp} is never
 * changed).
 *
 * <p>Reading refuses symbolic links and anything that is not a regular file, a file (on POSIX file
 * systems) that another user owns, a file in a directory that is a symbolic link, and content
 * larger than a caller's bound. No method logs or reports file content.
 */
public final class OwnerOnlyFiles {
  private static final System.Logger LOG = System.getLogger("dev.clerkfx.store");

  /** {@code rw-------}. */
  public static final Set<PosixFilePermission> FILE_PERMISSIONS =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  /** {@code rwx------}. */
  public static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private static final String TEMP_SUFFIX = ".tmp";

  private OwnerOnlyFiles() {}

  /**
   * Replaces {@code target}'s content atomically with {@code content}, owner-only.
   *
   * @param target the file to write; its parent directories are created if missing
   * @param content the bytes to store
   * @throws IOException when the directory cannot be made or the file cannot be written or moved
   *     into place
   */
  public static void write(Path target, byte[] content) throws IOException {
    Path file = target.toAbsolutePath();
    Path dir = file.getParent();
    ensurePrivateDirectory(dir);
    boolean posix = isPosix(dir);
    Path temp =
        posix
            ? Files.createTempFile(
                dir,
                tempPrefix(file),
                TEMP_SUFFIX,
                PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS))
            : Files.createTempFile(dir, tempPrefix(file), TEMP_SUFFIX);
    boolean moved = false;
    try {
      // Created with at most 0600 (the umask only removes bits); set it exactly before any byte is
      // written.
      if (posix) {
        Files.setPosixFilePermissions(temp, FILE_PERMISSIONS);
      } else {
        restrictToOwner(temp, false);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      moveIntoPlace(temp, file);
      moved = true;
      forceDirectory(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Reads {@code file} if it exists.
   *
   * @param file the file to read
   * @param maxBytes the largest content accepted
   * @return the content, or empty when there is no file
   * @throws IOException when the file exists but cannot be read, is not a regular file (a
   *     directory, a symbolic link), or is larger than {@code maxBytes}
   */
  public static Optional<byte[]> read(Path file, int maxBytes) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (!attributes.isRegularFile()) {
      throw new IOException(file + " is not a regular file");
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && Files.isSymbolicLink(dir)) {
      throw new IOException(
          dir + " is a symbolic link; clerk-fx keeps secrets only in a real directory");
    }
    requireOwnedByCurrentUser(file, "file");
    // read what is there (up to the bound), without a buffer of the bound's size: a cold start
    // reads a few kilobytes
    try (InputStream in =
        Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new IOException(file + " is larger than " + maxBytes + " bytes");
      }
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * Deletes {@code file} and any temporary file a crashed write left beside it.
   *
   * @param file the file to delete; a missing file is not an error
   * @throws IOException when the file exists and cannot be deleted
   */
  public static void delete(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Files.deleteIfExists(absolute);
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    String glob = escapeGlob(tempPrefix(absolute)) + "*" + TEMP_SUFFIX;
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, glob)) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  /**
   * Makes sure {@code dir} exists as a directory fit for a secret; each directory this call creates
   * gets {@code 0700} (or an owner-only ACL). An existing {@code dir} must not be a symbolic link
   * nor (POSIX) belong to another user; if its group or others may write to it, those bits are
   * removed when it is this user's (WARNING), and it is refused otherwise. Its other permissions
   * are left as they are: a caller may point a store into any directory of theirs.
   *
   * @param dir the directory
   * @throws IOException when it cannot be created, exists as something other than a directory, is a
   *     symbolic link, or belongs to another user
   */
  public static void ensurePrivateDirectory(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    if (Files.isSymbolicLink(absolute)) {
      throw new IOException(
          absolute + " is a symbolic link; clerk-fx keeps secrets only in a real directory");
    }
    if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
      checkExistingDirectory(absolute);
      return;
    }
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(
          absolute.toString(), null, "exists and is not a directory");
    }
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = absolute;
        p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        p = p.getParent()) {
      missing.push(p);
    }
    boolean posix = isPosix(absolute);
    for (Path p : missing) {
      try {
        if (posix) {
          Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIRECTORY_PERMISSIONS));
        } else {
          Files.createDirectory(p);
        }
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(p)) {
          throw e;
        }
        continue; // made meanwhile by another thread or process, which protects it
      }
      if (posix) {
        Files.setPosixFilePermissions(p, DIRECTORY_PERMISSIONS); // the umask may have removed bits
      } else {
        restrictToOwner(p, true);
      }
    }
  }

  /**
   * Tightens an existing file to {@code rw-------} when it is readable or writable by anyone but
   * its owner.
   *
   * @param file an existing file
   * @return the permissions it had before, when they were looser; empty when they were fine or are
   *     not POSIX
   * @throws IOException when the permissions cannot be read or changed
   */
  public static Optional<String> tightenIfLoose(Path file) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return Optional.empty();
    }
    Set<PosixFilePermission> current = view.readAttributes().permissions();
    EnumSet<PosixFilePermission> others = EnumSet.copyOf(current);
    others.removeAll(FILE_PERMISSIONS);
    others.remove(PosixFilePermission.OWNER_EXECUTE);
    if (others.isEmpty()) {
      return Optional.empty();
    }
    view.setPermissions(FILE_PERMISSIONS);
    return Optional.of(PosixFilePermissions.toString(current));
  }

  /** Refuses another user's directory; removes group and other write access from this user's. */
  private static void checkExistingDirectory(Path dir) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return;
    }
    requireOwnedByCurrentUser(dir, "directory");
    Set<PosixFilePermission> current = view.readAttributes().permissions();
    if (!current.contains(PosixFilePermission.GROUP_WRITE)
        && !current.contains(PosixFilePermission.OTHERS_WRITE)) {
      return;
    }
    EnumSet<PosixFilePermission> tightened = EnumSet.copyOf(current);
    tightened.remove(PosixFilePermission.GROUP_WRITE);
    tightened.remove(PosixFilePermission.OTHERS_WRITE);
    view.setPermissions(tightened);
    LOG.log(
        Level.WARNING,
        "The clerk-fx directory {0} was writable by other users ({1}); tightened to {2}",
        dir,
        PosixFilePermissions.toString(current),
        PosixFilePermissions.toString(tightened));
  }

  /** On POSIX file systems, refuses a path another user owns (when this user can be looked up). */
  private static void requireOwnedByCurrentUser(Path path, String what) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return;
    }
    UserPrincipal me = currentUser(path);
    if (me == null) {
      return;
    }
    UserPrincipal owner = view.readAttributes().owner();
    if (!owner.equals(me)) {
      throw new IOException(
          path
              + ": the "
              + what
              + " belongs to "
              + owner.getName()
              + ", not to "
              + me.getName()
              + "; clerk-fx uses only its own user's files for secrets");
    }
  }

  /**
   * This process's user, or null when the file system cannot name it (then ownership is not
   * checked).
   */
  private static UserPrincipal currentUser(Path path) {
    String name = System.getProperty("user.name");
    if (name == null || name.isEmpty()) return null;
    try {
      return path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.log(
          Level.DEBUG,
          "Cannot look up the user {0} ({1}); file ownership not checked",
          name,
          e.getClass().getSimpleName());
      return null;
    }
  }

  /**
   * Builds the ACL that grants {@code owner} everything and nobody else anything.
   *
   * @param owner the file's owner
   * @param directory whether the entry should be inherited by files created inside
   * @return the single-entry ACL
   */
  static List<AclEntry> ownerOnlyAcl(UserPrincipal owner, boolean directory) {
    AclEntry.Builder entry =
        AclEntry.newBuilder()
            .setType(AclEntryType.ALLOW)
            .setPrincipal(owner)
            .setPermissions(EnumSet.allOf(AclEntryPermission.class));
    if (directory) {
      entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
    }
    return List.of(entry.build());
  }

  private static void restrictToOwner(Path path, boolean directory) throws IOException {
    AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
    if (acl == null) {
      LOG.log(
          Level.DEBUG,
          "{0}: the file system has neither POSIX permissions nor ACLs; default access kept",
          path);
      return;
    }
    acl.setAcl(ownerOnlyAcl(acl.getOwner(), directory));
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      LOG.log(
          Level.WARNING,
          "{0}: the file system cannot replace files atomically; replacing it in two steps",
          target);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void forceDirectory(Path dir) {
    // Makes the rename durable on POSIX systems; Windows cannot open a directory as a channel
    // (ignored).
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.TRACE, "{0}: directory not synced ({1})", dir, e.getClass().getSimpleName());
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static String tempPrefix(Path file) {
    return "." + file.getFileName() + ".";
  }

  private static String escapeGlob(String literal) {
    StringBuilder out = new StringBuilder(literal.length());
    for (char c : literal.toCharArray()) {
      if ("\\*?[]{}".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
