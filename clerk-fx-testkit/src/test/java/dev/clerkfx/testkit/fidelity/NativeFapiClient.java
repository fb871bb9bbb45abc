package dev.clerkfx.testkit.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
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
 * A minimal FAPI client that talks the way Clerk's native SDKs do (protocol doc §2): {@code
 * _is_native=true}, the raw client token in {@code Authorization} (captured and rotated from every
 * response), {@code clerk-api-version}, {@code x-mobile: 1}, form-encoded bodies. One instance =
 * one device (one client token).
 */
final class NativeFapiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
   * Acts as the system browser: GETs an absolute URL (or POSTs a form to it), follows no redirect,
   * and returns the {@code Location} it redirects to.
   */
  String browse(String absoluteUrl, String... formPairs) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(absoluteUrl)).timeout(Duration.ofSeconds(20));
    if (formPairs.length > 0) {
      StringJoiner body = new StringJoiner("&");
      form(formPairs).forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return response
          .headers()
          .firstValue("Location")
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no redirect from "
                          + absoluteUrl
                          + ": "
                          + response.statusCode()
                          + " "
                          + response.body()));
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
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
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

  /**
   * POSTs one file as {@code multipart/form-data} field {@code file}, as clerk-android uploads
   * profile images.
   */
  Reply upload(String path, String filename, String contentType, byte[] data) {
    String boundary = "----clerkfx-conformance";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    body.writeBytes(data);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    return exchange(
        "POST",
        path,
        "multipart/form-data; boundary=" + boundary,
        HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private Reply send(String method, String path, Map<String, String> form, String... query) {
    StringJoiner q = new StringJoiner("&", "", "");
    for (int i = 0; i + 1 < query.length; i += 2) {
      q.add(enc(query[i]) + "=" + enc(query[i + 1]));
    }
    String target = q.length() == 0 ? path : path + (path.contains("?") ? "&" : "?") + q;
    if ("GET".equals(method) || "DELETE".equals(method)) {
      return exchange(method, target, null, HttpRequest.BodyPublishers.noBody());
    }
    StringJoiner body = new StringJoiner("&");
    form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
    return exchange(
        method,
        target,
        "application/x-www-form-urlencoded",
        HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  private Reply exchange(
      String method, String pathAndQuery, String contentType, HttpRequest.BodyPublisher body) {
    String url =
        baseUrl + pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "_is_native=true";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("clerk-api-version", "2026-05-12")
            .header("x-mobile", "1")
            .header("Accept", "application/json")
            .method(method, body);
    if (clientToken != null && !clientToken.isEmpty()) {
      request.header("Authorization", clientToken);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().firstValue("Authorization").ifPresent(token -> clientToken = token);
      JsonNode parsed;
      try {
        parsed =
            response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
      } catch (IOException notJson) {
        parsed = MissingNode.getInstance();
      }
      return new Reply(response.statusCode(), parsed);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + pathAndQuery + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + pathAndQuery + " interrupted", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
