package dev.clerkfx.internal.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Renders text (an {@code otpauth://} URI) as a QR code image, black on white with the standard
 * quiet zone.
 */
public final class QrCodes {
  private QrCodes() {}

  /**
   * Encodes {@code text} at error-correction level M with a 4-module quiet zone.
   *
   * @param text what the code says
   * @param pixelsPerModule the size of one module in pixels (the image is square)
   * @return the image
   * @throws IllegalArgumentException when the text is too long for a QR code
   */
  public static WritableImage render(String text, int pixelsPerModule) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4,
                      EncodeHintType.CHARACTER_SET,
                      StandardCharsets.UTF_8.name()));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Text does not fit in a QR code", e);
    }
    int scale = Math.max(1, pixelsPerModule);
    int modules = matrix.getWidth();
    WritableImage image = new WritableImage(modules * scale, modules * scale);
    PixelWriter w = image.getPixelWriter();
    for (int y = 0; y < modules; y++) {
      for (int x = 0; x < modules; x++) {
        Color c = matrix.get(x, y) ? Color.BLACK : Color.WHITE;
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            w.setColor(x * scale + dx, y * scale + dy, c);
          }
        }
      }
    }
    return image;
  }
}
