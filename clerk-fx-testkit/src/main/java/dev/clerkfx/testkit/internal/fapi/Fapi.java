package dev.clerkfx.testkit.internal.fapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clerkfx.testkit.internal.server.Errors;
import dev.clerkfx.testkit.internal.server.FapiException;
import dev.clerkfx.testkit.internal.server.Json;
import dev.clerkfx.testkit.internal.server.Request;
import dev.clerkfx.testkit.internal.server.Response;
import dev.clerkfx.testkit.internal.server.Router;
import dev.clerkfx.testkit.internal.state.EmulatorConfig;
import dev.clerkfx.testkit.internal.state.Records;
import dev.clerkfx.testkit.internal.state.Store;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The emulated Frontend API: shared helpers (client lookup, envelopes, token rotation) and the
 * route table.
 *
 * <p>Client token policy: the emulator reads the client token from the {@code Authorization} header
 * (raw, or with a {@code Bearer } prefix) whether or not {@code _is_native} is sent. An empty
 * header means "no client". A value that is not JWT-shaped is refused with 401 {@code
 * authentication_invalid}; a JWT-shaped token the emulator does not know (another run, an ended
 * client) counts as no client, so {@code GET /v1/client} answers {@code
 * {"response":null,"client":null}}; hosted-auth creation with an ended client's token answers 401
 * {@code signed_out} with a replacement client token, as real FAPI does. A new token is sent in the
 * {@code Authorization} response header when a client is created and on every authentication state
 * change (sign-in or sign-up completion, nonce or hosted-auth redemption); older tokens of the same
 * client stay valid until the client is deleted, so requests in flight during a rotation do not
 * fail.
 */
public final class Fapi {
  final Store store;
  final Render render;
  final TokenService tokens;
  final RateLimiter limiter;
  final String fapiUrl;
  private final byte[] environment;

  /**
   * Makes the FAPI.
   *
   * @param store the state
   * @param tokens token minting
   * @param fapiUrl the emulator's base URL
   */
  public Fapi(Store store, TokenService tokens, String fapiUrl) {
    this.store = store;
    this.tokens = tokens;
    this.fapiUrl = fapiUrl;
    this.render = new Render(store, fapiUrl);
    this.limiter = new RateLimiter(store.clock(), store.config().rateLimits());
    this.environment = Json.bytes(environment(store.config(), fapiUrl));
  }

  /**
   * Returns the renderer.
   *
   * @return the renderer
   */
  public Render render() {
    return render;
  }

  /**
   * Registers every FAPI route.
   *
   * @param router the router
   */
  public void register(Router router) {
    router.add("GET", "/v1/environment", r -> Response.jsonBytes(200, environment.clone()));
    router.add("GET", "/.well-known/jwks.json", r -> jwks());
    new ClientRoutes(this).register(router);
    new SignInFlow(this).register(router);
    new SignUpFlow(this).register(router);
    new SessionRoutes(this).register(router);
    new ExternalAuth(this).register(router);
    new EmailLinks(this).register(router);
    new AccountRoutes(this).register(router);
    new ReverificationRoutes(this).register(router);
    new OrganizationRoutes(this).register(router);
    router.add("GET", "/v1/avatars/{file}", this::avatar);
    router.add(
        "GET",
        "/v1/health",
        r -> {
          ObjectNode o = Json.object();
          o.put("status", "healthy");
          return Response.json(200, o);
        });
  }

  Response jwks() {
    return Response.jsonBytes(200, tokens.jwksJson().getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- clients

  /**
   * Returns the client the request's token names, if any (call under the store lock).
   *
   * @param r the request
   * @return the client
   * @throws FapiException 401 {@code authentication_invalid} for a malformed token
   */
  Optional<Records.Client> client(Request r) {
    String auth = r.header("authorization").orElse("").trim();
    if (auth.isEmpty() || auth.equalsIgnoreCase("Bearer")) {
      return Optional.empty();
    }
    if (!Store.wellFormedToken(auth)) {
      throw Errors.authenticationInvalid();
    }
    Optional<Records.Client> c = store.clientForToken(auth);
    c.ifPresent(x -> noteUserAgent(x, r));
    return c;
  }

  /** Remembers the client's {@code User-Agent}: its sessions' latest activity. */
  private static void noteUserAgent(Records.Client c, Request r) {
    r.header("user-agent").ifPresent(ua -> c.userAgent = ua);
  }

  /** Returns the request's client or fails with 401 {@code signed_out}. */
  Records.Client requireClient(Request r) {
    return client(r).orElseThrow(Errors::signedOut);
  }

  /** The client a mutating request works on, and the new token to send if one was created. */
  record ClientAndToken(Records.Client client, String newToken) {}

  /** Returns the request's client, creating one (with a token to send back) when there is none. */
  ClientAndToken clientOrCreate(Request r) {
    Optional<Records.Client> c = client(r);
    if (c.isPresent()) {
      return new ClientAndToken(c.get(), null);
    }
    Records.Client created = store.newClient();
    noteUserAgent(created, r);
    return new ClientAndToken(created, store.issueClientToken(created));
  }

  /**
   * Like {@link #clientOrCreate}, but a token of a client that has ended (signed out with {@code
   * DELETE /v1/client}) fails with 401 {@code signed_out} carrying a new client's token in {@code
   * Authorization}, as real FAPI answers hosted-auth creation: the caller retries once with it
   * (clerk-android, {@code @clerk/electron}). The spec lists no 401 for the sign-in and sign-up
   * creations, which keep creating a client silently.
   */
  ClientAndToken liveClientOrCreate(Request r) {
    ClientAndToken ct = clientOrCreate(r);
    String sent = r.header("authorization").orElse("").trim();
    if (ct.newToken() != null && !sent.isEmpty() && store.clientIdForToken(sent) != null) {
      throw Errors.signedOut().header("Authorization", ct.newToken());
    }
    return ct;
  }

  /**
   * Answers 200 with an envelope, adding the {@code Authorization} header when a token was issued.
   *
   * @param body the body
   * @param newToken the token to send, or null
   * @return the response
   */
  static Response ok(JsonNode body, String newToken) {
    Response resp = Response.json(200, body);
    if (newToken != null) {
      resp.setHeader("Authorization", newToken);
    }
    return resp;
  }

  /**
   * Adds the client to an error ({@code meta.client}, as FAPI piggybacks it) and the new token, if
   * any.
   *
   * @param e the error
   * @param c the client
   * @param newToken a token issued during the failed request, or null
   * @return the error
   */
  FapiException withClient(FapiException e, Records.Client c, String newToken) {
    if (c != null && !c.ended) {
      e.topMeta().set("client", render.client(c));
    }
    if (newToken != null) {
      e.header("Authorization", newToken);
    }
    return e;
  }

  /**
   * Returns the session a {@code /v1/me} call acts for: {@code _clerk_session_id}, else the
   * client's last active one; fails with 401 {@code signed_out} when it is not an active session of
   * this client.
   *
   * @param r the request
   * @param c the client
   * @return the session
   */
  Records.Session meSession(Request r, Records.Client c) {
    String sid = r.nonBlank("_clerk_session_id").orElse(c.lastActiveSessionId);
    Records.Session s = sid == null ? null : store.sessions.get(sid);
    if (s == null || !s.clientId.equals(c.id) || !"active".equals(store.status(s))) {
      throw Errors.signedOut();
    }
    return s;
  }

  /** Finds a user or fails. */
  Records.User user(String id) {
    Records.User u = store.users.get(id);
    if (u == null || u.deleted) {
      throw Errors.notFound("User");
    }
    return u;
  }

  // ---------------------------------------------------------------- environment

  private static ObjectNode environment(EmulatorConfig config, String fapiUrl) {
    try (InputStream in = Fapi.class.getResourceAsStream("environment.json")) {
      if (in == null) {
        throw new IllegalStateException("environment.json missing from the testkit jar");
      }
      ObjectNode env = (ObjectNode) Json.MAPPER.readTree(in);
      ObjectNode auth = (ObjectNode) env.get("auth_config");
      auth.put("single_session_mode", !config.multiSession());
      auth.put("test_mode", config.testMode());
      ObjectNode display = (ObjectNode) env.get("display_config");
      display.put("application_name", config.applicationName());
      display.put("instance_environment_type", config.production() ? "production" : "development");
      ObjectNode userSettings = (ObjectNode) env.get("user_settings");
      ((ObjectNode) userSettings.get("sign_up"))
          .put("legal_consent_enabled", config.legalConsent());
      if (config.emailLinkSignIn()) {
        ((ArrayNode) auth.get("first_factors")).add("email_link");
        ((ArrayNode) userSettings.get("attributes").get("email_address").get("first_factors"))
            .add("email_link");
      }
      var names = new java.util.ArrayList<String>();
      display.fieldNames().forEachRemaining(names::add);
      for (String k : names) {
        JsonNode v = display.get(k);
        if (k.endsWith("_url") && v.isTextual() && v.asText().startsWith("http://127.0.0.1/")) {
          display.put(k, fapiUrl + "/");
        }
      }
      return env;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- avatars

  private Response avatar(Request r) {
    String file = r.pathParam("file");
    if (!file.endsWith(".png")) {
      throw Errors.notFound("Image");
    }
    int hash = file.hashCode();
    Color color = Color.getHSBColor((hash & 0xffff) / 65535f, 0.55f, 0.85f);
    BufferedImage img = new BufferedImage(128, 128, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(color);
      g.fillOval(0, 0, 128, 128);
      g.setColor(Color.WHITE);
      g.fillOval(40, 22, 48, 48);
      g.fillOval(20, 78, 88, 70);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Response.bytes("image/png", out.toByteArray())
        .header("Cache-Control", "public, max-age=86400");
  }
}
