package dev.clerkfx.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a JPMS module as text, one line per type and member, for a checked-in signature
 * file that makes every API change a visible, reviewed diff (as OkHttp's {@code api/okhttp.api}).
 *
 * <p>The packages come from the module descriptor: every package it exports to everyone (qualified
 * exports to friend modules are internal). Listed: public types of those packages, and their public
 * and protected (protected only for extensible types) nested types, constructors, methods and
 * fields, with generic types, varargs, {@code throws}, {@code sealed … permits} and
 * {@code @Deprecated}. Order is sorted, so the file changes only when the API does.
 *
 * <p>Test support for this repository only (compiled into the tests of the modules that use it).
 */
public final class ApiSignatures {
  /** The system property that makes {@link #verify} rewrite the file instead of comparing. */
  public static final String UPDATE_PROPERTY = "clerkfx.updateApi";

  /** The one command that regenerates every module's signature file (from the repository root). */
  public static final String UPDATE_COMMAND =
      "mvn -B -ntp -pl clerk-fx-testkit,clerk-fx -am test"
          + " -Dtest=ApiSignatureTest -Dsurefire.failIfNoSpecifiedTests=false -D"
          + UPDATE_PROPERTY
          + "=true";

  private ApiSignatures() {}

  /**
   * Compares the API of the module that {@code anchor} belongs to with {@code <module
   * dir>/api/<fileName>}, or rewrites that file when the system property {@value #UPDATE_PROPERTY}
   * is {@code true}.
   *
   * @param anchor any class compiled into the module's main output ({@code target/classes})
   * @param fileName the signature file's name, such as {@code clerk-fx.api}
   * @throws AssertionError when the file is missing or differs; the message holds the diff and the
   *     command
   */
  public static void verify(Class<?> anchor, String fileName) {
    Path classes = classesOf(anchor);
    Path apiFile = classes.getParent().getParent().resolve("api").resolve(fileName);
    verify(render(classes, anchor.getClassLoader()), apiFile, Boolean.getBoolean(UPDATE_PROPERTY));
  }

  /**
   * Compares {@code actual} with the file, or writes it there when {@code update} is set.
   *
   * @param actual the rendered API
   * @param apiFile the checked-in signature file
   * @param update whether to rewrite the file
   * @throws AssertionError when the file is missing or differs (and {@code update} is not set)
   */
  public static void verify(String actual, Path apiFile, boolean update) {
    try {
      if (update) {
        Files.createDirectories(apiFile.getParent());
        Files.writeString(apiFile, actual, StandardCharsets.UTF_8);
        System.out.println("Wrote " + apiFile);
        return;
      }
      if (!Files.isRegularFile(apiFile)) {
        throw new AssertionError(
            "No API signature file " + apiFile + ". Create it with:\n  " + UPDATE_COMMAND);
      }
      String expected = Files.readString(apiFile, StandardCharsets.UTF_8).replace("\r\n", "\n");
      if (!expected.equals(actual)) {
        throw new AssertionError(
            "The public API differs from "
                + apiFile
                + " (- in the file, + in the code):\n"
                + diff(expected, actual)
                + "\nIf the change is intended, regenerate the file and commit it with the"
                + " change:\n  "
                + UPDATE_COMMAND);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Renders the exported API of the module compiled into {@code classes}.
   *
   * @param classes a directory or jar holding {@code module-info.class}
   * @param loader the class loader that loads the module's classes
   * @return the signature text, ending with a newline
   */
  public static String render(Path classes, ClassLoader loader) {
    try (Root root = Root.open(classes)) {
      ModuleDescriptor descriptor;
      try (InputStream in = Files.newInputStream(root.path.resolve("module-info.class"))) {
        descriptor = ModuleDescriptor.read(in);
      }
      List<String> packages =
          descriptor.exports().stream()
              .filter(e -> !e.isQualified())
              .map(ModuleDescriptor.Exports::source)
              .sorted()
              .collect(Collectors.toList());
      StringBuilder out = new StringBuilder();
      out.append("# Public API of module ")
          .append(descriptor.name())
          .append(" (exported packages: ")
          .append(String.join(", ", packages))
          .append(")\n");
      for (String pkg : packages) {
        for (Class<?> type : publicTypes(root.path, pkg, loader)) {
          out.append('\n').append(header(type)).append('\n');
          for (String member : members(type)) {
            out.append("  ").append(member).append('\n');
          }
        }
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A line diff of two texts: changed lines only, each block introduced by the type it belongs to.
   *
   * @param expected the old text
   * @param actual the new text
   * @return lines starting with {@code "- "} (only in {@code expected}) or {@code "+ "} (only in
   *     {@code actual})
   */
  public static String diff(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    StringBuilder out = new StringBuilder();
    String context = "";
    String printedContext = null;
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      String line;
      char mark;
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        line = a[i++];
        j++;
        mark = ' ';
      } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        line = a[i++];
        mark = '-';
      } else {
        line = b[j++];
        mark = '+';
      }
      boolean typeLine = !line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#");
      if (typeLine) {
        context = line;
      }
      if (mark == ' ') {
        continue;
      }
      if (typeLine) {
        printedContext = line;
      } else if (!line.isEmpty() && !context.equals(printedContext) && !context.isEmpty()) {
        out.append("  ").append(context).append('\n');
        printedContext = context;
      }
      out.append(mark).append(' ').append(line).append('\n');
    }
    return out.toString();
  }

  // ------------------------------------------------------------------------------------------------ types

  private static List<Class<?>> publicTypes(Path root, String pkg, ClassLoader loader)
      throws IOException {
    Path dir = root.resolve(pkg.replace('.', '/'));
    List<String> names;
    try (Stream<Path> files = Files.list(dir)) {
      names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".class"))
              .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length()))
              .filter(n -> !n.endsWith(".package-info"))
              .sorted()
              .collect(Collectors.toList());
    }
    List<Class<?>> types = new ArrayList<>();
    for (String name : names) {
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Cannot load " + name, e);
      }
      if (isApi(type)) {
        types.add(type);
      }
    }
    types.sort((x, y) -> x.getName().compareTo(y.getName()));
    return types;
  }

  /**
   * A public type, or a public/protected member type of an extensible API type, all the way out.
   */
  private static boolean isApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    Class<?> outer = type.getDeclaringClass();
    int m = type.getModifiers();
    if (outer == null) {
      return Modifier.isPublic(m);
    }
    return isApi(outer) && (Modifier.isPublic(m) || (Modifier.isProtected(m) && extensible(outer)));
  }

  private static boolean extensible(Class<?> type) {
    return !Modifier.isFinal(type.getModifiers())
        && !type.isEnum()
        && !type.isRecord()
        && (type.isInterface() || hasVisibleConstructor(type));
  }

  private static boolean hasVisibleConstructor(Class<?> type) {
    return Arrays.stream(type.getDeclaredConstructors())
        .anyMatch(
            c -> Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()));
  }

  private static String header(Class<?> type) {
    StringBuilder s = new StringBuilder();
    if (type.isAnnotationPresent(Deprecated.class)) {
      s.append("@Deprecated ");
    }
    int m = type.getModifiers();
    s.append(Modifier.isPublic(m) ? "public " : "protected ");
    if (type.getDeclaringClass() != null
        && Modifier.isStatic(m)
        && !type.isInterface()
        && !type.isEnum()
        && !type.isRecord()) {
      s.append("static ");
    }
    if (type.isSealed()) {
      s.append("sealed ");
    }
    String kind;
    if (type.isAnnotation()) {
      kind = "@interface";
    } else if (type.isInterface()) {
      kind = "interface";
    } else if (type.isEnum()) {
      kind = "enum";
    } else if (type.isRecord()) {
      kind = "record";
    } else {
      kind =
          (Modifier.isAbstract(m) ? "abstract " : "")
              + (Modifier.isFinal(m) ? "final " : "")
              + "class";
    }
    s.append(kind)
        .append(' ')
        .append(type.getName())
        .append(typeParameters(type.getTypeParameters()));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      s.append(" extends ").append(name(superclass));
    }
    List<String> interfaces =
        Arrays.stream(type.getGenericInterfaces())
            .map(ApiSignatures::name)
            .filter(n -> !n.equals("java.lang.annotation.Annotation"))
            .collect(Collectors.toList());
    if (!interfaces.isEmpty()) {
      s.append(type.isInterface() ? " extends " : " implements ")
          .append(String.join(", ", interfaces));
    }
    if (type.isSealed()) {
      s.append(" permits ")
          .append(
              Arrays.stream(type.getPermittedSubclasses())
                  .map(Class::getName)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    return s.toString();
  }

  // ----------------------------------------------------------------------------------------------
  // members

  /** Fields, then constructors, then methods; each group sorted. */
  private static List<String> members(Class<?> type) {
    boolean protectedToo = extensible(type);
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Field f : type.getDeclaredFields()) {
      if (visible(f, protectedToo)) {
        String line = prefix(f, type) + name(f.getGenericType()) + " " + f.getName();
        sorted.put("0 " + f.getName() + " " + line, line);
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c, protectedToo)) {
        String line =
            prefix(c, type)
                + typeParameters(c.getTypeParameters())
                + type.getSimpleName()
                + parameters(c)
                + exceptions(c);
        sorted.put("1 " + line, line);
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (visible(m, protectedToo) && !m.isBridge()) {
        String typeParams = typeParameters(m.getTypeParameters());
        String line =
            prefix(m, type)
                + (typeParams.isEmpty() ? "" : typeParams + " ")
                + name(m.getGenericReturnType())
                + " "
                + m.getName()
                + parameters(m)
                + exceptions(m);
        sorted.put("2 " + m.getName() + " " + line, line);
      }
    }
    return new ArrayList<>(sorted.values());
  }

  private static boolean visible(Member member, boolean protectedToo) {
    int m = member.getModifiers();
    return !member.isSynthetic()
        && (Modifier.isPublic(m) || (protectedToo && Modifier.isProtected(m)));
  }

  private static String prefix(Member member, Class<?> owner) {
    StringBuilder s = new StringBuilder();
    if (member instanceof java.lang.reflect.AnnotatedElement
        && ((java.lang.reflect.AnnotatedElement) member).isAnnotationPresent(Deprecated.class)) {
      s.append("@Deprecated ");
    }
    int m = member.getModifiers();
    s.append(Modifier.isPublic(m) ? "public " : "protected ");
    if (Modifier.isStatic(m)) {
      s.append("static ");
    }
    if (member instanceof Method) {
      Method method = (Method) member;
      if (method.isDefault()) {
        s.append("default ");
      } else if (Modifier.isAbstract(m) && !owner.isInterface()) {
        s.append("abstract ");
      }
    }
    if (Modifier.isFinal(m)
        && !(member instanceof Method && Modifier.isFinal(owner.getModifiers()))) {
      s.append("final ");
    }
    return s.toString();
  }

  private static String parameters(Executable e) {
    Type[] types = e.getGenericParameterTypes();
    if (types.length != e.getParameterCount()) {
      types = e.getParameterTypes(); // inner-class and enum constructors: generic info omits
      // synthetic ones
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      String n = name(types[i]);
      if (e.isVarArgs() && i == types.length - 1 && n.endsWith("[]")) {
        n = n.substring(0, n.length() - 2) + "...";
      }
      names.add(n);
    }
    return "(" + String.join(", ", names) + ")";
  }

  private static String exceptions(Executable e) {
    Type[] thrown = e.getGenericExceptionTypes();
    if (thrown.length == 0) {
      return "";
    }
    return " throws "
        + Arrays.stream(thrown).map(ApiSignatures::name).sorted().collect(Collectors.joining(", "));
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (TypeVariable<?> v : variables) {
      List<String> bounds =
          Arrays.stream(v.getBounds())
              .filter(b -> b != Object.class)
              .map(ApiSignatures::name)
              .collect(Collectors.toList());
      out.add(v.getName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds)));
    }
    return "<" + String.join(", ", out) + ">";
  }

  private static String name(Type type) {
    return type.getTypeName();
  }

  // -------------------------------------------------------------------------------------------
  // locations

  private static Path classesOf(Class<?> anchor) {
    try {
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The root of a classes directory or of a jar. */
  private static final class Root implements AutoCloseable {
    final Path path;
    final FileSystem jar;

    private Root(Path path, FileSystem jar) {
      this.path = path;
      this.jar = jar;
    }

    static Root open(Path classes) throws IOException {
      if (Files.isDirectory(classes)) {
        return new Root(classes, null);
      }
      FileSystem fs = FileSystems.newFileSystem(classes);
      return new Root(fs.getPath("/"), fs);
    }

    @Override
    public void close() throws IOException {
      if (jar != null) {
        jar.close();
      }
    }
  }
}
