package dev.clerkfx.ui;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkFx;
import dev.clerkfx.internal.ui.Gates;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A container that shows its children only while a user is signed in (Clerk's {@code <SignedIn>});
 * hidden, it takes no space.
 *
 * <pre>{@code
 * root.getChildren().add(new SignedIn(clerk, new UserButton(clerk)));
 * }</pre>
 *
 * In FXML: {@code <SignedIn><UserButton/></SignedIn>} (uses {@link ClerkFx#client()}). FX
 * Application Thread only.
 */
public class SignedIn extends StackPane {
  /** The style class of this container. */
  public static final String DEFAULT_STYLE_CLASS = "clerk-signed-in";

  @SuppressWarnings("unused") // held: the auth state references it weakly
  private final InvalidationListener gate;

  /** Creates the container for the app's client ({@link ClerkFx#client()}), as FXML does. */
  public SignedIn() {
    this(ClerkFx.client());
  }

  /**
   * Creates the container.
   *
   * @param client the client whose state decides
   * @param children the content
   */
  public SignedIn(ClerkClient client, Node... children) {
    super(children);
    getStyleClass().add(DEFAULT_STYLE_CLASS);
    gate =
        Gates.bind(this, Objects.requireNonNull(client, "client").auth(), AuthSnapshot::signedIn);
  }
}
