package dev.clerkfx.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test class, or each test, a fresh {@link ClerkEmulator}.
 *
 * <p>Registered on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static ClerkEmulatorExtension clerk = ClerkEmulatorExtension.perClass(b -> b.multiSession(true));
 *
 * @Test void signsIn() { String pk = clerk.get().publishableKey(); … }
 * }</pre>
 *
 * Or declaratively, with parameter injection (one emulator per test method; one per class for
 * {@code @BeforeAll} parameters):
 *
 * <pre>{@code
 * @ExtendWith(ClerkEmulatorExtension.class)
 * class MyTest {
 *   @Test void signsIn(ClerkEmulator emulator) { … }
 * }
 * }</pre>
 *
 * A registered extension also injects its own emulator into {@code ClerkEmulator} parameters.
 */
public final class ClerkEmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ClerkEmulatorExtension.class);

  private enum Scope {
    CLASS,
    TEST,
    PARAMETER
  }

  private final Scope scope;
  private final Consumer<ClerkEmulator.Builder> configuration;
  private volatile ClerkEmulator current;

  /**
   * Makes the declarative form ({@code @ExtendWith}): emulators are made for {@code ClerkEmulator}
   * parameters.
   */
  public ClerkEmulatorExtension() {
    this(Scope.PARAMETER, b -> {});
  }

  private ClerkEmulatorExtension(Scope scope, Consumer<ClerkEmulator.Builder> configuration) {
    this.scope = scope;
    this.configuration = Objects.requireNonNull(configuration, "configuration");
  }

  /**
   * One default emulator for the whole test class.
   *
   * @return the extension
   */
  public static ClerkEmulatorExtension perClass() {
    return perClass(b -> {});
  }

  /**
   * One configured emulator for the whole test class.
   *
   * @param configuration settings applied to the builder
   * @return the extension
   */
  public static ClerkEmulatorExtension perClass(Consumer<ClerkEmulator.Builder> configuration) {
    return new ClerkEmulatorExtension(Scope.CLASS, configuration);
  }

  /**
   * A fresh default emulator for every test.
   *
   * @return the extension
   */
  public static ClerkEmulatorExtension perTest() {
    return perTest(b -> {});
  }

  /**
   * A fresh configured emulator for every test.
   *
   * @param configuration settings applied to the builder
   * @return the extension
   */
  public static ClerkEmulatorExtension perTest(Consumer<ClerkEmulator.Builder> configuration) {
    return new ClerkEmulatorExtension(Scope.TEST, configuration);
  }

  /**
   * Returns the running emulator.
   *
   * @return the emulator
   * @throws IllegalStateException outside the extension's scope
   */
  public ClerkEmulator get() {
    ClerkEmulator e = current;
    if (e == null) {
      throw new IllegalStateException(
          "No emulator is running: use get() inside a test of the class that "
              + "registers this extension (a per-test emulator exists only during each test)");
    }
    return e;
  }

  private ClerkEmulator newEmulator() {
    ClerkEmulator.Builder b = ClerkEmulator.builder();
    configuration.accept(b);
    return b.start();
  }

  /** Starts the per-class emulator. */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (scope == Scope.CLASS) {
      current = newEmulator();
    }
  }

  /** Stops the per-class emulator. */
  @Override
  public void afterAll(ExtensionContext context) {
    if (scope == Scope.CLASS) {
      closeCurrent();
    }
  }

  /** Starts the per-test emulator. */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (scope == Scope.TEST) {
      current = newEmulator();
    }
  }

  /** Stops the per-test emulator. */
  @Override
  public void afterEach(ExtensionContext context) {
    if (scope == Scope.TEST) {
      closeCurrent();
    }
  }

  private void closeCurrent() {
    ClerkEmulator e = current;
    current = null;
    if (e != null) {
      e.close();
    }
  }

  /** Resolves parameters of type {@link ClerkEmulator}. */
  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == ClerkEmulator.class;
  }

  /**
   * Supplies the running emulator (or, in the declarative form, one for the current test or class).
   */
  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    if (scope != Scope.PARAMETER) {
      return get();
    }
    ExtensionContext.Store store = extensionContext.getStore(NAMESPACE);
    return store.getOrComputeIfAbsent(ClerkEmulator.class, k -> newEmulator(), ClerkEmulator.class);
  }
}
