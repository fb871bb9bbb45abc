package dev.clerkfx.internal.ui;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * A round avatar: the initials of a name on a coloured circle, replaced by the picture once it has
 * loaded in the background. A picture that fails to load (offline, unknown URL) leaves the initials
 * showing.
 *
 * <p>Pictures are cached by URL (the most recent {@value #CACHE_SIZE}), so every avatar of the same
 * user shares one download. FX Application Thread only, like every node.
 */
public final class Avatar extends StackPane {
  /** How many pictures the cache keeps. */
  static final int CACHE_SIZE = 64;

  /** The pixel size pictures are decoded at; views scale them down smoothly. */
  private static final double DECODE_SIZE = 128;

  /**
   * Background colours for the initials: mid-tone, readable with white text in light and dark
   * themes.
   */
  private static final Color[] COLOURS = {
    Color.web("#6c47ff"), Color.web("#0e7c86"), Color.web("#c2410c"), Color.web("#2563eb"),
    Color.web("#9333ea"), Color.web("#15803d"), Color.web("#be185d"), Color.web("#4d7c0f"),
  };

  private static final Map<String, Image> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  private final Circle circle = new Circle();
  private final Label initials = new Label();
  private final ImageView picture = new ImageView();
  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final StringProperty colourKey = new SimpleStringProperty(this, "colourKey", "");
  private final StringProperty imageUrl = new SimpleStringProperty(this, "imageUrl", "");
  private final DoubleProperty size = new SimpleDoubleProperty(this, "size", 32);
  private final ChangeListener<Boolean> loaded = (obs, was, now) -> showPicture();
  private final ChangeListener<Number> progress =
      (obs, was, now) -> {
        if (now.doubleValue() >= 1) showPicture();
      };
  private Image image;

  /** Creates an avatar of {@code size} pixels. */
  public Avatar(double size) {
    getStyleClass().add("clerk-avatar");
    initials.getStyleClass().add("clerk-avatar-initials");
    initials.setMouseTransparent(true);
    picture.setPreserveRatio(false);
    picture.setSmooth(true);
    picture.setVisible(false);
    getChildren().addAll(circle, initials, picture);
    setFocusTraversable(false);
    InvalidationListener layout = o -> resize();
    this.size.addListener(layout);
    this.size.set(size);
    resize();
    name.addListener(o -> initials.setText(initialsOf(name.get())));
    colourKey.addListener(o -> circle.setFill(colourFor(colourKey.get())));
    circle.setFill(colourFor(""));
    imageUrl.addListener(o -> load(imageUrl.get()));
  }

  private void resize() {
    double s = size.get();
    setMinSize(s, s);
    setPrefSize(s, s);
    setMaxSize(s, s);
    circle.setRadius(s / 2);
    picture.setFitWidth(s);
    picture.setFitHeight(s);
    picture.setClip(new Circle(s / 2, s / 2, s / 2));
    initials.setStyle("-fx-font-size: " + Math.max(9, Math.round(s * 0.4)) + "px;");
  }

  /** The name whose initials show until the picture loads. */
  public StringProperty nameProperty() {
    return name;
  }

  /**
   * What picks the circle's colour (a user or organization id), so a person keeps one colour
   * everywhere.
   */
  public StringProperty colourKeyProperty() {
    return colourKey;
  }

  /** The picture's URL; empty for initials only. */
  public StringProperty imageUrlProperty() {
    return imageUrl;
  }

  /** The width and height in pixels. */
  public DoubleProperty sizeProperty() {
    return size;
  }

  /** Sets name, colour key and picture in one call. */
  public void show(String displayName, String key, String url) {
    name.set(displayName == null ? "" : displayName);
    colourKey.set(key == null ? "" : key);
    imageUrl.set(url == null ? "" : url);
  }

  /** True while the picture (not the initials) shows. */
  public boolean isShowingPicture() {
    return picture.isVisible();
  }

  /** The initials shown while there is no picture. */
  public String getInitials() {
    return initials.getText();
  }

  private void load(String url) {
    if (image != null) {
      image.errorProperty().removeListener(loaded);
      image.progressProperty().removeListener(progress);
    }
    image = null;
    picture.setImage(null);
    picture.setVisible(false);
    initials.setVisible(true);
    if (url == null || url.isBlank()) return;
    Image img = CACHE.get(url);
    if (img == null || img.isError()) {
      img = new Image(url, DECODE_SIZE, DECODE_SIZE, true, true, true);
      CACHE.put(url, img);
    }
    image = img;
    if (img.getProgress() >= 1 || img.isError()) {
      showPicture();
    } else {
      img.progressProperty().addListener(progress);
      img.errorProperty().addListener(loaded);
    }
  }

  private void showPicture() {
    Image img = image;
    boolean ok = img != null && !img.isError() && img.getProgress() >= 1 && img.getWidth() > 0;
    if (img != null && img.isError()) {
      CACHE.remove(imageUrl.get(), img); // retry on the next avatar (for example once back online)
    }
    picture.setImage(ok ? img : null);
    picture.setVisible(ok);
    initials.setVisible(!ok);
  }

  /**
   * The initials of a display name: the first letters of its first and last words ("Ada Lovelace" →
   * "AL"), the first letter of a single word or of an email address, "?" when empty.
   */
  public static String initialsOf(String displayName) {
    if (displayName == null || displayName.isBlank()) return "?";
    String s = displayName.strip();
    int at = s.indexOf('@');
    if (at > 0) s = s.substring(0, at);
    String[] words = s.split("[\\s._-]+");
    String first = firstLetter(words[0]);
    if (words.length == 1) return first.isEmpty() ? "?" : first;
    return (first + firstLetter(words[words.length - 1])).toUpperCase(Locale.ROOT);
  }

  private static String firstLetter(String word) {
    if (word.isEmpty()) return "";
    return new String(Character.toChars(word.codePointAt(0))).toUpperCase(Locale.ROOT);
  }

  /** The circle colour for a key: stable per key. */
  static Color colourFor(String key) {
    return COLOURS[Math.floorMod(key == null ? 0 : key.hashCode(), COLOURS.length)];
  }

  /** Forgets every cached picture (tests). */
  static void clearCache() {
    CACHE.clear();
  }
}
