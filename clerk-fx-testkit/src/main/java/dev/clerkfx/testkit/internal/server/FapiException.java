package dev.clerkfx.testkit.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Clerk API error the emulator answers with: status, {@code code}, {@code message}, {@code
 * long_message}, {@code meta}; rendered as {@code {"errors":[…],"clerk_trace_id":…}}.
 */
public final class FapiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String longMessage;
  private final transient ObjectNode meta;
  private final transient ObjectNode topMeta;
  private final transient Map<String, String> headers = new LinkedHashMap<>();

  /**
   * Makes an error.
   *
   * @param status the HTTP status
   * @param code the Clerk error code
   * @param message the short message
   * @param longMessage the long message
   */
  public FapiException(int status, String code, String message, String longMessage) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.longMessage = longMessage;
    this.meta = Json.object();
    this.topMeta = Json.object();
  }

  /**
   * Returns the HTTP status.
   *
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * Returns the Clerk error code.
   *
   * @return the Clerk error code
   */
  public String code() {
    return code;
  }

  /**
   * Returns the long message.
   *
   * @return the long message
   */
  public String longMessage() {
    return longMessage;
  }

  /**
   * Returns the error's {@code meta} object (mutable, before rendering).
   *
   * @return the error's {@code meta} object (mutable, before rendering)
   */
  public ObjectNode meta() {
    return meta;
  }

  /**
   * Returns the body's top-level {@code meta} (for a piggybacked client).
   *
   * @return the body's top-level {@code meta} (for a piggybacked client)
   */
  public ObjectNode topMeta() {
    return topMeta;
  }

  /**
   * Returns the extra response headers.
   *
   * @return the extra response headers
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Sets {@code meta.param_name}.
   *
   * @param name the form field at fault
   * @return this
   */
  public FapiException param(String name) {
    meta.put("param_name", name);
    return this;
  }

  /**
   * Adds a response header.
   *
   * @param name the name
   * @param value the value
   * @return this
   */
  public FapiException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /**
   * Renders the error body.
   *
   * @param traceId the {@code clerk_trace_id}
   * @return the body
   */
  public ObjectNode body(String traceId) {
    ObjectNode error = Json.object();
    error.put("message", getMessage());
    error.put("long_message", longMessage);
    error.put("code", code);
    if (!meta.isEmpty()) {
      error.set("meta", meta);
    }
    ObjectNode body = Json.object();
    body.putArray("errors").add(error);
    if (!topMeta.isEmpty()) {
      body.set("meta", topMeta);
    }
    body.put("clerk_trace_id", traceId);
    return body;
  }
}
