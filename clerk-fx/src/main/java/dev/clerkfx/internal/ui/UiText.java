package dev.clerkfx.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The localized words of the prebuilt components: one {@link ResourceBundle} per component family
 * under {@code dev/clerkfx/ui/i18n/} (shipped in English, German, French and Spanish), formatted
 * with {@link MessageFormat}.
 *
 * <p>Immutable and thread-safe. A missing key shows as {@code !key!} rather than failing, so a
 * translation gap never breaks a running app; {@code UiBundlesTest} fails the build on any gap.
 */
public final class UiText {
  /** Where the bundles live, as a resource base-name prefix. */
  public static final String BUNDLE_PREFIX = "dev.clerkfx.ui.i18n.";

  private final ResourceBundle bundle;
  private final Locale locale;

  private UiText(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
  }

  /**
   * Loads the bundle {@code family} (for example {@code "signin"}) for {@code locale}, falling back
   * to English.
   *
   * @throws MissingResourceException when the family does not exist at all
   */
  public static UiText load(String family, Locale locale) {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(locale, "locale");
    // Looked up by hand rather than with ResourceBundle.Control (not allowed in a named module):
    // language_COUNTRY,
    // then language, then English; never the JVM's default locale, so an unknown language gets
    // English.
    String path = "/" + (BUNDLE_PREFIX + family).replace('.', '/');
    ResourceBundle bundle = read(path + ".properties", null);
    if (bundle == null) {
      throw new MissingResourceException("No bundle " + family, UiText.class.getName(), family);
    }
    if (!locale.getLanguage().isEmpty() && !locale.getLanguage().equals("en")) {
      bundle = orSelf(read(path + "_" + locale.getLanguage() + ".properties", bundle), bundle);
      if (!locale.getCountry().isEmpty()) {
        bundle =
            orSelf(
                read(
                    path + "_" + locale.getLanguage() + "_" + locale.getCountry() + ".properties",
                    bundle),
                bundle);
      }
    }
    return new UiText(bundle, locale);
  }

  private static ResourceBundle orSelf(ResourceBundle found, ResourceBundle fallback) {
    return found != null ? found : fallback;
  }

  private static ResourceBundle read(String resource, ResourceBundle parent) {
    try (InputStream in = UiText.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      return new ChainedBundle(new InputStreamReader(in, StandardCharsets.UTF_8), parent);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable bundle " + resource, e);
    }
  }

  /** A properties bundle whose missing keys fall back to its parent (English). */
  private static final class ChainedBundle extends PropertyResourceBundle {
    ChainedBundle(Reader reader, ResourceBundle parent) throws IOException {
      super(reader);
      setParent(parent);
    }
  }

  /** The locale these words are for. */
  public Locale locale() {
    return locale;
  }

  /**
   * The text for {@code key}, with {@code args} formatted in by {@link MessageFormat} when given.
   */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return "!" + key + "!";
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
