package dev.clerkfx.internal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundle family ships in English, German, French and Spanish with exactly the same keys, none
 * empty.
 */
class UiBundlesTest {
  private static final List<String> TRANSLATIONS = List.of("de", "fr", "es");

  @Test
  void everyFamilyHasEveryKeyInEveryLanguage() throws Exception {
    List<String> families = families();
    assertThat(families).contains("common");
    for (String family : families) {
      Properties english = read(family + ".properties");
      assertThat(english).as(family).isNotEmpty();
      for (String language : TRANSLATIONS) {
        Properties translated = read(family + "_" + language + ".properties");
        assertThat(keys(translated)).as("keys of %s_%s", family, language).isEqualTo(keys(english));
        translated.forEach(
            (key, value) ->
                assertThat((String) value).as("%s_%s: %s", family, language, key).isNotBlank());
      }
    }
  }

  @Test
  void textIsFormattedAndLocalizedAndAGapNeverThrows() {
    assertThat(UiText.load("common", Locale.GERMAN).get("common.cancel")).isEqualTo("Abbrechen");
    assertThat(UiText.load("common", Locale.forLanguageTag("fr-CA")).get("common.close"))
        .isEqualTo("Fermer");
    assertThat(UiText.load("common", Locale.JAPANESE).get("common.cancel")).isEqualTo("Cancel");
    assertThat(UiText.load("common", Locale.ENGLISH).get("no.such.key")).isEqualTo("!no.such.key!");
  }

  private static List<String> families() throws IOException, URISyntaxException {
    URL dir = UiText.class.getResource("/dev/clerkfx/ui/i18n/common.properties");
    assertThat(dir).as("bundles on the class path").isNotNull();
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()).getParent())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".properties") && !n.contains("_"))
          .map(n -> n.substring(0, n.length() - ".properties".length()))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static Properties read(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = UiText.class.getResourceAsStream("/dev/clerkfx/ui/i18n/" + name)) {
      assertThat(in).as(name + " exists").isNotNull();
      properties.load(in);
    }
    return properties;
  }

  private static Set<String> keys(Properties properties) {
    return new TreeSet<>(properties.stringPropertyNames());
  }
}
