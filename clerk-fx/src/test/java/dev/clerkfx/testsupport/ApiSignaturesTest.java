package dev.clerkfx.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.ClerkClient;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSignaturesTest {
  private static final String OLD =
      "# header\n\npublic final class a.B\n  public void keep()\n  public void gone()\n\n"
          + "public final class a.C\n  public void same()\n";
  private static final String NEW =
      "# header\n\npublic final class a.B\n  public void keep()\n  public int added()\n\n"
          + "public final class a.C\n  public void same()\n";

  @Test
  void aDifferenceFailsWithTheDiffAndTheCommand(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.api");
    Files.writeString(file, OLD);

    assertThatThrownBy(() -> ApiSignatures.verify(NEW, file, false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "  public final class a.B\n-   public void gone()\n+   public int added()\n")
        .hasMessageNotContaining("a.C")
        .hasMessageContaining(ApiSignatures.UPDATE_COMMAND);
    assertThat(Files.readString(file)).isEqualTo(OLD);
  }

  @Test
  void updateRewritesTheFileAndAMissingFileNamesTheCommand(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("api").resolve("x.api");
    assertThatThrownBy(() -> ApiSignatures.verify(NEW, file, false))
        .hasMessageContaining("No API signature file")
        .hasMessageContaining(ApiSignatures.UPDATE_COMMAND);

    ApiSignatures.verify(NEW, file, true);

    assertThat(Files.readString(file)).isEqualTo(NEW);
    ApiSignatures.verify(NEW, file, false);
  }

  @Test
  void addedTypesShowWholeAndTheCommandRegeneratesEveryModule() {
    assertThat(
            ApiSignatures.diff(
                "# h\n", "# h\n\npublic interface a.D\n  public abstract void run()\n"))
        .contains("+ public interface a.D\n+   public abstract void run()\n")
        .doesNotContain("# h");
    assertThat(ApiSignatures.UPDATE_COMMAND)
        .contains(
            "-pl clerk-fx-testkit,clerk-fx", "-Dtest=ApiSignatureTest", "-Dclerkfx.updateApi=true");
  }

  @Test
  void listsEveryPackageTheDescriptorExportsAndNothingInternal() throws URISyntaxException {
    Path classes =
        Path.of(ClerkClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    String api = ApiSignatures.render(classes, ClerkClient.class.getClassLoader());

    assertThat(api)
        .startsWith("# Public API of module dev.clerkfx (exported packages: dev.clerkfx,")
        .contains(
            "public interface dev.clerkfx.store.TokenStore\n",
            "public final class dev.clerkfx.ClerkClient implements java.lang.AutoCloseable\n",
            "  public java.util.concurrent.CompletableFuture<java.util.Optional<java.lang.String>> getToken()\n")
        .doesNotContain("dev.clerkfx.internal.");
  }
}
