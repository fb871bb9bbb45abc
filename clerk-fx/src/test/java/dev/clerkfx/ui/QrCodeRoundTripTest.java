package dev.clerkfx.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.internal.ui.QrCodes;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Every authenticator-app QR code the profile renders reads back to its URI: 300 seeded random
 * secrets, decoded as the profile test decodes them.
 */
@ExtendWith(ApplicationExtension.class)
class QrCodeRoundTripTest {
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  @Test
  void randomOtpauthUrisReadBack() throws Exception {
    Random random = new Random(20261129);
    for (int i = 0; i < 300; i++) {
      StringBuilder secret = new StringBuilder();
      for (int j = 0; j < 32; j++) secret.append(BASE32.charAt(random.nextInt(BASE32.length())));
      String uri =
          "otpauth://totp/Clerk:user"
              + i
              + "%40example.com?secret="
              + secret
              + "&issuer=Clerk&algorithm=SHA1&digits=6&period=30";
      assertThat(UserProfileViewFxTest.decode(QrCodes.render(uri, 4)))
          .as("seed %d", i)
          .isEqualTo(uri);
    }
  }
}
