package dev.clerkfx.testkit.fidelity;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clerkfx.testsupport.SharedReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates HTTP responses against Clerk's Frontend API OpenAPI spec ({@code
 * ../shared/spec/clerk-fapi-openapi.yml}, version 2026-05-12) with {@code
 * swagger-request-validator-core}.
 *
 * <p>The spec is parsed once per JVM ({@link #get()}, a lazy holder): a few seconds. Three
 * in-memory adjustments, each undoing a validator limitation rather than relaxing the spec:
 *
 * <ul>
 *   <li>every {@code discriminator} key is removed (one schema's discriminator property is not
 *       {@code required}, and the validator then rejects every response reaching it;
 *       build-notes.md);
 *   <li>{@code allOf} compositions are merged ({@code withResolveCombinators}): the validator
 *       treats properties a schema does not declare as forbidden, so {@code Client.Session =
 *       allOf[SessionBase, {...}]} could otherwise never validate;
 *   <li>{@code nullable: true} next to a combinator is kept meaningful (see {@code
 *       nullableCombinators});
 *   <li>a property a schema lists in {@code required} but forgets to declare (3 places, among them
 *       {@code Client.User.enterprise_accounts}) is declared as any JSON value, so it is not at the
 *       same time required and forbidden.
 * </ul>
 *
 * Strictness kept on purpose: a property the spec does not declare is a violation (the validator's
 * default), so the emulator cannot drift into fields real FAPI responses of this version don't
 * have.
 */
final class SpecValidator {
  static final String SPEC = "spec/clerk-fapi-openapi.yml";
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  /** One operation of the spec. */
  record Operation(
      String method,
      String pathTemplate,
      String operationId,
      Pattern pattern,
      int literalSegments) {
    @Override
    public String toString() {
      return method + " " + pathTemplate + " (" + operationId + ")";
    }
  }

  /** One problem the validator found in a response. */
  record Violation(String key, String message) {
    @Override
    public String toString() {
      return key + ": " + message;
    }
  }

  private final OpenApiInteractionValidator validator;
  private final List<Operation> operations;

  private SpecValidator(Path spec) {
    try {
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
      JsonNode tree = yaml.readTree(spec.toFile());
      stripDiscriminators(tree);
      declareRequiredProperties(tree);
      nullableCombinators(tree);
      this.operations = operationsOf(tree);
      String json = new ObjectMapper().writeValueAsString(tree);
      this.validator =
          OpenApiInteractionValidator.createForInlineApiSpecification(json)
              .withResolveCombinators(true)
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the OpenAPI spec " + spec, e);
    }
  }

  private static final class Holder {
    static final SpecValidator INSTANCE =
        new SpecValidator(SharedReference.find().orElseThrow().resolve(SPEC));
  }

  /**
   * Returns the JVM's validator; skips the calling test (JUnit assumption) when {@code ../shared}
   * is absent.
   */
  static SpecValidator get() {
    SharedReference.require(SPEC);
    return Holder.INSTANCE;
  }

  /** Returns every operation of the spec (method + path template). */
  List<Operation> operations() {
    return operations;
  }

  /**
   * Returns the spec operation a concrete request hits; literal segments beat {@code {params}} when
   * both match.
   *
   * @param method the HTTP method
   * @param path the request path without query
   */
  Optional<Operation> operation(String method, String path) {
    String m = method.toLowerCase(Locale.ROOT);
    return operations.stream()
        .filter(o -> o.method().equals(m) && o.pattern().matcher(path).matches())
        .max(Comparator.comparingInt(Operation::literalSegments));
  }

  /**
   * Validates one response.
   *
   * @param method the request method
   * @param path the request path, without query string
   * @param status the response status
   * @param contentType the response Content-Type (may be {@code null})
   * @param body the response body (may be {@code null} or empty)
   * @return the violations at level ERROR; empty when the response conforms
   */
  List<Violation> validate(
      String method, String path, int status, String contentType, String body) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    if (contentType != null) {
      response.withContentType(contentType);
    }
    if (body != null && !body.isEmpty()) {
      response.withBody(body);
    }
    ValidationReport report =
        validator.validateResponse(
            path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
    List<Violation> out = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        collect(message, out);
      }
    }
    return out;
  }

  private static void collect(ValidationReport.Message message, List<Violation> out) {
    StringBuilder text = new StringBuilder(message.getMessage());
    appendNested(message, text, 0);
    String flat = text.toString().replaceAll("\\s+", " ");
    out.add(
        new Violation(
            message.getKey(), flat.length() > 2000 ? flat.substring(0, 2000) + "…" : flat));
  }

  private static void appendNested(
      ValidationReport.Message message, StringBuilder text, int depth) {
    if (depth > 3) {
      return;
    }
    for (ValidationReport.Message nested : message.getNestedMessages()) {
      String m = nested.getMessage();
      if (m.endsWith("not found in enum (possible values: [null])")) {
        continue; // the null branch of a nullable combinator (see nullableCombinators): noise
      }
      if (m.contains("Instance value (") && m.length() > 300) {
        continue; // repeats the whole instance
      }
      text.append(" | ").append(m.length() > 400 ? m.substring(0, 400) + "…" : m);
      appendNested(nested, text, depth + 1);
    }
  }

  private static void stripDiscriminators(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("discriminator");
      object.elements().forEachRemaining(SpecValidator::stripDiscriminators);
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(SpecValidator::stripDiscriminators);
    }
  }

  /**
   * Rewrites {@code {nullable: true, allOf|oneOf|anyOf: […]}} (Clerk's idiom for "this object or
   * null", 88 places) into {@code {anyOf: [{allOf|oneOf|anyOf: […]}, {type: object, nullable: true,
   * enum: [null]}]}}: the validator drops {@code nullable} when it merges combinators, so without
   * this every {@code null} such a property holds (for example {@code client.sign_in} when no
   * sign-in is in progress) would be reported although the spec allows it.
   */
  private static void nullableCombinators(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.elements().forEachRemaining(SpecValidator::nullableCombinators);
      if (object.path("nullable").asBoolean(false)) {
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
          if (object.has(combinator)) {
            ObjectNode inner = object.objectNode();
            inner.set(combinator, object.remove(combinator));
            object.remove("nullable");
            object.remove("type");
            ObjectNode nullOnly = object.objectNode();
            nullOnly.put("type", "object").put("nullable", true).putArray("enum").addNull();
            object.putArray("anyOf").add(inner).add(nullOnly);
            break;
          }
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(SpecValidator::nullableCombinators);
    }
  }

  /**
   * Declares every property a schema requires without declaring it, as "any JSON value" ({@code {}}
   * would not do: the parser reads an empty schema as an object schema).
   */
  private static void declareRequiredProperties(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.get("required") instanceof ArrayNode required
          && object.get("properties") instanceof ObjectNode props) {
        for (JsonNode name : required) {
          if (!props.has(name.asText())) {
            ObjectNode any = props.putObject(name.asText());
            any.put("nullable", true);
            ArrayNode types = any.putArray("anyOf");
            types.addObject().put("type", "array").putObject("items").put("type", "object");
            for (String type : List.of("object", "string", "number", "boolean")) {
              types.addObject().put("type", type);
            }
          }
        }
      }
      object.elements().forEachRemaining(SpecValidator::declareRequiredProperties);
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(SpecValidator::declareRequiredProperties);
    }
  }

  private static List<Operation> operationsOf(JsonNode tree) {
    List<Operation> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : tree.path("paths").properties()) {
      String template = path.getKey();
      StringBuilder regex = new StringBuilder();
      int literal = 0;
      for (String segment : template.substring(1).split("/", -1)) {
        regex.append('/');
        if (segment.matches("\\{[^}]+}")) {
          regex.append("[^/]+");
        } else if (segment.contains("{")) { // e.g. {saml_connection_id}.xml
          regex.append(Pattern.quote(segment).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
          literal++;
        } else {
          regex.append(Pattern.quote(segment));
          literal++;
        }
      }
      Pattern pattern = Pattern.compile(regex.toString());
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        if (METHODS.contains(method.getKey())) {
          out.add(
              new Operation(
                  method.getKey(),
                  template,
                  method.getValue().path("operationId").asText(),
                  pattern,
                  literal));
        }
      }
    }
    return List.copyOf(out);
  }
}
