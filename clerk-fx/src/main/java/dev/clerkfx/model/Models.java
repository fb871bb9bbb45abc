package dev.clerkfx.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Null-normalising helpers shared by the model records' compact constructors. */
final class Models {
  private Models() {}

  static <T> Optional<T> opt(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  static <T> List<T> list(List<T> value) {
    if (value == null || value.isEmpty()) return List.of();
    List<T> copy = new ArrayList<>(value.size());
    for (T item : value) {
      if (item != null) copy.add(item);
    }
    return Collections.unmodifiableList(copy);
  }

  static <V> Map<String, V> map(Map<String, V> value) {
    if (value == null || value.isEmpty()) return Map.of();
    Map<String, V> copy = new LinkedHashMap<>();
    value.forEach(
        (k, v) -> {
          if (k != null && v != null) copy.put(k, v);
        });
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Deep-freezes a JSON-like map (nested maps and lists become unmodifiable; null values are kept).
   */
  static Map<String, Object> metadata(Map<String, Object> value) {
    if (value == null || value.isEmpty()) return Map.of();
    return freezeMap(value);
  }

  private static Map<String, Object> freezeMap(Map<?, ?> value) {
    Map<String, Object> copy = new LinkedHashMap<>();
    value.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object freeze(Object v) {
    if (v instanceof Map<?, ?> m) return freezeMap(m);
    if (v instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object item : l) copy.add(freeze(item));
      return Collections.unmodifiableList(copy);
    }
    return v;
  }

  static String id(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " has no id");
    }
    return value;
  }

  static <E extends Enum<E>> E status(E value, E unknown) {
    return value == null ? unknown : value;
  }
}
