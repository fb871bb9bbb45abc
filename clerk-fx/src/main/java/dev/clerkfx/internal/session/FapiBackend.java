package dev.clerkfx.internal.session;

import dev.clerkfx.PublishableKey;
import dev.clerkfx.internal.fapi.FapiClient;
import dev.clerkfx.internal.fapi.FapiFacts;
import dev.clerkfx.internal.fapi.FetchedToken;
import dev.clerkfx.internal.fapi.Form;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * The session manager's {@link Backend} over the real transport ({@link FapiClient}). The transport
 * (OkHttp client, device id) is made on first use, so a cold start publishes the stored state
 * before any of it is initialised.
 */
public final class FapiBackend implements Backend {
  private final String baseUrl;
  private final OkHttpClient http;
  private final Clock clock;
  private final String userAgent;
  private final FapiFacts facts;
  private volatile FapiClient fapi;

  private FapiBackend(
      String baseUrl, OkHttpClient http, Clock clock, String userAgent, FapiFacts facts) {
    this.baseUrl = baseUrl;
    this.http = http;
    this.clock = clock;
    this.userAgent = userAgent;
    this.facts = facts;
  }

  /**
   * Describes the transport for a publishable key; nothing is initialised until the first request.
   *
   * @param key the instance's key
   * @param proxyUrl a proxy base URL, or null
   * @param http the app's OkHttp client to build on, or null for the shared default
   * @param clock the clock
   * @param userAgent the {@code User-Agent} to send, or null for OkHttp's
   * @param facts the state machine that holds the client token and hears each response's facts
   * @return the backend
   * @throws dev.clerkfx.ClerkConfigurationException when the proxy URL is malformed
   */
  public static FapiBackend create(
      PublishableKey key,
      String proxyUrl,
      OkHttpClient http,
      Clock clock,
      String userAgent,
      FapiFacts facts) {
    return new FapiBackend(key.frontendApiUrl(proxyUrl), http, clock, userAgent, facts);
  }

  /** The transport, for the sign-in and sign-up verbs (made on first use). */
  public FapiClient fapi() {
    FapiClient f = fapi;
    if (f == null) {
      synchronized (this) {
        f = fapi;
        if (f == null) {
          FapiClient.Builder b = FapiClient.builder(baseUrl).clock(clock).facts(facts);
          if (userAgent != null) b.userAgent(userAgent);
          if (http != null) b.httpClient(http);
          f = b.build();
          fapi = f;
        }
      }
    }
    return f;
  }

  @Override
  public CompletableFuture<Environment> environment() {
    return fapi().environment();
  }

  @Override
  public CompletableFuture<Optional<Client>> fetchClient() {
    return fapi().getClient();
  }

  @Override
  public CompletableFuture<MintedToken> token(
      TokenKey key, boolean force, Optional<Client> client, Optional<Environment> environment) {
    CompletableFuture<FetchedToken> call;
    if (key.template() != null) {
      call = fapi().templateToken(key.sessionId(), key.template());
    } else {
      boolean minter = environment.map(env -> env.authConfig().sessionMinter()).orElse(false);
      Form.Builder extra = Form.builder();
      if (minter) {
        client
            .flatMap(c -> c.session(key.sessionId()))
            .flatMap(s -> s.lastActiveToken())
            .ifPresent(t -> extra.add("token", t.jwt()));
        if (force) extra.add("force_origin", Boolean.TRUE);
      }
      call = fapi().sessionToken(key.sessionId(), key.organizationId(), extra.build());
    }
    return call.thenApply(
        ft -> Tokens.decode(ft.token(), ft.serverDate().map(Instant::toEpochMilli).orElse(0L)));
  }

  @Override
  public CompletableFuture<Void> removeAllSessions(String clientToken) {
    return fapi().removeAllSessions(clientToken).thenApply(c -> null);
  }

  @Override
  public CompletableFuture<Void> removeSession(String sessionId) {
    return fapi().removeSession(sessionId).thenApply(s -> null);
  }

  @Override
  public CompletableFuture<Void> touchSession(String sessionId, String organizationId) {
    Form form =
        Form.builder()
            .add("active_organization_id", organizationId)
            .add("intent", "select_session")
            .build();
    return fapi().touchSession(sessionId, form).thenApply(s -> null);
  }

  @Override
  public CompletableFuture<User> me(String sessionId) {
    return fapi().getMe(sessionId);
  }
}
