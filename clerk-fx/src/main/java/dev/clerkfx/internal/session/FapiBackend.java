package dev.clerkfx.internal.session;

import dev.clerkfx.PublishableKey;
import dev.clerkfx.internal.fapi.FapiClient;
import dev.clerkfx.internal.fapi.FapiJson;
import dev.clerkfx.internal.fapi.FetchedToken;
import dev.clerkfx.internal.fapi.Form;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** The session manager's {@link Backend} over the real transport ({@link FapiClient}). */
public final class FapiBackend implements Backend, AutoCloseable {
  private final FapiClient fapi;
  private volatile Supplier<Environment> environment = () -> null;
  /** The newest client, kept here so token requests never take the client sync's lock. */
  private volatile Optional<Client> latestClient = Optional.empty();

  FapiBackend(FapiClient fapi) {
    this.fapi = fapi;
    fapi.clientSync().addListener(c -> latestClient = c);
  }

  /**
   * Builds the transport for a publishable key.
   *
   * @param key the instance's key
   * @param proxyUrl a proxy base URL, or null
   * @param http the app's OkHttp client to build on, or null for the shared default
   * @param clock the clock
   * @param userAgent the {@code User-Agent} to send, or null for OkHttp's
   * @return the backend
   */
  public static FapiBackend create(PublishableKey key, String proxyUrl, OkHttpClient http, Clock clock,
      String userAgent) {
    FapiClient.Builder b = FapiClient.builder(key.frontendApiUrl(proxyUrl)).clock(clock);
    if (userAgent != null) b.userAgent(userAgent);
    if (http != null) b.httpClient(http);
    return new FapiBackend(b.build());
  }

  /** The transport, for the sign-in and sign-up verbs. */
  public FapiClient fapi() {
    return fapi;
  }

  /** Lets token requests follow the instance's {@code session_minter} setting. */
  void environmentSource(Supplier<Environment> source) {
    this.environment = source;
  }

  @Override
  public CompletableFuture<Environment> environment() {
    return fapi.environment();
  }

  @Override
  public CompletableFuture<Optional<Client>> fetchClient() {
    return fapi.getClient();
  }

  @Override
  public CompletableFuture<MintedToken> token(TokenKey key, boolean force) {
    CompletableFuture<FetchedToken> call;
    if (key.template() != null) {
      call = fapi.templateToken(key.sessionId(), key.template());
    } else {
      Environment env = environment.get();
      boolean minter = env != null && env.authConfig().sessionMinter();
      Form.Builder extra = Form.builder();
      if (minter) {
        latestClient.flatMap(c -> c.session(key.sessionId()))
            .flatMap(s -> s.lastActiveToken()).ifPresent(t -> extra.add("token", t.jwt()));
        if (force) extra.add("force_origin", Boolean.TRUE);
      }
      call = fapi.sessionToken(key.sessionId(), key.organizationId(), extra.build());
    }
    return call.thenApply(ft -> Tokens.decode(ft.token(), ft.serverDate().map(Instant::toEpochMilli).orElse(0L)));
  }

  @Override
  public CompletableFuture<Void> removeAllSessions() {
    return fapi.removeAllSessions().thenApply(c -> null);
  }

  @Override
  public CompletableFuture<Void> removeSession(String sessionId) {
    return fapi.removeSession(sessionId).thenApply(s -> null);
  }

  @Override
  public CompletableFuture<Void> touchSession(String sessionId, String organizationId) {
    Form form = Form.builder().add("active_organization_id", organizationId).add("intent", "select_session").build();
    return fapi.touchSession(sessionId, form).thenApply(s -> null);
  }

  @Override
  public CompletableFuture<User> me(String sessionId) {
    return fapi.getMe(sessionId);
  }

  @Override
  public Optional<Client> client() {
    return fapi.clientSync().current();
  }

  @Override
  public void replaceClient(Client client) {
    fapi.clientSync().reset(client);
  }

  @Override
  public void onClientChanged(ClientListener listener) {
    fapi.clientSync().addListener(c -> listener.clientChanged(c,
        fapi.clientSync().newestServerTime().map(Instant::toEpochMilli).orElse(0L)));
  }

  @Override
  public Optional<String> clientToken() {
    return fapi.tokens().current();
  }

  @Override
  public void setClientToken(String token) {
    fapi.tokens().set(token);
  }

  @Override
  public void onClientTokenChanged(Consumer<Optional<String>> listener) {
    fapi.tokens().addListener(listener);
  }

  @Override
  public String writeSnapshot(PersistedSnapshot snapshot) {
    return FapiJson.write(snapshot);
  }

  @Override
  public PersistedSnapshot readSnapshot(String json) {
    return FapiJson.read(json, PersistedSnapshot.class);
  }

  @Override
  public void close() {
    // The OkHttp client may be the app's or the shared default: its pool and dispatcher are not ours to stop.
  }
}
