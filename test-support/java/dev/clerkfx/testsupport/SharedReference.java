package dev.clerkfx.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's reference material ({@code ../shared}: the FAPI protocol notes, Clerk's
 * OpenAPI spec, recorded responses) next to the repository root, for tests that check against it.
 *
 * <p>A user's clone usually lacks it: tests call {@link #require()}, which skips the test (a JUnit
 * assumption) with a message saying what is missing. Set {@code CLERK_FX_SHARED} to point somewhere
 * else.
 *
 * <p>Test support for this repository only, not part of any published artifact: the modules that
 * need it add {@code test-support/java} to their test sources (build-helper-maven-plugin).
 */
public final class SharedReference {
  private static final String MARKER = "docs/fapi-protocol.md";

  private SharedReference() {}

  /**
   * Looks for the {@code shared} folder from the working directory upwards.
   *
   * @return the folder, or empty when it cannot be found
   */
  public static Optional<Path> find() {
    String override = System.getenv("CLERK_FX_SHARED");
    if (override != null && !override.isBlank()) {
      Path p = Path.of(override).toAbsolutePath().normalize();
      return Files.isRegularFile(p.resolve(MARKER)) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isRegularFile(candidate.resolve(MARKER))) {
        return Optional.of(candidate.normalize());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the {@code shared} folder, or skips the calling test (JUnit 5 assumption) when it is
   * absent.
   *
   * @return the folder
   */
  public static Path require() {
    Optional<Path> found = find();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        found.isPresent(),
        "Reference material ../shared (beside the repository root) is not present; this test needs it. "
            + "CI always has it; set CLERK_FX_SHARED to run it locally.");
    return found.orElseThrow();
  }

  /**
   * Returns a file under {@code shared}, skipping the calling test when {@code shared} is absent.
   *
   * @param relative a path such as {@code fixtures/fapi/tokens/jwks.json}
   * @return the file's path
   */
  public static Path require(String relative) {
    return require().resolve(relative);
  }
}
