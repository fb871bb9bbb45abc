package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two packages of the SDK depend on each other, read from the compiled classes' constant pools.
 * The root package {@code dev.clerkfx} (entry points and the error types everything throws) is left
 * out: it is the hub by design.
 */
class PackageCyclesTest {
  private static final String ROOT = "dev.clerkfx";

  private static final Pattern REFERENCE = Pattern.compile("dev/clerkfx/((?:[a-z0-9_]+/)*)[A-Z]");

  @Test
  void subpackagesFormNoCycle() throws Exception {
    Map<String, Set<String>> graph =
        dependencies(
            Path.of(ClerkClient.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    assertThat(graph).containsKeys("dev.clerkfx.store", "dev.clerkfx.internal.store");
    assertThat(graph.get("dev.clerkfx.store")).contains("dev.clerkfx.internal.store");

    List<String> cycles = new ArrayList<>();
    for (String from : graph.keySet()) {
      for (String to : graph.get(from)) {
        if (from.compareTo(to) < 0 && reaches(graph, to, from, new TreeSet<>())) {
          cycles.add(from + " <-> " + to);
        }
      }
    }
    assertThat(cycles)
        .as("packages that depend on each other (directly or through others)")
        .isEmpty();
  }

  /** Package → packages its classes refer to, without the root package and self references. */
  private static Map<String, Set<String>> dependencies(Path classes) throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files =
          walk.filter(p -> p.toString().endsWith(".class") && !p.endsWith("module-info.class"))
              .collect(Collectors.toList());
    }
    for (Path file : files) {
      String pkg =
          classes
              .relativize(file.getParent())
              .toString()
              .replace(file.getFileSystem().getSeparator(), ".");
      if (pkg.equals(ROOT)) {
        continue;
      }
      Set<String> targets = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
      for (String text : utf8Constants(file)) {
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
          String target = (ROOT + "/" + m.group(1)).replace('/', '.');
          target = target.endsWith(".") ? target.substring(0, target.length() - 1) : target;
          if (!target.equals(pkg) && !target.equals(ROOT)) {
            targets.add(target);
          }
        }
      }
    }
    return graph;
  }

  private static boolean reaches(
      Map<String, Set<String>> graph, String from, String to, Set<String> seen) {
    if (from.equals(to)) {
      return true;
    }
    if (!seen.add(from)) {
      return false;
    }
    for (String next : graph.getOrDefault(from, Set.of())) {
      if (reaches(graph, next, to, seen)) {
        return true;
      }
    }
    return false;
  }

  /** The UTF-8 entries of a class file's constant pool: class names, descriptors, signatures. */
  private static List<String> utf8Constants(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(raw)) {
      in.readInt(); // magic
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> out.add(in.readUTF());
          case 7, 8, 16, 19, 20 -> in.skipBytes(2);
          case 15 -> in.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> {
            in.skipBytes(8);
            i++;
          }
          default -> throw new IOException("Unknown constant pool tag " + tag + " in " + file);
        }
      }
    }
    return out;
  }
}
