package dev.clerkfx.testkit.internal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The emulator's one Jackson mapper and node helpers. */
public final class Json {
  /** The shared mapper (thread-safe once configured). */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /**
   * Returns a new empty object node.
   *
   * @return a new empty object node
   */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /**
   * Returns a new empty array node.
   *
   * @return a new empty array node
   */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * Serializes a node to UTF-8 bytes.
   *
   * @param node the node
   * @return the bytes
   */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses JSON text.
   *
   * @param text the text
   * @return the node
   * @throws IllegalArgumentException when the text is not JSON
   */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Converts a plain Java value (map, list, string, number, boolean) to a node.
   *
   * @param value the value
   * @return the node
   */
  public static JsonNode valueToTree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
