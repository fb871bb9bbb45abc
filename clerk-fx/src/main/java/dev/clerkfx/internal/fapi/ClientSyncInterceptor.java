package dev.clerkfx.internal.fapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clerkfx.ClerkException;
import dev.clerkfx.model.Client;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends every client snapshot a response carries to {@link ClientSync}, stamped with the response {@code Date}:
 * <ul>
 *   <li>a {@code response} that is a client ({@code "object":"client"}: {@code /v1/client}, {@code DELETE
 *       /v1/client/sessions}, the nonce redeem) replaces the client; a {@code null} {@code response} from
 *       {@code /v1/client} or {@code /v1/client/sessions} clears it;
 *   <li>otherwise a piggybacked {@code client} object replaces it; {@code "client": null} is ignored when a
 *       {@code response} key is present and clears the client when not (Android's rule);
 *   <li>on error bodies, {@code meta.client} replaces it.
 * </ul>
 * Bodies that are not JSON, or snapshots that cannot be read, are left alone here (the caller reports them).
 */
public final class ClientSyncInterceptor implements Interceptor {
  /** Larger bodies are not inspected (a client is a few kilobytes). */
  static final long MAX_PEEK_BYTES = 4L * 1024 * 1024;

  private final ClientSync sync;

  /**
   * Creates the interceptor.
   *
   * @param sync the client owner
   */
  public ClientSyncInterceptor(ClientSync sync) {
    this.sync = Objects.requireNonNull(sync, "sync");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    MediaType type = body.contentType();
    if (type != null && !isJson(type)) return response;
    String text = response.peekBody(MAX_PEEK_BYTES).string();
    if (text.isBlank()) return response;
    JsonNode root;
    try {
      root = FapiJson.tree(text, response.code());
    } catch (ClerkException e) {
      return response;
    }
    Date date = response.headers().getDate("Date");
    apply(root, chain.request().url().encodedPath(), date == null ? null : date.toInstant(), response.code());
    return response;
  }

  /**
   * Applies whatever client snapshot a parsed body carries.
   *
   * @param root the parsed body
   * @param path the request path, such as {@code /v1/client}
   * @param serverTime the response {@code Date}, or null
   * @param status the HTTP status
   */
  void apply(JsonNode root, String path, Instant serverTime, int status) {
    if (!root.isObject()) return;
    try {
      if (FapiErrors.isErrorBody(root)) {
        JsonNode metaClient = root.path("meta").path("client");
        if (metaClient.isObject()) sync.apply(FapiJson.read(metaClient, Client.class, status), serverTime);
        return;
      }
      JsonNode response = root.path("response");
      if (response.isObject() && "client".equals(response.path("object").asText())) {
        sync.apply(FapiJson.read(response, Client.class, status), serverTime);
        return;
      }
      if (response.isNull() && isClientPath(path)) {
        sync.apply(null, serverTime);
        return;
      }
      JsonNode client = root.path("client");
      if (client.isObject()) {
        sync.apply(FapiJson.read(client, Client.class, status), serverTime);
      } else if (client.isNull() && !root.has("response")) {
        sync.apply(null, serverTime);
      }
    } catch (ClerkException e) {
      FapiLog.LOG.log(System.Logger.Level.WARNING, "Ignoring an unreadable client snapshot: " + e.getMessage());
    }
  }

  private static boolean isClientPath(String path) {
    return path.endsWith("/v1/client") || path.endsWith("/v1/client/sessions");
  }

  static boolean isJson(MediaType type) {
    return type.subtype().equalsIgnoreCase("json") || type.subtype().toLowerCase(Locale.ROOT).endsWith("+json");
  }
}
