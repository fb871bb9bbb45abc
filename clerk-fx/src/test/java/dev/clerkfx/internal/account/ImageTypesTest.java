package dev.clerkfx.internal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageTypesTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void recognisesTheFourTypesClerkAcceptsAndNothingElse() {
    assertThat(
            ImageTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
        .contains("image/png");
    assertThat(ImageTypes.detect(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}))
        .contains("image/jpeg");
    assertThat(ImageTypes.detect(ascii("GIF87a...."))).contains("image/gif");
    assertThat(ImageTypes.detect(ascii("GIF89a...."))).contains("image/gif");
    assertThat(ImageTypes.detect(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains("image/webp");
    assertThat(ImageTypes.detect(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
    assertThat(ImageTypes.detect(ascii("<svg xmlns="))).isEmpty();
    assertThat(ImageTypes.detect(new byte[] {(byte) 0x89, 'P'})).isEmpty();
    assertThat(ImageTypes.detect(new byte[0])).isEmpty();
  }
}
