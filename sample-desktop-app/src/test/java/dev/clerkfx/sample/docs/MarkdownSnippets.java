package dev.clerkfx.sample.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java snippets of the repository's Markdown files: every fenced {@code ```java} block of every
 * {@code *.md} outside build output, in file order, each with the imports it and the earlier
 * snippets of its file declare (a reader reads top-down, so an import shown once holds for the rest
 * of the file).
 *
 * <p>A snippet is a <em>compilation unit</em> when it declares a top-level class, interface, record
 * or enum, else a run of <em>statements</em>, or <em>members</em> when it declares methods (such as
 * {@code main}). The fence's info string may add {@code compile-only}: compiled but not run (for
 * snippets that need a real Clerk instance, a window, or run until stopped).
 */
final class MarkdownSnippets {
  private static final Pattern FENCE_OPEN = Pattern.compile("^(\\s*)```java(?:\\s+(.*))?$");
  private static final Pattern IMPORT =
      Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");
  private static final Pattern TYPE_DECLARATION =
      Pattern.compile(
          "(?m)^(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*(?:(?:public|abstract|final|sealed|non-sealed)\\s+)*"
              + "(?:class|interface|record|enum)\\s+\\w+");

  private static final Pattern METHOD_DECLARATION =
      Pattern.compile(
          "(?m)^(?:@\\w+\\s+)*(?:(?:public|protected|private|static|final|abstract|synchronized)\\s+)+"
              + "[\\w<>\\[\\],.? ]+\\s+\\w+\\s*\\([^)]*\\)[^;{]*\\{");

  private MarkdownSnippets() {}

  /**
   * One snippet.
   *
   * @param file the Markdown file, relative to the repository root
   * @param line the 1-based line of its first code line in the file
   * @param code the code as written
   * @param imports the import lines in scope: the earlier snippets' of the file and its own
   * @param compileOnly whether the fence says {@code compile-only}
   */
  record Snippet(Path file, int line, String code, List<String> imports, boolean compileOnly) {
    /** Whether it declares top-level types. */
    boolean isCompilationUnit() {
      return TYPE_DECLARATION.matcher(code).find();
    }

    /**
     * Whether it declares methods (such as {@code main}) rather than being statements; members are
     * not run.
     */
    boolean isMembers() {
      return !isCompilationUnit() && METHOD_DECLARATION.matcher(code).find();
    }

    /** A name for reports: {@code README.md:34}. */
    String name() {
      return file.toString().replace('\\', '/') + ":" + line;
    }
  }

  /**
   * Finds the Markdown files under a repository root, skipping build output and hidden folders.
   *
   * @param root the repository root
   * @return the files, sorted
   */
  static List<Path> markdownFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
          .filter(
              p -> {
                for (Path part : root.relativize(p)) {
                  String s = part.toString();
                  if (s.equals("target") || s.equals("node_modules") || s.startsWith(".")) {
                    return false;
                  }
                }
                return true;
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the Java snippets of one Markdown file.
   *
   * @param root the repository root
   * @param file the file
   * @return its snippets in order
   */
  static List<Snippet> read(Path root, Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Snippet> out = new ArrayList<>();
    Set<String> imports = new LinkedHashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE_OPEN.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      boolean compileOnly = open.group(2) != null && open.group(2).contains("compile-only");
      int first = i + 1;
      StringBuilder code = new StringBuilder();
      int j = first;
      for (; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
        String line = lines.get(j);
        code.append(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading())
            .append('\n');
        if (IMPORT.matcher(line).matches()) {
          imports.add(line.strip());
        }
      }
      out.add(
          new Snippet(
              root.relativize(file),
              first + 1,
              code.toString(),
              List.copyOf(imports),
              compileOnly));
      i = j;
    }
    return out;
  }

  /**
   * Tells whether a line of a snippet is an import.
   *
   * @param line the line
   * @return whether it is an {@code import} declaration
   */
  static boolean isImport(String line) {
    return IMPORT.matcher(line).matches();
  }
}
