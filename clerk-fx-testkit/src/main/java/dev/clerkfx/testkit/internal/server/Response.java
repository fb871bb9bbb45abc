package dev.clerkfx.testkit.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One response to send: status, headers and body bytes. */
public final class Response {
  private final int status;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final byte[] body;

  private Response(int status, String contentType, byte[] body) {
    this.status = status;
    this.body = body;
    if (contentType != null) {
      header("Content-Type", contentType);
    }
  }

  /**
   * A JSON response.
   *
   * @param status the status
   * @param node the body
   * @return the response
   */
  public static Response json(int status, JsonNode node) {
    return new Response(status, "application/json", Json.bytes(node));
  }

  /**
   * A JSON response from pre-rendered bytes.
   *
   * @param status the status
   * @param body the JSON bytes
   * @return the response
   */
  public static Response jsonBytes(int status, byte[] body) {
    return new Response(status, "application/json", body);
  }

  /**
   * An HTML page.
   *
   * @param status the status
   * @param html the page
   * @return the response
   */
  public static Response html(int status, String html) {
    return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A binary body.
   *
   * @param contentType the content type
   * @param body the bytes
   * @return the response
   */
  public static Response bytes(String contentType, byte[] body) {
    return new Response(200, contentType, body);
  }

  /**
   * A 302 redirect.
   *
   * @param location the target
   * @return the response
   */
  public static Response redirect(String location) {
    return redirect(302, location);
  }

  /**
   * A redirect with a chosen status (301, 302, 303, 307).
   *
   * @param status the status
   * @param location the target
   * @return the response
   */
  public static Response redirect(int status, String location) {
    return new Response(status, null, new byte[0]).header("Location", location);
  }

  /**
   * Adds a header.
   *
   * @param name the name
   * @param value the value
   * @return this
   */
  public Response header(String name, String value) {
    headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }

  /**
   * Sets a header, replacing earlier values.
   *
   * @param name the name
   * @param value the value
   * @return this
   */
  public Response setHeader(String name, String value) {
    List<String> list = new ArrayList<>();
    list.add(value);
    headers.put(name, list);
    return this;
  }

  /**
   * Returns the status.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * Returns the headers (mutable).
   *
   * @return the headers (mutable)
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the body.
   *
   * @return the body
   */
  public byte[] body() {
    return body;
  }
}
