package dev.clerkfx.ui;

import dev.clerkfx.AuthSnapshot;
import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkFx;
import dev.clerkfx.internal.ui.Gates;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A container that shows its children only to a signed-in user with a role or permission in the
 * active organization (Clerk's {@code <Protect>}), and its {@link #fallbackProperty() fallback}
 * node to everyone else.
 *
 * <pre>{@code
 * Protect billing = new Protect(clerk, new BillingPane());
 * billing.setRole("org:admin");
 * billing.setFallback(new Label("Only admins can see billing."));
 * }</pre>
 *
 * With neither role nor permission set it behaves like {@link SignedIn}. The check follows the
 * client's auth state as it changes (sign-in, organization switch, new claims). It hides content;
 * it is no security boundary — the app's backend must check the session token. FX Application
 * Thread only.
 */
public class Protect extends StackPane {
  /** The style class of this container. */
  public static final String DEFAULT_STYLE_CLASS = "clerk-protect";

  private final InvalidationListener gate;
  private final StackPane content = new StackPane();
  private final ClerkClient client;
  private StringProperty role;
  private StringProperty permission;
  private final ObjectProperty<Node> fallback = new SimpleObjectProperty<>(this, "fallback");
  private boolean authorized;

  /** Creates the container for the app's client ({@link ClerkFx#client()}), as FXML does. */
  public Protect() {
    this(ClerkFx.client());
  }

  /**
   * Creates the container.
   *
   * @param client the client whose state decides
   * @param children the protected content
   */
  public Protect(ClerkClient client, Node... children) {
    super(children);
    this.client = Objects.requireNonNull(client, "client");
    getStyleClass().add(DEFAULT_STYLE_CLASS);
    gate = Gates.bind(content, client.auth(), this::allows);
    content.visibleProperty().addListener(o -> apply());
    fallback.addListener(
        (o, old, node) -> {
          if (old != null) getChildren().remove(old);
          if (node != null && !getChildren().contains(node)) getChildren().add(node);
          apply();
        });
    getChildren().addListener((ListChangeListener<Node>) c -> apply());
    apply();
  }

  private boolean allows(AuthSnapshot s) {
    if (!s.signedIn()) return false;
    String r = getRole();
    String p = getPermission();
    return (r == null || r.isBlank() || s.has(r)) && (p == null || p.isBlank() || s.has(p));
  }

  private void apply() {
    authorized = content.isVisible();
    Node fb = fallback.get();
    for (Node child : getChildren()) {
      boolean show = child == fb ? !authorized : authorized;
      if (child.isVisible() != show) child.setVisible(show);
      if (child.isManaged() != show) child.setManaged(show);
    }
  }

  /** Tells whether the protected content is shown now. */
  public final boolean isAuthorized() {
    return authorized;
  }

  /** The role key required, such as {@code org:admin}; null or blank for none. */
  public final StringProperty roleProperty() {
    if (role == null) {
      role = new SimpleStringProperty(this, "role");
      role.addListener(gate);
    }
    return role;
  }

  /** Returns the role required, or null. */
  public final String getRole() {
    return role == null ? null : role.get();
  }

  /** Sets the role required (null for none). */
  public final void setRole(String value) {
    roleProperty().set(value);
  }

  /** The permission key required, such as {@code org:invoices:read}; null or blank for none. */
  public final StringProperty permissionProperty() {
    if (permission == null) {
      permission = new SimpleStringProperty(this, "permission");
      permission.addListener(gate);
    }
    return permission;
  }

  /** Returns the permission required, or null. */
  public final String getPermission() {
    return permission == null ? null : permission.get();
  }

  /** Sets the permission required (null for none). */
  public final void setPermission(String value) {
    permissionProperty().set(value);
  }

  /**
   * The node shown instead of the content when the user lacks the role or permission (or is signed
   * out).
   */
  public final ObjectProperty<Node> fallbackProperty() {
    return fallback;
  }

  /** Returns the fallback node, or null. */
  public final Node getFallback() {
    return fallback.get();
  }

  /** Sets the fallback node (null for none). */
  public final void setFallback(Node value) {
    fallback.set(value);
  }

  /** The client whose state decides. */
  public final ClerkClient getClient() {
    return client;
  }
}
