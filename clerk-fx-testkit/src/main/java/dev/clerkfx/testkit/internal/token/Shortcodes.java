package dev.clerkfx.testkit.internal.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates JWT-template claims the way Clerk's docs ({@code
 * docs/guides/sessions/jwt-templates.mdx}) describe shortcodes. The supported subset:
 *
 * <ul>
 *   <li>a string that is exactly one {@code {{expr}}} becomes the expression's value with its own
 *       JSON type ({@code "{{user.public_metadata}}"} becomes an object);
 *   <li>shortcodes inside a longer string are interpolated; {@code null} prints as {@code null},
 *       objects and arrays as JSON ({@code "{{user.last_name}} {{user.first_name}}"});
 *   <li>an expression is a dot path in the namespaces {@code user}, {@code org} and {@code session}
 *       ({@code user.public_metadata.addresses.Home}); an unknown path is {@code null};
 *   <li>{@code a || b || 'literal'} picks the first operand that is neither {@code null} nor {@code
 *       false}, else the last; literals are single-quoted strings, numbers, {@code true}, {@code
 *       false} and {@code null};
 *   <li>maps and lists are evaluated recursively; other values are kept as they are.
 * </ul>
 *
 * Not supported: Clerk's other functions and operators (they evaluate to {@code null}).
 */
final class Shortcodes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Shortcodes() {}

  /**
   * Evaluates a template value against the namespaces.
   *
   * @param template a claim value from a template
   * @param namespaces {@code user}, {@code org}, {@code session} → attribute maps
   * @return the evaluated value
   */
  static Object evaluate(Object template, Map<String, Object> namespaces) {
    if (template instanceof String s) {
      return evaluateString(s, namespaces);
    }
    if (template instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), evaluate(v, namespaces)));
      return out;
    }
    if (template instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(evaluate(v, namespaces)));
      return out;
    }
    return template;
  }

  private static Object evaluateString(String s, Map<String, Object> ns) {
    int open = s.indexOf("{{");
    if (open < 0) {
      return s;
    }
    String trimmed = s.strip();
    if (trimmed.startsWith("{{") && trimmed.endsWith("}}") && trimmed.indexOf("{{", 2) < 0) {
      return expression(trimmed.substring(2, trimmed.length() - 2), ns);
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (open >= 0) {
      int close = s.indexOf("}}", open + 2);
      if (close < 0) {
        break;
      }
      out.append(s, from, open);
      out.append(print(expression(s.substring(open + 2, close), ns)));
      from = close + 2;
      open = s.indexOf("{{", from);
    }
    out.append(s.substring(from));
    return out.toString();
  }

  private static String print(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return String.valueOf(value);
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static Object expression(String expr, Map<String, Object> ns) {
    List<String> operands = splitOr(expr);
    Object value = null;
    for (int i = 0; i < operands.size(); i++) {
      value = operand(operands.get(i).strip(), ns);
      boolean falsy = value == null || Boolean.FALSE.equals(value);
      if (!falsy) {
        return value;
      }
    }
    return value;
  }

  private static List<String> splitOr(String expr) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '|' && i + 1 < expr.length() && expr.charAt(i + 1) == '|') {
        parts.add(expr.substring(start, i));
        start = i + 2;
        i++;
      }
    }
    parts.add(expr.substring(start));
    return parts;
  }

  private static Object operand(String op, Map<String, Object> ns) {
    if (op.length() >= 2 && op.startsWith("'") && op.endsWith("'")) {
      return op.substring(1, op.length() - 1);
    }
    switch (op) {
      case "true":
        return true;
      case "false":
        return false;
      case "null":
      case "":
        return null;
      default:
        break;
    }
    if (op.matches("-?\\d+")) {
      try {
        return Long.parseLong(op);
      } catch (NumberFormatException e) {
        return Double.parseDouble(op);
      }
    }
    if (op.matches("-?\\d+\\.\\d+([eE][-+]?\\d+)?")) {
      return Double.parseDouble(op);
    }
    Object current = ns;
    for (String segment : op.split("\\.", -1)) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(segment);
    }
    return current;
  }
}
