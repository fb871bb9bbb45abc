package dev.clerkfx.internal.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** The snapshot cache in an owner-only file. */
final class FileSnapshotCache implements SnapshotCache {
  private static final System.Logger LOG = System.getLogger("dev.clerkfx.store");

  /** Far above a real client + environment snapshot (tens of KiB); anything bigger is not ours. */
  static final int MAX_BYTES = 8 * 1024 * 1024;

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final Path file;
  private final Object lock = new Object();

  FileSnapshotCache(Path file) {
    this.file = file.toAbsolutePath();
  }

  @Override
  public Optional<String> load() {
    synchronized (lock) {
      byte[] bytes;
      try {
        Optional<byte[]> read = OwnerOnlyFiles.read(file, MAX_BYTES);
        if (read.isEmpty()) {
          return Optional.empty();
        }
        bytes = read.get();
      } catch (IOException e) {
        LOG.log(
            Level.WARNING,
            "Could not read the clerk-fx snapshot {0} ({1}); starting without it",
            file,
            e.getClass().getSimpleName());
        return Optional.empty();
      }
      Optional<String> json = decodeJson(bytes);
      if (json.isEmpty()) {
        LOG.log(
            Level.WARNING,
            "The clerk-fx snapshot {0} is corrupt (not UTF-8 JSON); starting without it",
            file);
        return json;
      }
      try {
        OwnerOnlyFiles.tightenIfLoose(file)
            .ifPresent(
                before ->
                    LOG.log(
                        Level.WARNING,
                        "The clerk-fx snapshot {0} was accessible to other users ({1}); tightened to rw-------",
                        file,
                        before));
      } catch (IOException e) {
        LOG.log(
            Level.WARNING,
            "Could not check the permissions of {0} ({1})",
            file,
            e.getClass().getSimpleName());
      }
      return json;
    }
  }

  @Override
  public void save(String json) {
    if (json == null || decodeJson(json.getBytes(StandardCharsets.UTF_8)).isEmpty()) {
      throw new IllegalArgumentException("The snapshot is not a JSON document");
    }
    synchronized (lock) {
      try {
        OwnerOnlyFiles.write(file, json.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Could not write the clerk-fx snapshot "
                + file
                + " ("
                + e.getClass().getSimpleName()
                + ")",
            e);
      }
    }
  }

  @Override
  public void clear() {
    synchronized (lock) {
      try {
        OwnerOnlyFiles.delete(file);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Could not delete the clerk-fx snapshot "
                + file
                + " ("
                + e.getClass().getSimpleName()
                + ")",
            e);
      }
    }
  }

  /** Returns the text when {@code bytes} are strict UTF-8 holding exactly one JSON document. */
  static Optional<String> decodeJson(byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() == null) {
        return Optional.empty();
      }
      parser.skipChildren();
      return parser.nextToken() == null ? Optional.of(text) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "FileSnapshotCache{" + file + "}";
  }
}
