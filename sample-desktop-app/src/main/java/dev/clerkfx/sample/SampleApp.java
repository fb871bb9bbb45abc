package dev.clerkfx.sample;

import atlantafx.base.theme.PrimerLight;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkConfigurationException;
import dev.clerkfx.ClerkException;
import dev.clerkfx.ClerkFx;
import dev.clerkfx.browser.UrlSchemeRegistration;
import dev.clerkfx.sample.backend.BackendConfigurationException;
import dev.clerkfx.sample.backend.SampleBackend;
import dev.clerkfx.store.TokenStores;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The clerk-fx showcase, built on the SDK's prebuilt components: signs a user in with the {@code
 * SignInDialog}, binds labels to the user, calls a protected API with {@code getToken()}, logs the
 * SDK's events live and, on the embedded emulator, offers a developer panel that acts on the server
 * (revoke, expire, ban, rename, key rotation, network down, clock) so the app's reactions can be
 * watched.
 *
 * <p>With the environment variable {@code CLERK_PUBLISHABLE_KEY} set it talks to that Clerk
 * instance; otherwise it starts the embedded emulator (a local Frontend API with a demo user,
 * stopped on exit), so it works offline:
 *
 * <pre>{@code
 * mvn -B -DskipTests install && mvn -B -pl sample-desktop-app javafx:run
 * }</pre>
 */
public final class SampleApp extends Application {
  /**
   * Default window size; the signed-in view, the developer panel and the event log fit without
   * scrolling.
   */
  static final double WIDTH = 980;

  static final double HEIGHT = 760;

  /** The smallest window the views still fit in (they scroll below it). */
  static final double MIN_WIDTH = 640;

  static final double MIN_HEIGHT = 560;

  /** The URL scheme the packaged sample handles (its macOS bundle declares it in Info.plist). */
  static final String URL_SCHEME = "dev.clerkfx.sample";

  private static final System.Logger LOG = System.getLogger(SampleApp.class.getName());

  private final ClerkInstance injectedInstance;
  private final Map<String, String> environment;
  private final Consumer<ClerkClient.Builder> clientSettings;
  private final ScheduledExecutorService injectedTimer;
  private String configurationProblem;
  private ClerkInstance instance;
  private SampleBackend backend;
  private ClerkClient client;
  private DemoApiClient api;
  private MainView view;
  private ExecutorService background;
  private ScheduledExecutorService timer;

  /** Creates the app; {@link #init()} picks the Clerk instance from the environment. */
  public SampleApp() {
    this(null, System.getenv());
  }

  /** Creates the app on a given instance (tests hand in their own emulator). */
  SampleApp(ClerkInstance instance) {
    this(instance, System.getenv());
  }

  /**
   * Creates the app on a given instance, or on the one an environment names when {@code instance}
   * is null.
   */
  SampleApp(ClerkInstance instance, Map<String, String> environment) {
    this(instance, environment, builder -> {}, null);
  }

  /**
   * Creates the app with test settings.
   *
   * @param instance the instance, or null for the one {@code environment} names
   * @param environment the process environment
   * @param clientSettings applied to the client's builder last (tests set a token store, a retry
   *     policy)
   * @param timer the developer panel's timer (how long "Network down" lasts), or null for a real
   *     one
   */
  SampleApp(
      ClerkInstance instance,
      Map<String, String> environment,
      Consumer<ClerkClient.Builder> clientSettings,
      ScheduledExecutorService timer) {
    this.injectedInstance = instance;
    this.environment = environment;
    this.clientSettings = clientSettings;
    this.injectedTimer = timer;
  }

  /**
   * Starts the backend side off the FX thread: the emulator (if used), the demo API and the Clerk
   * client.
   */
  @Override
  public void init() {
    registerUrlScheme();
    try {
      instance =
          injectedInstance != null ? injectedInstance : ClerkInstance.fromEnvironment(environment);
      backend = SampleBackend.start(instance.backendConfig(environment));
    } catch (ClerkConfigurationException | BackendConfigurationException e) {
      // A setting the user gave is wrong: say which and why in a window, not in a stack trace.
      configurationProblem = e.getMessage();
      return;
    }
    ClerkClient.Builder builder = ClerkClient.builder(instance.publishableKey());
    // On the emulator the client keeps the emulator's time: the developer panel's "Move clock" is
    // as if the computer had slept that long.
    builder.clock(instance.clock());
    if (instance.emulator().isPresent()) {
      // The emulator forgets its clients when it stops: keeping its client token across runs would
      // be pointless.
      builder.tokenStore(TokenStores.inMemory());
    }
    clientSettings.accept(builder);
    client = builder.build();
    ClerkFx.install(client);
    URI apiBase = backend.uri("/");
    api = new DemoApiClient(client.tokenInterceptor(apiBase.getAuthority()), apiBase);
  }

  /** Builds the window. */
  @Override
  public void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    stage.setMinWidth(MIN_WIDTH);
    stage.setMinHeight(MIN_HEIGHT);
    if (configurationProblem != null) {
      stage.setTitle("clerk-fx sample: configuration problem");
      stage.setScene(
          new Scene(
              ConfigurationProblemView.cannotStart(configurationProblem, Platform::exit),
              WIDTH,
              HEIGHT));
      stage.show();
      return;
    }
    // The developer panel's server actions run here, never on the FX thread.
    background =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "sample-developer-panel");
              thread.setDaemon(true);
              return thread;
            });
    timer =
        injectedTimer != null
            ? injectedTimer
            : Executors.newSingleThreadScheduledExecutor(
                task -> {
                  Thread thread = new Thread(task, "sample-developer-panel-timer");
                  thread.setDaemon(true);
                  return thread;
                });
    view =
        new MainView(
            client,
            ClerkFx.useAuth(),
            ClerkFx.useUser(),
            instance,
            api,
            background,
            timer,
            Platform::exit);
    // Refresh tokens ahead of expiry only while the user is using the app.
    stage.focusedProperty().addListener((o, was, focused) -> client.setAppActive(focused));
    stage.setTitle("clerk-fx sample");
    Scene scene = new Scene(view, WIDTH, HEIGHT);
    scene.getStylesheets().add(SampleApp.class.getResource("sample.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
  }

  /**
   * Stops everything {@link #init()} started; the signed-in client stays stored (this is not a
   * sign-out).
   */
  @Override
  public void stop() {
    if (view != null) {
      view.dispose();
    }
    if (background != null) {
      background.shutdownNow();
    }
    if (timer != null && timer != injectedTimer) {
      timer.shutdownNow();
    }
    if (api != null) {
      api.close();
    }
    ClerkFx.uninstall();
    if (client != null) {
      client.close();
    }
    if (backend != null) {
      backend.close();
    }
    if (instance != null) {
      instance.close();
    }
  }

  /**
   * From a jpackage image, makes the sample its user's handler of {@value #URL_SCHEME} (the
   * registry on Windows, a desktop entry on Linux, the bundle's own declaration on macOS). Runs on
   * the JavaFX launcher thread, from {@link #init()} (the image's {@code main} runs on the FX
   * Application Thread, which this would block); a failure is logged and the app starts anyway.
   */
  private static void registerUrlScheme() {
    if (System.getProperty("jpackage.app-path") == null) {
      return; // run from a build (mvn javafx:run): nothing installed to register
    }
    try {
      UrlSchemeRegistration.Result result =
          UrlSchemeRegistration.of(URL_SCHEME, URL_SCHEME)
              .withDisplayName("clerk-fx sample")
              .register();
      LOG.log(
          result.isComplete() ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
          "URL scheme {0}: done {1}; not done {2}",
          URL_SCHEME,
          result.done(),
          result.notDone());
    } catch (ClerkException e) {
      LOG.log(System.Logger.Level.WARNING, "URL scheme " + URL_SCHEME + " not registered", e);
    }
  }

  /**
   * Launches the sample.
   *
   * @param args command-line arguments passed to JavaFX
   */
  public static void main(String[] args) {
    launch(args);
    // The window is closed and stop() has released everything: end now rather than when idle pool
    // threads of the
    // HTTP clients time out.
    System.exit(0);
  }
}
