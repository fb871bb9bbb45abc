package dev.clerkfx.testkit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the emulator received and the response it sent, for assertions; immutable.
 *
 * <p>Header names are lower case. Query and form values keep their order; a key may repeat. This is
 * test data: nothing is redacted.
 *
 * @param method the effective method (after {@code _method} tunnelling), upper case
 * @param wireMethod the method on the wire
 * @param path the path, without the query
 * @param query the decoded query parameters
 * @param headers the request headers
 * @param form the decoded form fields of an {@code application/x-www-form-urlencoded} body
 * @param status the response status, or {@code 0} when the connection was dropped on purpose
 * @param responseHeaders the response headers
 * @param responseBody the response body as text (empty when there was none)
 * @param receivedAt when it arrived, by the emulator clock
 */
public record RecordedRequest(
    String method,
    String wireMethod,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    Map<String, List<String>> form,
    int status,
    Map<String, List<String>> responseHeaders,
    String responseBody,
    Instant receivedAt) {

  /**
   * Copies the maps so the record stays immutable.
   *
   * @param method the effective method
   * @param wireMethod the method on the wire
   * @param path the path
   * @param query the query parameters
   * @param headers the request headers
   * @param form the form fields
   * @param status the response status, 0 for a dropped connection
   * @param responseHeaders the response headers
   * @param responseBody the response body
   * @param receivedAt when it arrived
   */
  public RecordedRequest {
    query = copy(query);
    headers = copy(headers);
    form = copy(form);
    responseHeaders = copy(responseHeaders);
    responseBody = responseBody == null ? "" : responseBody;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> m) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (m != null) {
      m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * Returns the first value of a request header.
   *
   * @param name the header name, any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    return first(headers, name.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Returns the first value of a query parameter.
   *
   * @param name the parameter name
   * @return the value, if present
   */
  public Optional<String> queryParameter(String name) {
    return first(query, name);
  }

  /**
   * Returns the first value of a form field.
   *
   * @param name the field name
   * @return the value, if present
   */
  public Optional<String> formField(String name) {
    return first(form, name);
  }

  /**
   * Returns the first value of a response header.
   *
   * @param name the header name, any case
   * @return the value, if present
   */
  public Optional<String> responseHeader(String name) {
    return first(responseHeaders, name.toLowerCase(java.util.Locale.ROOT));
  }

  private static Optional<String> first(Map<String, List<String>> m, String key) {
    List<String> v = m.get(key);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Describes the exchange briefly: method, path and status. */
  @Override
  public String toString() {
    return "RecordedRequest[" + method + " " + path + " -> " + status + "]";
  }
}
