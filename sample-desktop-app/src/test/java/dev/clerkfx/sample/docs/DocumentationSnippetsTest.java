package dev.clerkfx.sample.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.clerkfx.sample.docs.MarkdownSnippets.Snippet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.application.Platform;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Every Java snippet in the repository's Markdown ({@code README.md}, {@code
 * clerk-fx-testkit/README.md} and any other {@code *.md}) is compiled against the project and run
 * against the emulator, so no example can rot. A snippet added later is picked up with no change
 * here; one that does not compile fails with the compiler's message at its line in the Markdown
 * file.
 *
 * <ul>
 *   <li>Imports: each snippet compiles with the imports it and the earlier snippets of its file
 *       show.
 *   <li>Statements run in a {@link SnippetFixture}: a fresh emulator and a signed-in {@code clerk},
 *       plus the other names the prose introduces.
 *   <li>Members (a {@code main} method …) compile in a fixture subclass and are not run.
 *   <li>Compilation units (classes) compile; those holding JUnit tests run on the JUnit Platform
 *       and must pass.
 *   <li>A fence written {@code ```java compile-only} is compiled, not run.
 * </ul>
 */
class DocumentationSnippetsTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String PACKAGE_ROOT = "docsnippets";

  private static String userHome;

  @TempDir static Path work;

  @BeforeAll
  static void environment() {
    try {
      Platform.startup(() -> {}); // ClerkClient writes its JavaFX properties on the FX thread
    } catch (IllegalStateException alreadyRunning) {
      // another test started it
    }
    // A snippet that builds a client with the default token store writes under the user's config
    // directory.
    userHome = System.getProperty("user.home");
    System.setProperty("user.home", work.resolve("home").toString());
  }

  @AfterAll
  static void restore() {
    System.setProperty("user.home", userHome);
  }

  @Test
  void theUserFacingReadmesHaveJavaSnippets() {
    Path root = repositoryRoot();
    assertThat(MarkdownSnippets.read(root, root.resolve("README.md"))).hasSizeGreaterThan(3);
    assertThat(MarkdownSnippets.read(root, root.resolve("clerk-fx-testkit/README.md")))
        .hasSizeGreaterThan(3);
  }

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompilesAndRuns() throws IOException {
    Path root = repositoryRoot();
    List<Snippet> snippets = new ArrayList<>();
    for (Path file : MarkdownSnippets.markdownFiles(root)) {
      snippets.addAll(MarkdownSnippets.read(root, file));
    }
    Map<Snippet, Generated> sources = new LinkedHashMap<>();
    for (int i = 0; i < snippets.size(); i++) {
      sources.put(snippets.get(i), generate(snippets.get(i), PACKAGE_ROOT + ".s" + i));
    }
    Path classes = Files.createDirectories(work.resolve("classes-" + System.nanoTime()));
    Map<Snippet, List<String>> errors = compile(sources, classes);
    // javac writes no class when any unit fails (and reports attribution errors only once parsing
    // succeeds):
    // compile the remaining snippets again until they compile, so that they still run
    Map<Snippet, List<String>> more = errors;
    while (!more.isEmpty()) {
      Map<Snippet, Generated> good = new LinkedHashMap<>(sources);
      good.keySet().removeAll(errors.keySet());
      more = good.isEmpty() ? Map.of() : compile(good, classes);
      more.forEach(errors::putIfAbsent);
    }
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    return sources.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey().name(),
                    () -> {
                      List<String> problems = errors.getOrDefault(e.getKey(), List.of());
                      if (!problems.isEmpty()) {
                        fail(
                            "The Java snippet at "
                                + e.getKey().name()
                                + " does not compile:\n"
                                + String.join("\n", problems));
                      }
                      if (!e.getKey().compileOnly() && !e.getKey().isMembers()) {
                        assertTimeoutPreemptively(
                            PATIENCE, () -> run(e.getKey(), e.getValue(), loader, classes));
                      }
                    }));
  }

  /**
   * Generated Java source for one snippet, and the line of the source where the snippet's first
   * line sits.
   */
  private record Generated(String packageName, String fileName, String source, int firstLine) {}

  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "(?m)^public\\s+(?:(?:abstract|final|sealed)\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");

  private static Generated generate(Snippet snippet, String packageName) {
    StringBuilder src = new StringBuilder("package ").append(packageName).append(";\n");
    snippet.imports().forEach(i -> src.append(i).append('\n'));
    boolean unit = snippet.isCompilationUnit();
    boolean members = snippet.isMembers();
    if (!unit) {
      src.append("public final class Snippet extends ")
          .append(SnippetFixture.class.getName())
          .append(" {\n");
      if (members) {
        src.append("  @Override\n  public void run() {\n  }\n");
      } else {
        src.append("  @Override\n  public void run() throws Exception {\n");
      }
    }
    int firstLine = (int) src.chars().filter(c -> c == '\n').count() + 1;
    for (String line : snippet.code().split("\n", -1)) {
      // imports moved above (statements) or already there (units): keep the line count for error
      // positions
      src.append(MarkdownSnippets.isImport(line) ? "" : line).append('\n');
    }
    if (!unit) {
      src.append(members ? "}\n" : "  }\n}\n");
    }
    Matcher publicType = PUBLIC_TYPE.matcher(snippet.code());
    String fileName = (unit && publicType.find() ? publicType.group(1) : "Snippet") + ".java";
    return new Generated(packageName, fileName, src.toString(), firstLine);
  }

  private static Map<Snippet, List<String>> compile(Map<Snippet, Generated> sources, Path classes)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<Path, Snippet> byPath = new LinkedHashMap<>();
    Path sourceRoot =
        Files.createDirectories(
            classes.resolveSibling(classes.getFileName() + "-src-" + System.nanoTime()));
    for (Map.Entry<Snippet, Generated> e : sources.entrySet()) {
      Path file =
          sourceRoot
              .resolve(e.getValue().packageName().replace('.', '/'))
              .resolve(e.getValue().fileName());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue().source(), StandardCharsets.UTF_8);
      byPath.put(file.toAbsolutePath(), e.getKey());
    }
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      javac
          .getTask(
              null,
              files,
              diagnostics,
              List.of(
                  "--release",
                  "17",
                  "-proc:none",
                  "-classpath",
                  classPath,
                  "-d",
                  classes.toString()),
              null,
              files.getJavaFileObjectsFromPaths(byPath.keySet()))
          .call();
    }
    Map<Snippet, List<String>> errors = new LinkedHashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) {
        continue;
      }
      Snippet snippet = byPath.get(Path.of(d.getSource().toUri()).toAbsolutePath());
      if (snippet == null) {
        continue;
      }
      long line = snippet.line() + d.getLineNumber() - sources.get(snippet).firstLine();
      errors
          .computeIfAbsent(snippet, s -> new ArrayList<>())
          .add("  " + snippet.file() + ":" + line + ": " + d.getMessage(Locale.ROOT));
    }
    return errors;
  }

  private static void run(Snippet snippet, Generated generated, ClassLoader loader, Path classes)
      throws Exception {
    if (!snippet.isCompilationUnit()) {
      SnippetFixture fixture =
          (SnippetFixture)
              loader
                  .loadClass(generated.packageName() + ".Snippet")
                  .getDeclaredConstructor()
                  .newInstance();
      try {
        fixture.setUp();
        fixture.run();
      } finally {
        fixture.tearDown();
      }
      return;
    }
    List<Class<?>> testClasses = new ArrayList<>();
    Path dir = classes.resolve(generated.packageName().replace('.', '/'));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          Class<?> c =
              loader.loadClass(
                  generated.packageName() + "." + name.substring(0, name.length() - 6));
          if (hasTests(c)) {
            testClasses.add(c);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Class<?> c : testClasses) {
      Launcher launcher = LauncherFactory.create();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      launcher.execute(
          LauncherDiscoveryRequestBuilder.request().selectors(selectClass(c)).build(), listener);
      TestExecutionSummary summary = listener.getSummary();
      StringBuilder why = new StringBuilder();
      summary
          .getFailures()
          .forEach(
              f ->
                  why.append("\n  ")
                      .append(f.getTestIdentifier().getDisplayName())
                      .append(": ")
                      .append(f.getException()));
      assertThat(summary.getTotalFailureCount())
          .as("tests of the snippet at %s (%s) failed:%s", snippet.name(), c.getSimpleName(), why)
          .isZero();
      assertThat(summary.getTestsSucceededCount())
          .as("tests run from %s", snippet.name())
          .isPositive();
    }
  }

  private static boolean hasTests(Class<?> c) {
    for (Method m : c.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(TestFactory.class)) {
        return true;
      }
    }
    return false;
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom)
            && Files.readString(pom).contains("<module>sample-desktop-app</module>")) {
          return dir;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException(
        "Not inside the clerk-fx repository: " + Path.of("").toAbsolutePath());
  }
}
