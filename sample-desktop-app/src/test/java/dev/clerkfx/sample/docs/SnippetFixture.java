package dev.clerkfx.sample.docs;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkFx;
import dev.clerkfx.SignOutReason;
import dev.clerkfx.auth.BrowserAuthResult;
import dev.clerkfx.model.ActiveSession;
import dev.clerkfx.model.SignIn;
import dev.clerkfx.store.TokenStores;
import dev.clerkfx.testkit.ClerkEmulator;
import dev.clerkfx.testkit.EmulatorUser;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * What a documentation snippet of statements may use without declaring it: the names the docs'
 * prose introduces ({@code clerk}, {@code emulator}, {@code nameLabel}, {@code password}, {@code
 * callMyApi(token)} …), backed by a fresh emulator and a client signed in on it. Each statement
 * snippet becomes a subclass whose {@link #run()} is the snippet.
 */
public abstract class SnippetFixture {
  /** The docs' example user; also signed in as {@link #clerk}. */
  protected static final String EMAIL = "ada@example.com";

  /** A running emulator with the docs' example user (and the demo user). */
  protected ClerkEmulator emulator;

  /** The emulator's publishable key (where the docs say "your publishable key"). */
  protected String publishableKey;

  /** A client on the emulator, signed in as {@value #EMAIL}, installed as the app's client. */
  protected ClerkClient clerk;

  /** The example user's password. */
  protected String password = "correct horse";

  /** A session token of {@link #clerk} (what a server receives). */
  protected String token;

  /** The emulator's PEM public key (what a server verifies tokens with). */
  protected String jwtKey;

  /** A label to bind. */
  protected Label nameLabel;

  /** A button to bind. */
  protected Button signOutButton;

  /** A banner to show while loading failed. */
  protected Label loadBanner = new Label();

  /** A retry button. */
  protected Button retryButton = new Button();

  /** The window's root pane. */
  protected VBox root = new VBox();

  /** What the snippet's callbacks received. */
  protected final List<Object> calls = new CopyOnWriteArrayList<>();

  /** Starts the emulator and signs the client in. */
  final void setUp() {
    emulator =
        ClerkEmulator.builder()
            .user(
                EmulatorUser.builder()
                    .email(EMAIL)
                    .password(password)
                    .firstName("Ada")
                    .lastName("Lovelace")
                    .build())
            .start();
    publishableKey = emulator.publishableKey();
    jwtKey = emulator.jwtPublicKeyPem();
    clerk = ClerkClient.builder(publishableKey).tokenStore(TokenStores.inMemory()).build();
    clerk.whenLoaded().join();
    clerk.signIn().withPassword(EMAIL, password).join();
    token = clerk.getToken().join().orElseThrow();
    ClerkFx.install(clerk);
    nameLabel = new Label();
    signOutButton = new Button();
  }

  /** Closes what {@link #setUp()} started, and any client the snippet installed in its place. */
  final void tearDown() {
    ClerkFx.uninstall().filter(c -> c != clerk).ifPresent(ClerkClient::close);
    if (clerk != null) {
      clerk.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  /**
   * The snippet.
   *
   * @throws Exception whatever the snippet throws
   */
  public abstract void run() throws Exception;

  /**
   * The docs' "your API call".
   *
   * @param token the session token
   */
  protected void callMyApi(String token) {
    calls.add(token);
  }

  /**
   * The docs' "show the sign-in result".
   *
   * @param signIn the sign-in, or null on failure
   * @param error the failure, or null
   */
  protected void showResult(SignIn signIn, Throwable error) {
    calls.add(error != null ? error : signIn);
  }

  /**
   * The docs' "show the browser sign-in result".
   *
   * @param result the result, or null on failure
   * @param error the failure, or null
   */
  protected void showResult(BrowserAuthResult result, Throwable error) {
    calls.add(error != null ? error : result);
  }

  /** The docs' example of an app's own pane. */
  protected static class BillingPane extends StackPane {
    /** Creates the pane. */
    public BillingPane() {}
  }

  /** The docs' "show the app's home screen". */
  protected void showHome() {
    calls.add("home");
  }

  /** The docs' application class ({@code Application.launch(MyApp.class)}). */
  protected static class MyApp extends Application {
    /** Creates the app. */
    public MyApp() {}

    @Override
    public void start(Stage stage) {
      stage.show();
    }
  }

  /**
   * The docs' "show the user's devices".
   *
   * @param devices the user's active sessions
   */
  protected void showDevices(List<ActiveSession> devices) {
    calls.add(devices);
  }

  /**
   * The docs' "show the sign-in screen".
   *
   * @param reason why the user was signed out
   */
  protected void showSignInScreen(SignOutReason reason) {
    calls.add(reason);
  }
}
