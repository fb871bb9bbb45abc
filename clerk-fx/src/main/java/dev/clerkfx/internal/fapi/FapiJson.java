package dev.clerkfx.internal.fapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.clerkfx.ClerkResponseException;
import java.io.IOException;
import java.util.List;

/**
 * The one configured Jackson mapper for Frontend API JSON, and read/write helpers that fail with
 * {@link ClerkResponseException}, never a raw Jackson exception or an NPE.
 *
 * <p>Configuration: snake_case names; unknown fields ignored; timestamps as epoch milliseconds ↔
 * {@code Instant}; {@code Optional} components (absent or {@code null} → empty); enums
 * case-insensitive, written lower-case, unknown values → the enum's {@code UNKNOWN}. Models
 * round-trip: {@code read(write(x), type).equals(x)}, which the session manager relies on to
 * persist the client and environment snapshot.
 */
public final class FapiJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(EpochMillis.module())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private FapiJson() {}

  /** Returns the shared, configured mapper (thread-safe; do not reconfigure it). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads a model from JSON text.
   *
   * @param json the JSON
   * @param type the model type
   * @param <T> the model type
   * @return the model, never null
   * @throws ClerkResponseException (status 0) when the text is not JSON of that shape
   */
  public static <T> T read(String json, Class<T> type) {
    if (json == null || json.isBlank())
      throw new ClerkResponseException(
          0, "Expected JSON for " + name(type) + " but got nothing", null);
    try {
      return nonNull(MAPPER.readValue(json, type), type, 0);
    } catch (JsonProcessingException e) {
      throw unreadable(0, type, e);
    }
  }

  /**
   * Reads a model from a JSON tree node (such as the {@code response} of an envelope).
   *
   * @param node the node; JSON {@code null} or a missing node is rejected
   * @param type the model type
   * @param status the HTTP status, for the error
   * @param <T> the model type
   * @return the model, never null
   * @throws ClerkResponseException when the node is not of that shape
   */
  public static <T> T read(JsonNode node, Class<T> type, int status) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw new ClerkResponseException(
          status, "Expected " + name(type) + " in the response but it was missing", null);
    }
    try {
      return nonNull(MAPPER.treeToValue(node, type), type, status);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw unreadable(status, type, e);
    }
  }

  /**
   * Reads a JSON array node into an unmodifiable list.
   *
   * @param node a JSON array
   * @param type the element type
   * @param status the HTTP status, for the error
   * @param <T> the element type
   * @return the list, never null
   * @throws ClerkResponseException when the node is not an array of that shape
   */
  public static <T> List<T> readList(JsonNode node, Class<T> type, int status) {
    if (node == null || !node.isArray()) {
      throw new ClerkResponseException(
          status, "Expected a JSON array of " + name(type) + " in the response", null);
    }
    JavaType listType = MAPPER.getTypeFactory().constructCollectionType(List.class, type);
    try {
      List<T> list = MAPPER.readerFor(listType).readValue(node);
      return list == null ? List.of() : List.copyOf(list);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw unreadable(status, type, e);
    }
  }

  /**
   * Parses JSON text into a tree.
   *
   * @param json the JSON
   * @param status the HTTP status, for the error
   * @return the tree
   * @throws ClerkResponseException when the text is not JSON (truncated, HTML…)
   */
  public static JsonNode tree(String json, int status) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new ClerkResponseException(status, "The response body is empty", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ClerkResponseException(
          status, "The response body is not valid JSON (" + safe(e.getOriginalMessage()) + ")", e);
    }
  }

  /**
   * Writes a model as JSON text that {@link #read(String, Class)} reads back to an equal model.
   *
   * @param value the model
   * @return the JSON
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private static <T> T nonNull(T value, Class<T> type, int status) {
    if (value == null) {
      throw new ClerkResponseException(
          status, "Expected " + name(type) + " but the JSON was null", null);
    }
    return value;
  }

  private static ClerkResponseException unreadable(int status, Class<?> type, Exception e) {
    String detail =
        e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    if (root instanceof IllegalArgumentException && root != e) detail = root.getMessage();
    return new ClerkResponseException(
        status, "The response does not have the shape of " + name(type) + ": " + safe(detail), e);
  }

  /**
   * Keeps a parser message to its first line and blanks long quoted values (they could be secrets).
   */
  static String safe(String message) {
    if (message == null) return "no detail";
    String first = message.lines().findFirst().orElse("");
    return first.replaceAll("\"[^\"]{9,}\"", "\"…\"").replaceAll("'[^']{9,}'", "'…'");
  }

  private static String name(Class<?> type) {
    return type.getSimpleName();
  }
}
