package dev.clerkfx.sample;

import dev.clerkfx.ClerkConfigurationException;
import dev.clerkfx.PublishableKey;
import dev.clerkfx.sample.backend.BackendConfig;
import dev.clerkfx.testkit.ClerkEmulator;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Clerk instance the sample talks to: a real one named by {@code CLERK_PUBLISHABLE_KEY}, or the
 * embedded emulator (a local Frontend API with a demo user), so the sample works offline on a fresh
 * machine.
 *
 * <pre>{@code
 * try (ClerkInstance instance = ClerkInstance.fromEnvironment(System.getenv())) {
 *   ClerkClient client = ClerkClient.builder(instance.publishableKey()).build();
 * }
 * }</pre>
 */
public final class ClerkInstance implements AutoCloseable {
  /** The environment variable naming a real Clerk instance. */
  public static final String PUBLISHABLE_KEY_VARIABLE = "CLERK_PUBLISHABLE_KEY";

  private static final System.Logger LOG = System.getLogger(ClerkInstance.class.getName());

  private final PublishableKey publishableKey;
  private final ClerkEmulator emulator;
  private final boolean ownsEmulator;

  private ClerkInstance(
      PublishableKey publishableKey, ClerkEmulator emulator, boolean ownsEmulator) {
    this.publishableKey = publishableKey;
    this.emulator = emulator;
    this.ownsEmulator = ownsEmulator;
  }

  /**
   * Chooses the instance from the environment: {@value #PUBLISHABLE_KEY_VARIABLE} if set and not
   * blank, else a freshly started embedded emulator (closed by {@link #close()}).
   *
   * @param environment the process environment ({@code System.getenv()})
   * @return the instance
   * @throws ClerkConfigurationException when the variable is set but is not a publishable key (the
   *     message starts with the variable's name)
   */
  public static ClerkInstance fromEnvironment(Map<String, String> environment) {
    String key = environment.get(PUBLISHABLE_KEY_VARIABLE);
    if (key != null && !key.isBlank()) {
      ClerkInstance real;
      try {
        real = real(key.strip());
      } catch (ClerkConfigurationException e) {
        throw new ClerkConfigurationException(
            e.code(), PUBLISHABLE_KEY_VARIABLE + ": " + e.getMessage());
      }
      LOG.log(
          Level.INFO, "clerk-fx sample: using the Clerk instance at {0}", real.frontendApiUrl());
      return real;
    }
    ClerkInstance embedded = new ClerkInstance(null, ClerkEmulator.start(), true);
    LOG.log(
        Level.INFO,
        "clerk-fx sample: {0} not set, started the embedded emulator at {1}",
        PUBLISHABLE_KEY_VARIABLE,
        embedded.frontendApiUrl());
    return embedded;
  }

  /**
   * Names a real Clerk instance.
   *
   * @param publishableKey its publishable key ({@code pk_test_…} or {@code pk_live_…})
   * @return the instance
   * @throws dev.clerkfx.ClerkConfigurationException when the key is not a publishable key
   */
  public static ClerkInstance real(String publishableKey) {
    return new ClerkInstance(PublishableKey.parse(publishableKey), null, false);
  }

  /**
   * Uses an emulator the caller started (tests); {@link #close()} leaves it running.
   *
   * @param emulator the running emulator
   * @return the instance
   */
  public static ClerkInstance emulator(ClerkEmulator emulator) {
    return new ClerkInstance(null, Objects.requireNonNull(emulator, "emulator"), false);
  }

  /**
   * Returns the publishable key to build the client from.
   *
   * @return the key
   */
  public String publishableKey() {
    return emulator != null ? emulator.publishableKey() : publishableKey.value();
  }

  /**
   * Returns the Frontend API URL: the issuer of session tokens, whose JWKS the demo backend reads.
   *
   * @return the URL, without a trailing slash
   */
  public String frontendApiUrl() {
    return emulator != null ? emulator.frontendApiUrl() : publishableKey.frontendApiUrl();
  }

  /**
   * Returns the settings of the sample's protected API for this instance. On the emulator: its
   * secret key, its JWKS and its clock (token times are judged on emulator time). On a real
   * instance: the {@code CLERK_*} variables of {@link BackendConfig#fromEnvironment} (the secret
   * key is optional and only needed for {@code /api/profile}), with the instance's public JWKS when
   * no {@code CLERK_JWT_KEY} is given; always on a free port.
   *
   * @param environment the process environment ({@code System.getenv()})
   * @return the settings
   * @throws dev.clerkfx.sample.backend.BackendConfigurationException naming a malformed variable
   */
  public BackendConfig backendConfig(Map<String, String> environment) {
    if (emulator != null) {
      return BackendConfig.builder()
          .frontendApiUrl(emulator.frontendApiUrl())
          .secretKey(emulator.secretKey())
          .apiUrl(emulator.frontendApiUrl())
          .clock(emulator.clock())
          .build();
    }
    Map<String, String> settings = new HashMap<>(environment);
    settings.remove(BackendConfig.PORT_VARIABLE);
    settings.putIfAbsent(BackendConfig.FAPI_URL_VARIABLE, publishableKey.frontendApiUrl());
    return BackendConfig.fromEnvironment(settings);
  }

  /**
   * Returns the clock the sample's client keeps time by: the emulator's (the developer panel moves
   * it), else the system clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return emulator != null ? emulator.clock() : Clock.systemUTC();
  }

  /**
   * Returns the emulator, when the sample runs on one.
   *
   * @return the emulator, or empty for a real instance
   */
  public Optional<ClerkEmulator> emulator() {
    return Optional.ofNullable(emulator);
  }

  /**
   * Returns the demo user's credentials to pre-fill the sign-in form with, on the emulator only.
   *
   * @return the email and password, or empty for a real instance
   */
  public Optional<DemoCredentials> demoCredentials() {
    return emulator == null
        ? Optional.empty()
        : Optional.of(new DemoCredentials(ClerkEmulator.DEMO_EMAIL, ClerkEmulator.DEMO_PASSWORD));
  }

  /** Stops the embedded emulator if this instance started it; idempotent. */
  @Override
  public void close() {
    if (ownsEmulator) {
      emulator.close();
    }
  }

  @Override
  public String toString() {
    return "ClerkInstance[" + (emulator != null ? "emulator " : "") + frontendApiUrl() + "]";
  }

  /**
   * The emulator's demo user credentials (public test values, not secrets of any real account).
   *
   * @param email the demo user's email
   * @param password the demo user's password (hidden by {@code toString()} all the same)
   */
  public record DemoCredentials(String email, String password) {
    /** Hides the password. */
    @Override
    public String toString() {
      return "DemoCredentials[email=" + email + ", password=<redacted>]";
    }
  }
}
