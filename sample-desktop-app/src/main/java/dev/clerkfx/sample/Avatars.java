package dev.clerkfx.sample;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.shape.Circle;

/**
 * Shows a user's avatar from an image URL property, loading it in the background (no network on the
 * FX thread).
 */
final class Avatars {
  private Avatars() {}

  /**
   * Makes {@code view} a round avatar of {@code size} pixels that follows {@code imageUrl}: each
   * new URL starts a background load; an empty or null URL shows nothing.
   *
   * @param view the image view
   * @param imageUrl the URL property, such as {@code useUser().imageUrlProperty()}
   * @param size the width and height in pixels
   */
  static void bind(ImageView view, ObservableValue<String> imageUrl, double size) {
    view.setFitWidth(size);
    view.setFitHeight(size);
    view.setPreserveRatio(true);
    view.setClip(new Circle(size / 2, size / 2, size / 2));
    view.imageProperty()
        .bind(Bindings.createObjectBinding(() -> load(imageUrl.getValue(), size), imageUrl));
  }

  static Image load(String url, double size) {
    return url == null || url.isBlank() ? null : new Image(url, size, size, true, true, true);
  }
}
