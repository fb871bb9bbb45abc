package dev.clerkfx.testkit.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A minimal FAPI client that talks the way Clerk's native SDKs do (protocol doc §2): {@code _is_native=true}, the
 * raw client token in {@code Authorization} (captured and rotated from every response), {@code clerk-api-version},
 * {@code x-mobile: 1}, form-encoded bodies. One instance = one device (one client token).
 */
final class NativeFapiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String baseUrl;
  private String clientToken;

  /** One response: status and parsed body ({@link MissingNode} when not JSON). */
  record Reply(int status, JsonNode body) {
    /** Returns {@code body.response} (or the body itself when unwrapped). */
    JsonNode response() {
      return body.has("response") ? body.get("response") : body;
    }

    String text(String pointer) {
      return body.at(pointer).asText(null);
    }
  }

  NativeFapiClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Reply get(String path, String... query) {
    return send("GET", path, Map.of(), query);
  }

  Reply post(String path, String... formPairs) {
    return send("POST", path, form(formPairs));
  }

  Reply put(String path, String... formPairs) {
    return send("PUT", path, form(formPairs));
  }

  Reply patch(String path, String... formPairs) {
    return send("PATCH", path, form(formPairs));
  }

  Reply delete(String path, String... query) {
    return send("DELETE", path, Map.of(), query);
  }

  /**
   * Acts as the system browser: GETs an absolute URL (or POSTs a form to it), follows no redirect, and returns the
   * {@code Location} it redirects to.
   */
  String browse(String absoluteUrl, String... formPairs) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absoluteUrl)).timeout(Duration.ofSeconds(20));
    if (formPairs.length > 0) {
      StringJoiner body = new StringJoiner("&");
      form(formPairs).forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
      request.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
          "no redirect from " + absoluteUrl + ": " + response.statusCode() + " " + response.body()));
    } catch (IOException e) {
      throw new IllegalStateException("GET " + absoluteUrl + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("GET " + absoluteUrl + " interrupted", e);
    }
  }

  /** Returns the decoded query parameters of a URL (last value wins). */
  static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    int q = url.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(java.net.URLDecoder.decode(k, StandardCharsets.UTF_8), java.net.URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Map<String, String> form(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  private Reply send(String method, String path, Map<String, String> form, String... query) {
    StringJoiner q = new StringJoiner("&", "?", "");
    q.add("_is_native=true");
    for (int i = 0; i + 1 < query.length; i += 2) {
      q.add(enc(query[i]) + "=" + enc(query[i + 1]));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path + q))
        .timeout(Duration.ofSeconds(20))
        .header("clerk-api-version", "2026-05-12")
        .header("x-mobile", "1")
        .header("Accept", "application/json");
    if (clientToken != null && !clientToken.isEmpty()) {
      request.header("Authorization", clientToken);
    }
    if ("GET".equals(method) || "DELETE".equals(method)) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      StringJoiner body = new StringJoiner("&");
      form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
      request.header("Content-Type", "application/x-www-form-urlencoded")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().firstValue("Authorization").ifPresent(token -> clientToken = token);
      JsonNode body;
      try {
        body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
      } catch (IOException notJson) {
        body = MissingNode.getInstance();
      }
      return new Reply(response.statusCode(), body);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
