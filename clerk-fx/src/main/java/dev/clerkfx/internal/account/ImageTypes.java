package dev.clerkfx.internal.account;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Recognises the image types Clerk accepts for a profile image from their first bytes. */
final class ImageTypes {
  private ImageTypes() {}

  /**
   * Returns the media type of a PNG, JPEG, GIF or WebP image.
   *
   * @param b the image bytes
   * @return {@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/webp}; empty
   *     for anything else
   */
  static Optional<String> detect(byte[] b) {
    if (starts(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}))
      return Optional.of("image/png");
    if (starts(b, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}))
      return Optional.of("image/jpeg");
    if (starts(b, 0, ascii("GIF87a")) || starts(b, 0, ascii("GIF89a")))
      return Optional.of("image/gif");
    if (starts(b, 0, ascii("RIFF")) && starts(b, 8, ascii("WEBP")))
      return Optional.of("image/webp");
    return Optional.empty();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean starts(byte[] b, int offset, byte[] magic) {
    return b.length >= offset + magic.length
        && Arrays.equals(b, offset, offset + magic.length, magic, 0, magic.length);
  }
}
