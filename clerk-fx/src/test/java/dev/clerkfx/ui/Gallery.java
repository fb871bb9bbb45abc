package dev.clerkfx.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Renders prebuilt components to PNG files under {@code target/gallery/}, for the gallery in {@code
 * docs/ui/}. Both UI test suites use it: {@code Gallery.render(node, 420, 560,
 * "sign-in-start-light")}. FX Application Thread.
 */
public final class Gallery {
  /** Where the images go. */
  public static final Path DIR = Path.of("target", "gallery");

  private Gallery() {}

  /**
   * Lays out {@code root} in a scene of the given size, renders it and writes {@code <name>.png}.
   *
   * @param root the node to render (it becomes the scene's root)
   * @param width the scene width
   * @param height the scene height
   * @param name the file name without extension
   * @return the written file
   */
  public static Path render(Parent root, double width, double height, String name) {
    Scene scene = root.getScene() != null ? root.getScene() : new Scene(root, width, height);
    root.applyCss();
    root.layout();
    return write(scene.snapshot(null), name);
  }

  /**
   * Renders a node already in a laid-out scene and writes {@code <name>.png}.
   *
   * @param node the node
   * @param name the file name without extension
   * @return the written file
   */
  public static Path render(Node node, String name) {
    node.applyCss();
    return write(node.snapshot(null, null), name);
  }

  /** Converts a JavaFX image to an AWT one (without javafx-swing). */
  public static BufferedImage toBuffered(WritableImage image) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader reader = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, reader.getArgb(x, y));
      }
    }
    return out;
  }

  private static Path write(WritableImage image, String name) {
    try {
      Files.createDirectories(DIR);
      Path file = DIR.resolve(name + ".png");
      ImageIO.write(toBuffered(image), "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
