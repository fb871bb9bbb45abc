package dev.clerkfx.internal.browser;

import dev.clerkfx.browser.RedirectStrategy;
import dev.clerkfx.internal.handoff.HandoffServer;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The custom-scheme redirect: listens on the app's {@link HandoffServer} and accepts the first URL
 * whose scheme, host and path equal the redirect URL's and whose {@code state} is the flow's. Other
 * URLs are ignored.
 */
final class SchemeReceiver implements CallbackReceiver {
  private static final System.Logger LOG = System.getLogger("dev.clerkfx.browser");
  private final URI redirect;
  private final String state;
  private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
  private final AutoCloseable subscription;

  SchemeReceiver(RedirectStrategy.CustomScheme strategy, String state) {
    this.redirect = strategy.redirectUrl();
    this.state = state;
    this.subscription = HandoffServer.Access.of(strategy.handoff()).listen(this::offer);
  }

  private void offer(URI url) {
    if (!matches(url)) {
      LOG.log(System.Logger.Level.DEBUG, "Ignored a URL that is not this flow's redirect");
      return;
    }
    Map<String, String> q = Queries.parse(url.getRawQuery());
    if (!state.equals(q.get("state"))) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Ignored a sign-in redirect whose state does not match the flow");
      return;
    }
    CompletableFuture.runAsync(() -> callback.complete(q));
  }

  private boolean matches(URI url) {
    return redirect.getScheme().equalsIgnoreCase(Objects.requireNonNullElse(url.getScheme(), ""))
        && Objects.requireNonNullElse(redirect.getHost(), "")
            .equalsIgnoreCase(Objects.requireNonNullElse(url.getHost(), ""))
        && normalise(redirect.getPath()).equals(normalise(url.getPath()));
  }

  private static String normalise(String path) {
    return path == null || path.isEmpty() ? "/" : path;
  }

  @Override
  public URI redirectUrl() {
    return redirect;
  }

  @Override
  public URI redirectUrlWithState() {
    return URI.create(redirect + "?state=" + Queries.encode(state));
  }

  @Override
  public CompletableFuture<Map<String, String>> callback() {
    return callback;
  }

  @Override
  public void close() {
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "Closing a URL hand-off subscription: " + e.getClass().getSimpleName());
    }
  }
}
