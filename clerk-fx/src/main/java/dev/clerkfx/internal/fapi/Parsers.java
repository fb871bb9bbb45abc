package dev.clerkfx.internal.fapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clerkfx.ClerkResponseException;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.Token;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Envelope unwrapping: how each endpoint's successful body becomes its result. */
final class Parsers {
  private Parsers() {}

  /** Turns a parsed successful body into a result. */
  interface Parser<T> {
    T parse(JsonNode root, int status, Instant serverDate);
  }

  /** {@code {"response": T, "client": …}}. */
  static <T> Parser<T> wrapped(Class<T> type) {
    return (root, status, date) -> {
      requireEnvelope(root, status, type);
      return FapiJson.read(root.get("response"), type, status);
    };
  }

  /** {@code {"response": Client|null, "client": …}}: null means no client. */
  static Parser<Optional<Client>> optionalClient() {
    return (root, status, date) -> {
      requireEnvelope(root, status, Client.class);
      JsonNode response = root.get("response");
      return response.isNull()
          ? Optional.empty()
          : Optional.of(FapiJson.read(response, Client.class, status));
    };
  }

  /** Not wrapped: the body is the resource ({@code /v1/environment}). */
  static <T> Parser<T> unwrapped(Class<T> type) {
    return (root, status, date) -> FapiJson.read(root, type, status);
  }

  /** A plain JSON array ({@code /v1/me/sessions/active}); tolerates a wrapped array too. */
  static <T> Parser<List<T>> list(Class<T> type) {
    return (root, status, date) ->
        FapiJson.readList(root.isObject() ? root.path("response") : root, type, status);
  }

  /**
   * A wrapped list: {@code {"response": [T…]}} or a paginated {@code {"response": {"data": [T…],
   * "total_count": n}}}.
   */
  static <T> Parser<List<T>> wrappedList(Class<T> type) {
    return (root, status, date) -> {
      requireEnvelope(root, status, type);
      JsonNode response = root.get("response");
      return FapiJson.readList(
          response.isObject() ? response.path("data") : response, type, status);
    };
  }

  /**
   * A wrapped answer whose content the caller does not need (the piggybacked client still syncs).
   */
  static Parser<Void> ignored() {
    return (root, status, date) -> {
      requireEnvelope(root, status, Void.class);
      return null;
    };
  }

  /** {@code {"object":"token","jwt":"…"}} (not wrapped), with the response {@code Date}. */
  static Parser<FetchedToken> token() {
    return (root, status, date) -> {
      JsonNode node =
          root.isObject() && root.has("response") && !root.has("jwt") ? root.get("response") : root;
      if (!node.isObject()
          || !node.path("jwt").isTextual()
          || node.path("jwt").asText().isBlank()) {
        throw new ClerkResponseException(status, "The token response has no jwt", null);
      }
      return new FetchedToken(FapiJson.read(node, Token.class, status), Optional.ofNullable(date));
    };
  }

  private static void requireEnvelope(JsonNode root, int status, Class<?> type) {
    if (!root.isObject() || !root.has("response")) {
      throw new ClerkResponseException(
          status,
          "Expected a {\"response\": "
              + type.getSimpleName()
              + "} envelope but the body has no response",
          null);
    }
  }
}
