package dev.clerkfx.internal.urlscheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesktopEntryTest {

  @Test
  void plainArgumentsStayAsTheyAre() {
    assertThat(DesktopEntry.exec(List.of("/opt/example/bin/example", "--flag=1")))
        .isEqualTo("/opt/example/bin/example --flag=1");
  }

  @Test
  void argumentsWithReservedCharactersAreQuotedThenEscapedAsAString() {
    // a blank: quoted
    assertThat(DesktopEntry.exec(List.of("/opt/My App/bin/app")))
        .isEqualTo("\"/opt/My App/bin/app\"");
    // $ and \ are escaped inside the quotes (\$ and \\), then each \ doubled by the string rule
    assertThat(DesktopEntry.exec(List.of("/a$b\\c"))).isEqualTo("\"/a\\\\$b\\\\\\\\c\"");
    // a double quote becomes \" inside the quotes, then \\" in the file
    assertThat(DesktopEntry.exec(List.of("say \"hi\""))).isEqualTo("\"say \\\\\"hi\\\\\"\"");
    // a backtick and a single quote
    assertThat(DesktopEntry.exec(List.of("it's`x`"))).isEqualTo("\"it's\\\\`x\\\\`\"");
    // an empty argument
    assertThat(DesktopEntry.exec(List.of("app", ""))).isEqualTo("app \"\"");
  }

  @Test
  void percentSignsAreDoubledSoTheyAreNoFieldCodes() {
    assertThat(DesktopEntry.exec(List.of("/opt/app", "100%u"))).isEqualTo("/opt/app 100%%u");
  }

  @Test
  void theEntryIsHiddenAndDeclaresEachScheme() {
    String content =
        DesktopEntry.content(
            "Example App", List.of("/opt/example/bin/example"), Set.of("com.example.app"));

    assertThat(content)
        .isEqualTo(
            "# Written by clerk-fx (UrlSchemeRegistration); removed by its unregister().\n"
                + "[Desktop Entry]\n"
                + "Type=Application\n"
                + "Name=Example App\n"
                + "Exec=/opt/example/bin/example %u\n"
                + "MimeType=x-scheme-handler/com.example.app;\n"
                + "NoDisplay=true\n"
                + "Terminal=false\n");
    assertThat(DesktopEntry.schemes(content)).containsExactly("com.example.app");
  }

  @Test
  void theSchemesCanBeReplaced() {
    String content =
        DesktopEntry.content(
            "A", List.of("/a"), new LinkedHashSet<>(List.of("one.app", "two.app")));
    assertThat(DesktopEntry.schemes(content)).containsExactly("one.app", "two.app");

    String replaced = DesktopEntry.withSchemes(content, Set.of("two.app"));

    assertThat(DesktopEntry.schemes(replaced)).containsExactly("two.app");
    assertThat(replaced).isEqualTo(DesktopEntry.content("A", List.of("/a"), Set.of("two.app")));
  }
}
