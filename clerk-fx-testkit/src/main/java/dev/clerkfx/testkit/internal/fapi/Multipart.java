package dev.clerkfx.testkit.internal.fapi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Just enough {@code multipart/form-data} parsing to take one uploaded file out of a body. */
final class Multipart {
  /** One part: its bytes and content type. */
  @SuppressWarnings("ArrayRecordComponent") // a carrier of raw bytes; never compared or hashed
  record Part(byte[] bytes, String contentType) {}

  private Multipart() {}

  /**
   * Finds the part with a given field name.
   *
   * @param body the request body
   * @param contentType the request's {@code Content-Type} (holds the boundary)
   * @param field the field name
   * @return the part, if present and well formed
   */
  static Optional<Part> find(byte[] body, String contentType, String field) {
    String boundary = null;
    for (String p : contentType.split(";")) {
      String t = p.trim();
      if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        boundary = t.substring(9).replace("\"", "");
      }
    }
    if (boundary == null || boundary.isEmpty()) {
      return Optional.empty();
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = indexOf(body, delimiter, 0);
    while (pos >= 0) {
      int headerStart = pos + delimiter.length + 2;
      int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
      if (headerEnd < 0) {
        return Optional.empty();
      }
      String headers =
          new String(body, headerStart, headerEnd - headerStart, StandardCharsets.ISO_8859_1);
      int next =
          indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headerEnd + 4);
      if (next < 0) {
        return Optional.empty();
      }
      String lower = headers.toLowerCase(Locale.ROOT);
      if (lower.contains("name=\"" + field + "\"")) {
        String type = "application/octet-stream";
        for (String line : headers.split("\r\n")) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
            type = line.substring(13).trim();
          }
        }
        return Optional.of(new Part(Arrays.copyOfRange(body, headerEnd + 4, next), type));
      }
      pos = next + 2;
    }
    return Optional.empty();
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
