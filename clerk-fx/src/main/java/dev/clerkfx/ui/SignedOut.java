package dev.clerkfx.ui;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkFx;
import dev.clerkfx.internal.ui.Gates;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A container that shows its children only once the client has loaded and no user is signed in
 * (Clerk's {@code <SignedOut>}); hidden, it takes no space.
 *
 * <pre>{@code
 * root.getChildren().add(new SignedOut(clerk, new Button("Sign in")));
 * }</pre>
 *
 * In FXML: {@code <SignedOut><Button text="Sign in"/></SignedOut>} (uses {@link ClerkFx#client()}).
 * FX Application Thread only.
 */
public class SignedOut extends StackPane {
  /** The style class of this container. */
  public static final String DEFAULT_STYLE_CLASS = "clerk-signed-out";

  @SuppressWarnings("unused") // held: the auth state references it weakly
  private final InvalidationListener gate;

  /** Creates the container for the app's client ({@link ClerkFx#client()}), as FXML does. */
  public SignedOut() {
    this(ClerkFx.client());
  }

  /**
   * Creates the container.
   *
   * @param client the client whose state decides
   * @param children the content
   */
  public SignedOut(ClerkClient client, Node... children) {
    super(children);
    getStyleClass().add(DEFAULT_STYLE_CLASS);
    gate = Gates.bind(this, Objects.requireNonNull(client, "client").auth(), s -> !s.signedIn());
  }
}
