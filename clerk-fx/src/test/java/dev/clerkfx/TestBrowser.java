package dev.clerkfx;

import dev.clerkfx.browser.UrlOpener;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Plays the system browser headlessly: a {@link UrlOpener} that acts on the emulator's provider and
 * hosted pages as told (choose an account, deny consent, fill the hosted form, or do nothing), then
 * follows redirects (no cookies) until it lands on a page; a redirect to a custom scheme goes to
 * {@link #onCustomScheme}. Public for the prebuilt components' tests in {@code dev.clerkfx.ui}.
 */
public final class TestBrowser implements UrlOpener {
  final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  public final List<URI> opened = new CopyOnWriteArrayList<>();

  /** Where the browser ended (the loopback page), or a failure to connect. */
  final CompletableFuture<HttpResponse<String>> landed = new CompletableFuture<>();

  public volatile Function<URI, HttpRequest> action = u -> null;
  volatile Consumer<String> onCustomScheme = u -> {};

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** At the provider page, continue as this email. */
  public TestBrowser continueAs(String email) {
    action = u -> get(u + "&email=" + enc(email));
    return this;
  }

  /** At the provider page, press Cancel (consent denied). */
  public TestBrowser deny() {
    action = u -> get(u + (u.getRawQuery() == null ? "?" : "&") + "error=access_denied");
    return this;
  }

  /** On the hosted page, submit these form fields. */
  TestBrowser submit(String... pairs) {
    action =
        u -> {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < pairs.length; i += 2) {
            sb.append(sb.length() == 0 ? "" : "&")
                .append(enc(pairs[i]))
                .append('=')
                .append(enc(pairs[i + 1]));
          }
          return HttpRequest.newBuilder(u)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(sb.toString()))
              .build();
        };
    return this;
  }

  /** At the provider page, approve at once (connecting an account to the signed-in user). */
  public TestBrowser approve() {
    action = u -> get(u.toString());
    return this;
  }

  /** Opens nothing: the user closed the tab. */
  public TestBrowser closeTab() {
    action = u -> null;
    return this;
  }

  public static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }

  @Override
  public void open(URI url) throws IOException {
    opened.add(url);
    HttpRequest first = action.apply(url);
    if (first != null) follow(first);
  }

  /**
   * Sends a request and follows redirects; returns the final response (and completes {@link
   * #landed}).
   */
  public HttpResponse<String> follow(HttpRequest request) throws IOException {
    HttpRequest next = request;
    try {
      for (int i = 0; i < 10; i++) {
        HttpResponse<String> r = http.send(next, HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse(null);
        if (r.statusCode() / 100 != 3 || location == null) {
          landed.complete(r);
          return r;
        }
        if (!location.startsWith("http://") && !location.startsWith("https://")) {
          onCustomScheme.accept(location);
          return r;
        }
        next = get(location);
      }
      throw new IOException("too many redirects");
    } catch (IOException e) {
      landed.completeExceptionally(e);
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
