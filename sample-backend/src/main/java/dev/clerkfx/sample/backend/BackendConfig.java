package dev.clerkfx.sample.backend;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How {@link SampleBackend} verifies session tokens and where it reads users, builder-made and
 * immutable.
 *
 * <p>Tokens are verified with one of three keys, first match wins:
 *
 * <ol>
 *   <li>{@code jwtKey}: the instance's PEM public key (Clerk dashboard, API keys → "JWT public
 *       key"): networkless;
 *   <li>{@code frontendApiUrl}: the public key read from the instance's {@code
 *       /.well-known/jwks.json} (again when a token names a key id not seen yet), then networkless;
 *   <li>{@code secretKey}: the JWKS fetched by Clerk's SDK from the Backend API at {@code apiUrl}.
 * </ol>
 *
 * The secret key is also what {@code GET /api/profile} reads the user with; without it that route
 * answers 501.
 *
 * <pre>{@code
 * BackendConfig config = BackendConfig.builder()
 *     .secretKey(System.getenv("CLERK_SECRET_KEY"))
 *     .authorizedParties(Set.of("https://app.example.com"))
 *     .build();
 * }</pre>
 *
 * @param secretKey the instance's secret key ({@code sk_…}), if given
 * @param jwtKey the instance's PEM public key, if given
 * @param frontendApiUrl the instance's Frontend API URL, if given
 * @param apiUrl the Backend API base URL ({@code https://api.clerk.com}; the emulator serves both
 *     APIs on one port)
 * @param authorizedParties the accepted {@code azp} values; empty accepts any (a native client
 *     sends none)
 * @param clock the clock token times are judged by, besides the SDK's own check on the system clock
 * @param port the loopback port to listen on, 0 for a free one
 */
public record BackendConfig(
    Optional<String> secretKey,
    Optional<String> jwtKey,
    Optional<String> frontendApiUrl,
    String apiUrl,
    Set<String> authorizedParties,
    Clock clock,
    int port) {
  /** Clerk's Backend API. */
  public static final String DEFAULT_API_URL = "https://api.clerk.com";

  /** Environment variable of {@link #secretKey()}. */
  public static final String SECRET_KEY_VARIABLE = "CLERK_SECRET_KEY";

  /** Environment variable of {@link #jwtKey()}. */
  public static final String JWT_KEY_VARIABLE = "CLERK_JWT_KEY";

  /** Environment variable of {@link #frontendApiUrl()} (the standalone emulator prints it). */
  public static final String FAPI_URL_VARIABLE = "CLERK_FAPI_URL";

  /** Environment variable of {@link #apiUrl()}. */
  public static final String API_URL_VARIABLE = "CLERK_API_URL";

  /** Environment variable of {@link #authorizedParties()}, comma-separated. */
  public static final String AUTHORIZED_PARTIES_VARIABLE = "CLERK_AUTHORIZED_PARTIES";

  /** Environment variable of {@link #port()}. */
  public static final String PORT_VARIABLE = "PORT";

  /** Checks the settings and copies the set. */
  public BackendConfig {
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(jwtKey, "jwtKey");
    Objects.requireNonNull(frontendApiUrl, "frontendApiUrl");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(clock, "clock");
    authorizedParties = Set.copyOf(authorizedParties);
    if (secretKey.isEmpty() && jwtKey.isEmpty() && frontendApiUrl.isEmpty()) {
      throw new BackendConfigurationException(
          "No key to verify session tokens with: set "
              + SECRET_KEY_VARIABLE
              + ", "
              + JWT_KEY_VARIABLE
              + " or "
              + FAPI_URL_VARIABLE);
    }
  }

  /**
   * Starts a builder.
   *
   * @return a builder with Clerk's Backend API URL, the system clock and a free port
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the settings from environment variables ({@value #SECRET_KEY_VARIABLE}, {@value
   * #JWT_KEY_VARIABLE}, {@value #FAPI_URL_VARIABLE}, {@value #API_URL_VARIABLE}, {@value
   * #AUTHORIZED_PARTIES_VARIABLE}, {@value #PORT_VARIABLE}); blank counts as unset.
   *
   * @param environment the environment ({@code System.getenv()})
   * @return the settings
   * @throws BackendConfigurationException naming the variable that is malformed, or the ones
   *     missing
   */
  public static BackendConfig fromEnvironment(Map<String, String> environment) {
    Builder b = builder();
    apply(environment, SECRET_KEY_VARIABLE, b::secretKey);
    apply(environment, JWT_KEY_VARIABLE, b::jwtKey);
    apply(environment, FAPI_URL_VARIABLE, b::frontendApiUrl);
    apply(environment, API_URL_VARIABLE, b::apiUrl);
    apply(
        environment,
        AUTHORIZED_PARTIES_VARIABLE,
        v ->
            b.authorizedParties(
                new LinkedHashSet<>(
                    Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())));
    apply(
        environment,
        PORT_VARIABLE,
        v -> {
          try {
            b.port(Integer.parseInt(v));
          } catch (NumberFormatException e) {
            throw new BackendConfigurationException("not a port number");
          }
        });
    return b.build();
  }

  private static void apply(
      Map<String, String> environment, String variable, Consumer<String> setter) {
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      return;
    }
    try {
      setter.accept(value.strip());
    } catch (BackendConfigurationException e) {
      throw new BackendConfigurationException(variable + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "BackendConfig[secretKey="
        + secretKey.map(k -> "<redacted>").orElse("none")
        + ", jwtKey="
        + (jwtKey.isPresent() ? "PEM" : "none")
        + ", frontendApiUrl="
        + frontendApiUrl.orElse("none")
        + ", apiUrl="
        + apiUrl
        + ", authorizedParties="
        + authorizedParties
        + ", port="
        + port
        + "]";
  }

  /** Builds a {@link BackendConfig}; each setter checks its value. */
  public static final class Builder {
    private String secretKey;
    private String jwtKey;
    private String frontendApiUrl;
    private String apiUrl = DEFAULT_API_URL;
    private Set<String> authorizedParties = Set.of();
    private Clock clock = Clock.systemUTC();
    private int port;

    private Builder() {}

    /**
     * Sets the secret key.
     *
     * @param value {@code sk_test_…} or {@code sk_live_…}
     * @return this builder
     * @throws BackendConfigurationException if it is not a secret key
     */
    public Builder secretKey(String value) {
      if (value == null || !(value.startsWith("sk_test_") || value.startsWith("sk_live_"))) {
        throw new BackendConfigurationException("not a secret key (sk_test_… or sk_live_…)");
      }
      this.secretKey = value;
      return this;
    }

    /**
     * Sets the PEM public key (networkless verification).
     *
     * @param value {@code -----BEGIN PUBLIC KEY----- …}
     * @return this builder
     * @throws BackendConfigurationException if it is not a PEM public key
     */
    public Builder jwtKey(String value) {
      this.jwtKey = Keys.checkPem(value);
      return this;
    }

    /**
     * Sets the Frontend API URL whose JWKS holds the public key.
     *
     * @param value {@code https://…} (plain {@code http} for a loopback emulator)
     * @return this builder
     * @throws BackendConfigurationException if it is not an http(s) URL
     */
    public Builder frontendApiUrl(String value) {
      this.frontendApiUrl = httpUrl(value);
      return this;
    }

    /**
     * Sets the Backend API base URL.
     *
     * @param value {@code https://api.clerk.com}, or the emulator's URL
     * @return this builder
     * @throws BackendConfigurationException if it is not an http(s) URL
     */
    public Builder apiUrl(String value) {
      this.apiUrl = httpUrl(value);
      return this;
    }

    /**
     * Sets the accepted {@code azp} values (origins, such as {@code https://app.example.com}).
     *
     * @param values the origins; empty accepts any
     * @return this builder
     */
    public Builder authorizedParties(Set<String> values) {
      this.authorizedParties = Set.copyOf(values);
      return this;
    }

    /**
     * Sets the clock token times are judged by (tests pass the emulator's).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sets the loopback port.
     *
     * @param value 0 (a free port) to 65535
     * @return this builder
     * @throws BackendConfigurationException if out of range
     */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new BackendConfigurationException("not a port number (0 to 65535)");
      }
      this.port = value;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws BackendConfigurationException if no key to verify tokens with is set
     */
    public BackendConfig build() {
      return new BackendConfig(
          Optional.ofNullable(secretKey),
          Optional.ofNullable(jwtKey),
          Optional.ofNullable(frontendApiUrl),
          apiUrl,
          authorizedParties,
          clock,
          port);
    }

    private static String httpUrl(String value) {
      try {
        URI uri = URI.create(value == null ? "" : value.strip());
        if (uri.getHost() == null
            || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
          throw new IllegalArgumentException();
        }
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
      } catch (IllegalArgumentException e) {
        throw new BackendConfigurationException("not an http(s) URL: " + value);
      }
    }
  }
}
