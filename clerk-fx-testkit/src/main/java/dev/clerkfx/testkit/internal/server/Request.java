package dev.clerkfx.testkit.internal.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One parsed HTTP request: effective method, path, query, lower-case headers and form fields. */
public final class Request {
  private final String method;
  private final String wireMethod;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final Map<String, List<String>> form;
  private final String remoteHost;
  private byte[] body = new byte[0];
  private Map<String, String> pathParams = Map.of();

  /**
   * Makes a request.
   *
   * @param method the effective method (after {@code _method})
   * @param wireMethod the method on the wire
   * @param path the path
   * @param query the query parameters
   * @param headers the headers (lower-case names)
   * @param form the form fields
   * @param remoteHost the caller's address
   */
  public Request(
      String method,
      String wireMethod,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      Map<String, List<String>> form,
      String remoteHost) {
    this.method = method;
    this.wireMethod = wireMethod;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.form = form;
    this.remoteHost = remoteHost;
  }

  /**
   * Parses {@code application/x-www-form-urlencoded} text (also used for query strings).
   *
   * @param text the encoded text, may be null
   * @return the fields in order
   * @throws IllegalArgumentException on bad percent-encoding
   */
  public static Map<String, List<String>> parseForm(String text) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  /**
   * Returns the effective method, upper case.
   *
   * @return the effective method, upper case
   */
  public String method() {
    return method;
  }

  /**
   * Returns the method on the wire.
   *
   * @return the method on the wire
   */
  public String wireMethod() {
    return wireMethod;
  }

  /**
   * Returns the path.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * Returns the query parameters.
   *
   * @return the query parameters
   */
  public Map<String, List<String>> query() {
    return Collections.unmodifiableMap(query);
  }

  /**
   * Returns the headers, lower-case names.
   *
   * @return the headers, lower-case names
   */
  public Map<String, List<String>> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /**
   * Returns the form fields.
   *
   * @return the form fields
   */
  public Map<String, List<String>> form() {
    return Collections.unmodifiableMap(form);
  }

  /**
   * Returns the raw request body (for non-form uploads such as a profile image).
   *
   * @return the raw request body (for non-form uploads such as a profile image)
   */
  public byte[] body() {
    return body.clone();
  }

  void body(byte[] raw) {
    this.body = raw;
  }

  /**
   * Returns the caller's address (the rate-limit key).
   *
   * @return the caller's address (the rate-limit key)
   */
  public String remoteHost() {
    return remoteHost;
  }

  /**
   * Returns the path parameters the router matched.
   *
   * @return the path parameters the router matched
   */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = params;
  }

  /**
   * Returns a path parameter.
   *
   * @param name the name in the route pattern
   * @return the value
   */
  public String pathParam(String name) {
    return pathParams.get(name);
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the name, any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /**
   * Returns a parameter from the form, else from the query (FAPI accepts both).
   *
   * @param name the name
   * @return the first value, if present (possibly empty)
   */
  public Optional<String> param(String name) {
    List<String> v = form.get(name);
    if (v == null || v.isEmpty()) {
      v = query.get(name);
    }
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /**
   * Returns a non-blank parameter.
   *
   * @param name the name
   * @return the trimmed value, if present and not blank
   */
  public Optional<String> nonBlank(String name) {
    return param(name).map(String::trim).filter(s -> !s.isEmpty());
  }

  /**
   * Returns a required non-blank parameter.
   *
   * @param name the name
   * @return the value
   * @throws FapiException 422 {@code form_param_missing} / {@code form_param_nil}
   */
  public String required(String name) {
    Optional<String> raw = param(name);
    if (raw.isEmpty()) {
      throw Errors.paramMissing(name);
    }
    if (raw.get().isBlank()) {
      throw Errors.paramNil(name);
    }
    return raw.get().trim();
  }

  /**
   * Returns every value of a parameter (form first, else query).
   *
   * @param name the name
   * @return the values
   */
  public List<String> params(String name) {
    List<String> v = form.get(name);
    if (v == null || v.isEmpty()) {
      v = query.get(name);
    }
    return v == null ? List.of() : List.copyOf(v);
  }

  /**
   * Returns a boolean parameter ({@code true}/{@code 1}).
   *
   * @param name the name
   * @return whether it is set to true
   */
  public boolean flag(String name) {
    return param(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
  }
}
