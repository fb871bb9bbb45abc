package dev.clerkfx.internal.fapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkConfigurationException;
import dev.clerkfx.ClerkException;
import dev.clerkfx.ClerkNetworkException;
import dev.clerkfx.ClerkResponseException;
import dev.clerkfx.ClerkUsageException;
import dev.clerkfx.PublishableKey;
import dev.clerkfx.model.ActiveSession;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.DeletedObject;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.Organization;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.SessionVerification;
import dev.clerkfx.model.SignIn;
import dev.clerkfx.model.SignUp;
import dev.clerkfx.model.User;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Speaks Clerk's Frontend API as the native SDKs do: one method per endpoint a client needs
 * (protocol doc §5.1–5.8, 5.10), each returning a {@link CompletableFuture} completed on an OkHttp
 * dispatcher thread. Every failure is a {@link ClerkException}: {@link ClerkApiException} (FAPI
 * error body, or 429), {@link ClerkNetworkException} (no usable answer), {@link
 * ClerkResponseException} (an answer that is not FAPI JSON of the expected shape).
 *
 * <p>The native query and headers and the redacting log are OkHttp interceptors added to a client
 * derived from the app's (or the default) client, with redirects off: the Frontend API never
 * redirects, and following one would re-send a form (password included) to another host. Each
 * response is read once, at most {@link #MAX_BODY_BYTES}, in {@link #handle}: its rotated client
 * token and piggybacked client go to {@link FapiFacts} (only from a response of the configured base
 * URL) before the caller's future completes; the result is parsed from the same tree.
 *
 * <pre>{@code
 * FapiClient fapi = FapiClient.builder(PublishableKey.parse(pk).frontendApiUrl()).facts(stateMachine).build();
 * fapi.environment().thenAccept(env -> ...);
 * }</pre>
 *
 * <p>Form parameters are passed as {@link Form}s with FAPI's snake_case field names (protocol doc
 * §5).
 */
public final class FapiClient {
  /** Default connect timeout. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default read and write timeout. */
  public static final Duration READ_WRITE_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The whole-call deadline of every FAPI call (connect, send, wait and read the whole body): an
   * app's client with a longer one, or none, gets this one, so a stalled or dribbling response
   * never holds callers for a minute.
   */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

  /**
   * Larger bodies are refused unread (a client is a few kilobytes, the environment a few dozen).
   */
  public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

  /** The whole-call deadline of a file upload (a profile image over a slow uplink). */
  public static final Duration UPLOAD_CALL_TIMEOUT = Duration.ofMinutes(2);

  private static volatile OkHttpClient defaultHttpClient;

  private final HttpUrl base;
  private final OkHttpClient http;
  private final FapiFacts facts;
  private final Clock clock;

  private FapiClient(Builder b) {
    this.base = b.base;
    this.facts = b.facts;
    this.clock = b.clock;
    this.http =
        b.httpClient
            .newBuilder()
            .callTimeout(callDeadlineMillis(b.httpClient), TimeUnit.MILLISECONDS)
            .followRedirects(false)
            .followSslRedirects(false)
            .addInterceptor(
                new NativeRequestInterceptor(facts, b.deviceId, b.sdkVersion, b.userAgent))
            .addInterceptor(new RedactingLoggingInterceptor())
            .build();
  }

  /**
   * The app's whole-call timeout when it is set and shorter than {@link #CALL_TIMEOUT}, else that.
   */
  private static long callDeadlineMillis(OkHttpClient base) {
    int own = base.callTimeoutMillis(); // 0 = none
    return own > 0 ? Math.min(own, CALL_TIMEOUT.toMillis()) : CALL_TIMEOUT.toMillis();
  }

  /**
   * Starts a builder.
   *
   * @param baseUrl the FAPI base URL (from {@link PublishableKey#frontendApiUrl(String)}), without
   *     {@code /v1}
   * @return the builder
   * @throws ClerkConfigurationException when the URL is not usable
   */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /**
   * Returns the shared default OkHttp client: connect 10 s, read/write 30 s, whole call 20 s, and a
   * dispatcher on daemon threads, so idle connections and threads never keep a finished app's JVM
   * alive. Apps that pass their own client keep its timeouts (a whole-call timeout above 20 s is
   * lowered to 20 s) and threads; FAPI clients built from one base client share its pool and
   * threads.
   */
  public static OkHttpClient defaultHttpClient() {
    OkHttpClient c = defaultHttpClient;
    if (c == null) {
      synchronized (FapiClient.class) {
        c = defaultHttpClient;
        if (c == null) {
          java.util.concurrent.ThreadPoolExecutor threads =
              new java.util.concurrent.ThreadPoolExecutor(
                  0,
                  Integer.MAX_VALUE,
                  60,
                  TimeUnit.SECONDS,
                  new java.util.concurrent.SynchronousQueue<>(),
                  r -> {
                    Thread t = new Thread(r, "clerk-fx-http");
                    t.setDaemon(true);
                    return t;
                  });
          c =
              new OkHttpClient.Builder()
                  .dispatcher(new okhttp3.Dispatcher(threads))
                  .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                  .readTimeout(READ_WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                  .writeTimeout(READ_WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                  .callTimeout(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                  .build();
          defaultHttpClient = c;
        }
      }
    }
    return c;
  }

  /** Returns the OkHttp client with this client's interceptors (for tests and tools). */
  public OkHttpClient httpClient() {
    return http;
  }

  /** Returns the FAPI base URL. */
  public HttpUrl baseUrl() {
    return base;
  }

  // ---- 5.1 Environment and client

  /** {@code GET /v1/environment} (not wrapped). */
  public CompletableFuture<Environment> environment() {
    return send(get(url("environment")), Parsers.unwrapped(Environment.class));
  }

  /** {@code GET /v1/client}: the client, or empty when there is none (no token, or signed out). */
  public CompletableFuture<Optional<Client>> getClient() {
    return send(get(url("client")), Parsers.optionalClient());
  }

  /** {@code POST /v1/client}: creates a new client; its token arrives in {@code Authorization}. */
  public CompletableFuture<Client> createClient() {
    return send(post(url("client"), Form.empty()), Parsers.wrapped(Client.class));
  }

  /** {@code DELETE /v1/client}: ends every session of the client; returns what is left of it. */
  public CompletableFuture<Optional<Client>> deleteClient() {
    return send(delete(url("client")), Parsers.optionalClient());
  }

  // ---- 5.2 Sign-in

  /**
   * {@code POST /v1/client/sign_ins}.
   *
   * @param form {@code identifier}, {@code strategy}, {@code password}, {@code ticket}, {@code
   *     redirect_url}…
   * @return the sign-in
   */
  public CompletableFuture<SignIn> createSignIn(Form form) {
    return send(post(url("client", "sign_ins"), form), Parsers.wrapped(SignIn.class));
  }

  /**
   * {@code GET /v1/client/sign_ins/{id}}, optionally redeeming a {@code rotating_token_nonce} from
   * an external flow.
   *
   * @param signInId the sign-in id
   * @param rotatingTokenNonce the nonce from the callback URL, or null
   * @return the sign-in
   */
  public CompletableFuture<SignIn> getSignIn(String signInId, String rotatingTokenNonce) {
    return withId(
        signInId,
        "sign-in id",
        id -> {
          HttpUrl.Builder u = url("client", "sign_ins", id).newBuilder();
          if (rotatingTokenNonce != null && !rotatingTokenNonce.isBlank()) {
            u.addQueryParameter("rotating_token_nonce", rotatingTokenNonce);
          }
          return send(get(u.build()), Parsers.wrapped(SignIn.class));
        });
  }

  /**
   * {@code POST /v1/client/sign_ins/{id}/prepare_first_factor}.
   *
   * @param signInId the sign-in id
   * @param form {@code strategy} + {@code email_address_id} / {@code phone_number_id} / {@code
   *     redirect_url}
   * @return the sign-in
   */
  public CompletableFuture<SignIn> prepareFirstFactor(String signInId, Form form) {
    return signInAction(signInId, "prepare_first_factor", form);
  }

  /**
   * {@code POST /v1/client/sign_ins/{id}/attempt_first_factor}.
   *
   * @param signInId the sign-in id
   * @param form {@code strategy} + {@code password} / {@code code} / {@code ticket}
   * @return the sign-in
   */
  public CompletableFuture<SignIn> attemptFirstFactor(String signInId, Form form) {
    return signInAction(signInId, "attempt_first_factor", form);
  }

  /**
   * {@code POST /v1/client/sign_ins/{id}/prepare_second_factor} (MFA or client trust).
   *
   * @param signInId the sign-in id
   * @param form {@code strategy} + {@code phone_number_id} / {@code email_address_id}
   * @return the sign-in
   */
  public CompletableFuture<SignIn> prepareSecondFactor(String signInId, Form form) {
    return signInAction(signInId, "prepare_second_factor", form);
  }

  /**
   * {@code POST /v1/client/sign_ins/{id}/attempt_second_factor}.
   *
   * @param signInId the sign-in id
   * @param form {@code strategy} ({@code totp}, {@code phone_code}, {@code backup_code}, {@code
   *     email_code}) + {@code code}
   * @return the sign-in
   */
  public CompletableFuture<SignIn> attemptSecondFactor(String signInId, Form form) {
    return signInAction(signInId, "attempt_second_factor", form);
  }

  /**
   * {@code POST /v1/client/sign_ins/{id}/reset_password}.
   *
   * @param signInId the sign-in id
   * @param form {@code password}, {@code sign_out_of_other_sessions}
   * @return the sign-in
   */
  public CompletableFuture<SignIn> resetPassword(String signInId, Form form) {
    return signInAction(signInId, "reset_password", form);
  }

  private CompletableFuture<SignIn> signInAction(String signInId, String action, Form form) {
    return withId(
        signInId,
        "sign-in id",
        id ->
            send(post(url("client", "sign_ins", id, action), form), Parsers.wrapped(SignIn.class)));
  }

  // ---- 5.3 Sign-up

  /**
   * {@code POST /v1/client/sign_ups}.
   *
   * @param form {@code email_address}, {@code password}, {@code first_name}, {@code
   *     unsafe_metadata} (JSON)…
   * @return the sign-up
   */
  public CompletableFuture<SignUp> createSignUp(Form form) {
    return send(post(url("client", "sign_ups"), form), Parsers.wrapped(SignUp.class));
  }

  /**
   * {@code GET /v1/client/sign_ups/{id}}, optionally with a {@code rotating_token_nonce}.
   *
   * @param signUpId the sign-up id
   * @param rotatingTokenNonce the nonce, or null
   * @return the sign-up
   */
  public CompletableFuture<SignUp> getSignUp(String signUpId, String rotatingTokenNonce) {
    return withId(
        signUpId,
        "sign-up id",
        id -> {
          HttpUrl.Builder u = url("client", "sign_ups", id).newBuilder();
          if (rotatingTokenNonce != null && !rotatingTokenNonce.isBlank()) {
            u.addQueryParameter("rotating_token_nonce", rotatingTokenNonce);
          }
          return send(get(u.build()), Parsers.wrapped(SignUp.class));
        });
  }

  /**
   * {@code PATCH /v1/client/sign_ups/{id}}.
   *
   * @param signUpId the sign-up id
   * @param form the fields to change
   * @return the sign-up
   */
  public CompletableFuture<SignUp> updateSignUp(String signUpId, Form form) {
    return withId(
        signUpId,
        "sign-up id",
        id -> send(patch(url("client", "sign_ups", id), form), Parsers.wrapped(SignUp.class)));
  }

  /**
   * {@code POST /v1/client/sign_ups/{id}/prepare_verification}.
   *
   * @param signUpId the sign-up id
   * @param form {@code strategy} ({@code email_code}, {@code phone_code}, {@code email_link} +
   *     {@code redirect_url})
   * @return the sign-up
   */
  public CompletableFuture<SignUp> prepareSignUpVerification(String signUpId, Form form) {
    return withId(
        signUpId,
        "sign-up id",
        id ->
            send(
                post(url("client", "sign_ups", id, "prepare_verification"), form),
                Parsers.wrapped(SignUp.class)));
  }

  /**
   * {@code POST /v1/client/sign_ups/{id}/attempt_verification}.
   *
   * @param signUpId the sign-up id
   * @param form {@code strategy}, {@code code}
   * @return the sign-up
   */
  public CompletableFuture<SignUp> attemptSignUpVerification(String signUpId, Form form) {
    return withId(
        signUpId,
        "sign-up id",
        id ->
            send(
                post(url("client", "sign_ups", id, "attempt_verification"), form),
                Parsers.wrapped(SignUp.class)));
  }

  // ---- 5.4 / 5.5 Sessions and sign-out

  /**
   * {@code GET /v1/client/sessions/{id}}.
   *
   * @param sessionId the session id
   * @return the session
   */
  public CompletableFuture<Session> getSession(String sessionId) {
    return withId(
        sessionId,
        "session id",
        id -> send(get(url("client", "sessions", id)), Parsers.wrapped(Session.class)));
  }

  /**
   * {@code POST /v1/client/sessions/{id}/touch}: marks the session active, optionally switching
   * organization.
   *
   * @param sessionId the session id
   * @param form {@code active_organization_id} (empty = personal account), {@code intent}
   * @return the session
   */
  public CompletableFuture<Session> touchSession(String sessionId, Form form) {
    return sessionAction(sessionId, "touch", form);
  }

  /**
   * {@code POST /v1/client/sessions/{id}/end}: ends the session (it stays in the client as {@code
   * ended}).
   *
   * @param sessionId the session id
   * @return the session
   */
  public CompletableFuture<Session> endSession(String sessionId) {
    return sessionAction(sessionId, "end", Form.empty());
  }

  /**
   * {@code POST /v1/client/sessions/{id}/remove}: signs this session out and drops it from the
   * client.
   *
   * @param sessionId the session id
   * @return the session
   */
  public CompletableFuture<Session> removeSession(String sessionId) {
    return sessionAction(sessionId, "remove", Form.empty());
  }

  /** {@code DELETE /v1/client/sessions}: signs every session out; returns the client left. */
  public CompletableFuture<Optional<Client>> removeAllSessions() {
    return send(delete(url("client", "sessions")), Parsers.optionalClient());
  }

  /**
   * {@code DELETE /v1/client/sessions} sent with a given client token (a sign-out that already
   * forgot it locally).
   *
   * @param clientToken the token to send
   * @return the client left
   */
  public CompletableFuture<Optional<Client>> removeAllSessions(String clientToken) {
    Request r =
        delete(url("client", "sessions"))
            .newBuilder()
            .tag(
                NativeRequestInterceptor.SentToken.class,
                new NativeRequestInterceptor.SentToken(Optional.ofNullable(clientToken)))
            .build();
    return send(r, Parsers.optionalClient());
  }

  private CompletableFuture<Session> sessionAction(String sessionId, String action, Form form) {
    return withId(
        sessionId,
        "session id",
        id ->
            send(
                post(url("client", "sessions", id, action), form), Parsers.wrapped(Session.class)));
  }

  // ---- 5.6 Session tokens

  /**
   * {@code POST /v1/client/sessions/{id}/tokens} (not wrapped).
   *
   * @param sessionId the session id
   * @param organizationId null to omit {@code organization_id} (the session's active organization),
   *     {@code ""} for the personal account, or an organization id
   * @return the token with the response {@code Date}
   */
  public CompletableFuture<FetchedToken> sessionToken(String sessionId, String organizationId) {
    return sessionToken(sessionId, organizationId, Form.empty());
  }

  /**
   * {@code POST /v1/client/sessions/{id}/tokens} with extra fields (for {@code session_minter}
   * instances: {@code token=<previous JWT>}, {@code force_origin=true}).
   *
   * @param sessionId the session id
   * @param organizationId null to omit, {@code ""} for the personal account, or an organization id
   * @param extra further fields
   * @return the token with the response {@code Date}
   */
  public CompletableFuture<FetchedToken> sessionToken(
      String sessionId, String organizationId, Form extra) {
    Form form =
        (extra == null ? Form.empty() : extra)
            .toBuilder().add("organization_id", organizationId).build();
    return withId(
        sessionId,
        "session id",
        id -> send(post(url("client", "sessions", id, "tokens"), form), Parsers.token()));
  }

  /**
   * {@code POST /v1/client/sessions/{id}/tokens/{template}}: a JWT-template token (not wrapped).
   *
   * @param sessionId the session id
   * @param template the template name
   * @return the token with the response {@code Date}
   */
  public CompletableFuture<FetchedToken> templateToken(String sessionId, String template) {
    return withId(
        sessionId,
        "session id",
        id ->
            withId(
                template,
                "template name",
                t ->
                    send(
                        post(url("client", "sessions", id, "tokens", t), Form.empty()),
                        Parsers.token())));
  }

  // ---- 5.7 User

  /**
   * {@code GET /v1/me?_clerk_session_id=…}.
   *
   * @param sessionId the session whose user to read
   * @return the user
   */
  public CompletableFuture<User> getMe(String sessionId) {
    return withId(sessionId, "session id", id -> send(get(me(id)), Parsers.wrapped(User.class)));
  }

  /**
   * {@code PATCH /v1/me?_clerk_session_id=…}.
   *
   * @param sessionId the session whose user to change
   * @param form {@code first_name}, {@code last_name}, {@code username}, {@code
   *     primary_email_address_id}, {@code unsafe_metadata} (JSON)…
   * @return the user
   */
  public CompletableFuture<User> updateMe(String sessionId, Form form) {
    return withId(
        sessionId, "session id", id -> send(patch(me(id), form), Parsers.wrapped(User.class)));
  }

  /**
   * {@code DELETE /v1/me?_clerk_session_id=…}: deletes the user (when the instance allows it).
   *
   * @param sessionId the session whose user to delete
   * @return what was deleted
   */
  public CompletableFuture<DeletedObject> deleteMe(String sessionId) {
    return withId(
        sessionId, "session id", id -> send(delete(me(id)), Parsers.wrapped(DeletedObject.class)));
  }

  /**
   * {@code GET /v1/me/sessions/active?_clerk_session_id=…}: the user's active sessions on all
   * devices (a plain array).
   *
   * @param sessionId the current session id
   * @return the sessions
   */
  public CompletableFuture<List<ActiveSession>> activeSessions(String sessionId) {
    return withId(
        sessionId,
        "session id",
        id -> {
          HttpUrl u =
              url("me", "sessions", "active")
                  .newBuilder()
                  .addQueryParameter("_clerk_session_id", id)
                  .build();
          return send(get(u), Parsers.list(ActiveSession.class));
        });
  }

  // ---- 5.7 User: account (all act for {@code _clerk_session_id})

  /**
   * {@code PATCH /v1/me/metadata}: deep-merges {@code unsafe_metadata} (JSON).
   *
   * @param sessionId the current session id
   * @param form {@code unsafe_metadata}
   * @return the user
   */
  public CompletableFuture<User> mergeMetadata(String sessionId, Form form) {
    return withId(
        sessionId,
        "session id",
        id -> send(patch(me(id, "metadata"), form), Parsers.wrapped(User.class)));
  }

  /**
   * {@code POST /v1/me/change_password}.
   *
   * @param sessionId the current session id
   * @param form {@code current_password}, {@code new_password}, {@code sign_out_of_other_sessions}
   * @return the user
   */
  public CompletableFuture<User> changePassword(String sessionId, Form form) {
    return withId(
        sessionId,
        "session id",
        id -> send(post(me(id, "change_password"), form), Parsers.wrapped(User.class)));
  }

  /**
   * {@code POST /v1/me/remove_password}.
   *
   * @param sessionId the current session id
   * @param form {@code current_password}
   * @return the user
   */
  public CompletableFuture<User> removePassword(String sessionId, Form form) {
    return withId(
        sessionId,
        "session id",
        id -> send(post(me(id, "remove_password"), form), Parsers.wrapped(User.class)));
  }

  /**
   * {@code POST /v1/me/{kind}}: adds an identification ({@code email_addresses}, {@code
   * phone_numbers}).
   *
   * @param sessionId the current session id
   * @param kind {@code email_addresses} or {@code phone_numbers}
   * @param form {@code email_address} / {@code phone_number}
   * @param type the resource record
   * @param <T> the resource
   * @return the new identification
   */
  public <T> CompletableFuture<T> createIdentification(
      String sessionId, String kind, Form form, Class<T> type) {
    return withId(
        sessionId, "session id", id -> send(post(me(id, kind), form), Parsers.wrapped(type)));
  }

  /**
   * {@code POST /v1/me/{kind}/{id}/{action}} ({@code prepare_verification}, {@code
   * attempt_verification}) or {@code PATCH /v1/me/{kind}/{id}} when {@code action} is null.
   *
   * @param sessionId the current session id
   * @param kind {@code email_addresses} or {@code phone_numbers}
   * @param identificationId the identification's id
   * @param action the action, or null for a {@code PATCH}
   * @param form the fields
   * @param type the resource record
   * @param <T> the resource
   * @return the identification
   */
  public <T> CompletableFuture<T> identificationAction(
      String sessionId,
      String kind,
      String identificationId,
      String action,
      Form form,
      Class<T> type) {
    return withId(
        sessionId,
        "session id",
        id ->
            withId(
                identificationId,
                "identification id",
                idn ->
                    action == null
                        ? send(patch(me(id, kind, idn), form), Parsers.wrapped(type))
                        : send(post(me(id, kind, idn, action), form), Parsers.wrapped(type))));
  }

  /**
   * {@code DELETE /v1/me/{path…}}: removes an identification, connected account, TOTP or profile
   * image.
   *
   * @param sessionId the current session id
   * @param path the segments after {@code me}, such as {@code email_addresses}, {@code idn_…}
   * @return completes when deleted
   */
  public CompletableFuture<Void> deleteMine(String sessionId, String... path) {
    for (String segment : path) {
      if (segment == null || segment.isBlank()) {
        return CompletableFuture.failedFuture(
            new ClerkException("invalid_argument", "An id is empty", null));
      }
    }
    return withId(sessionId, "session id", id -> send(delete(me(id, path)), Parsers.ignored()));
  }

  /**
   * {@code POST /v1/me/{path…}} returning a resource ({@code totp}, {@code
   * totp/attempt_verification}, {@code backup_codes}, {@code external_accounts}, {@code
   * sessions/{id}/revoke}, organization invitation and suggestion {@code accept}).
   *
   * @param sessionId the current session id
   * @param form the fields
   * @param type the resource record
   * @param path the segments after {@code me}
   * @param <T> the resource
   * @return the resource
   */
  public <T> CompletableFuture<T> postMine(
      String sessionId, Form form, Class<T> type, String... path) {
    for (String segment : path) {
      if (segment == null || segment.isBlank()) {
        return CompletableFuture.failedFuture(
            new ClerkException("invalid_argument", "An id is empty", null));
      }
    }
    return withId(
        sessionId, "session id", id -> send(post(me(id, path), form), Parsers.wrapped(type)));
  }

  /**
   * {@code GET /v1/me/{path…}} returning a wrapped, possibly paginated list (organization
   * memberships, invitations, suggestions).
   *
   * @param sessionId the current session id
   * @param status a {@code status} filter, or null
   * @param type the item record
   * @param path the segments after {@code me}
   * @param <T> the item
   * @return the items
   */
  public <T> CompletableFuture<List<T>> listMine(
      String sessionId, String status, Class<T> type, String... path) {
    return withId(
        sessionId,
        "session id",
        id -> {
          HttpUrl.Builder u =
              me(id, path)
                  .newBuilder()
                  .addQueryParameter("paginated", "true")
                  .addQueryParameter("limit", "100");
          if (status != null) u.addQueryParameter("status", status);
          return send(get(u.build()), Parsers.wrappedList(type));
        });
  }

  /**
   * {@code POST /v1/me/profile_image}: uploads the image as multipart {@code file}.
   *
   * @param sessionId the current session id
   * @param image the bytes
   * @param contentType the image's media type
   * @return completes when uploaded
   */
  public CompletableFuture<Void> uploadProfileImage(
      String sessionId, byte[] image, String contentType) {
    MediaType type = MediaType.get(contentType);
    RequestBody body =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("file", "profile." + type.subtype(), RequestBody.create(image, type))
            .build();
    return withId(
        sessionId,
        "session id",
        id ->
            send(
                new Request.Builder().url(me(id, "profile_image")).post(body).build(),
                Parsers.ignored()));
  }

  /**
   * {@code POST /v1/organizations}: creates an organization with the user as admin.
   *
   * @param sessionId the current session id
   * @param form {@code name}, {@code slug}
   * @return the organization
   */
  public CompletableFuture<Organization> createOrganization(String sessionId, Form form) {
    return withId(
        sessionId,
        "session id",
        id ->
            send(
                post(
                    url("organizations")
                        .newBuilder()
                        .addQueryParameter("_clerk_session_id", id)
                        .build(),
                    form),
                Parsers.wrapped(Organization.class)));
  }

  // ---- 5.4 Session reverification

  /**
   * {@code POST /v1/client/sessions/{id}/verify[/{step}]}.
   *
   * @param sessionId the session to reverify
   * @param step null to start ({@code level}), or {@code prepare_first_factor}, {@code
   *     attempt_first_factor}, {@code prepare_second_factor}, {@code attempt_second_factor}
   * @param form {@code level}, or {@code strategy} + {@code code} / {@code password} / {@code
   *     email_address_id} / {@code phone_number_id}
   * @return the reverification
   */
  public CompletableFuture<SessionVerification> reverify(String sessionId, String step, Form form) {
    return withId(
        sessionId,
        "session id",
        id -> {
          HttpUrl u =
              step == null
                  ? url("client", "sessions", id, "verify")
                  : url("client", "sessions", id, "verify", step);
          return send(post(u, form), Parsers.wrapped(SessionVerification.class));
        });
  }

  // ---- 5.10 Hosted auth

  /**
   * {@code POST /v1/client/hosted_auth}: starts an Account Portal sign-in in the browser (PKCE).
   *
   * @param form {@code redirect_url}, {@code code_challenge}, {@code state}, optional {@code mode}
   * @return the URL to open
   */
  public CompletableFuture<HostedAuth> createHostedAuth(Form form) {
    return send(post(url("client", "hosted_auth"), form), Parsers.wrapped(HostedAuth.class));
  }

  /**
   * {@code POST /v1/client} with {@code _method=GET&rotating_token_nonce=…&code_verifier=…}:
   * redeems the nonce of a hosted-auth callback; the new client token arrives in {@code
   * Authorization}.
   *
   * @param rotatingTokenNonce the nonce from the callback URL
   * @param codeVerifier the PKCE verifier
   * @return the client holding the new session
   */
  public CompletableFuture<Client> redeemNonce(String rotatingTokenNonce, String codeVerifier) {
    return withId(
        rotatingTokenNonce,
        "rotating token nonce",
        nonce ->
            withId(
                codeVerifier,
                "code verifier",
                verifier ->
                    send(
                        post(
                            url("client"),
                            Form.builder()
                                .add("_method", "GET")
                                .add("rotating_token_nonce", nonce)
                                .add("code_verifier", verifier)
                                .build()),
                        Parsers.wrapped(Client.class))));
  }

  // ---- plumbing

  private HttpUrl me(String sessionId, String... path) {
    HttpUrl.Builder b = url("me").newBuilder();
    for (String segment : path) b.addPathSegment(segment);
    return b.addQueryParameter("_clerk_session_id", sessionId).build();
  }

  private HttpUrl url(String... segments) {
    HttpUrl.Builder b = base.newBuilder().addPathSegment("v1");
    for (String s : segments) b.addPathSegment(s);
    return b.build();
  }

  private static Request get(HttpUrl url) {
    return new Request.Builder().url(url).get().build();
  }

  private static Request post(HttpUrl url, Form form) {
    return new Request.Builder().url(url).post(form(form).toRequestBody()).build();
  }

  private static Request patch(HttpUrl url, Form form) {
    return new Request.Builder().url(url).patch(form(form).toRequestBody()).build();
  }

  private static Request delete(HttpUrl url) {
    return new Request.Builder().url(url).delete().build();
  }

  private static Form form(Form form) {
    return form == null ? Form.empty() : form;
  }

  private interface IdCall<T> {
    CompletableFuture<T> call(String id);
  }

  private static <T> CompletableFuture<T> withId(String id, String what, IdCall<T> call) {
    if (id == null || id.isBlank()) {
      return CompletableFuture.failedFuture(
          new ClerkUsageException("invalid_argument", "The " + what + " is empty"));
    }
    return call.call(id);
  }

  /**
   * Sends a request; the future completes (on an OkHttp thread) whatever happens, even on an {@link
   * Error}.
   */
  private <T> CompletableFuture<T> send(Request request, Parsers.Parser<T> parser) {
    CompletableFuture<T> future = new CompletableFuture<>();
    String what = request.method() + " " + request.url().encodedPath();
    try {
      Call call = http.newCall(request);
      if (request.body() instanceof MultipartBody) {
        call.timeout()
            .timeout(
                UPLOAD_CALL_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS); // a file upload may take longer
      }
      future.whenComplete(
          (r, e) -> {
            if (future.isCancelled()) call.cancel();
          });
      call.enqueue(
          new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
              future.completeExceptionally(NetworkErrors.classify(e, request.url().host()));
            }

            @Override
            public void onResponse(Call c, Response response) {
              try (response) {
                future.complete(handle(request, response, parser));
              } catch (ClerkException e) {
                future.completeExceptionally(e);
              } catch (IOException e) {
                future.completeExceptionally(NetworkErrors.classify(e, request.url().host()));
              } catch (
                  Throwable
                      e) { // an Error too (a body that overflows the parser): the caller must never
                // hang
                future.completeExceptionally(
                    new ClerkResponseException(
                        response.code(),
                        "Could not read the response to "
                            + what
                            + ": "
                            + e.getClass().getSimpleName(),
                        e));
              }
            }
          });
    } catch (Throwable e) { // a shut-down dispatcher, an app interceptor that throws at enqueue
      future.completeExceptionally(
          new ClerkNetworkException(
              ClerkNetworkException.Kind.OTHER,
              "Could not send " + what + ": " + e.getClass().getSimpleName(),
              e));
    }
    return future;
  }

  /** True when the response came from the configured base URL (same scheme, host and port). */
  private boolean fromBase(Response response) {
    HttpUrl u = response.request().url();
    return u.scheme().equals(base.scheme())
        && u.host().equals(base.host())
        && u.port() == base.port();
  }

  /** Reads at most {@link #MAX_BODY_BYTES} of a body, refusing a larger one unread. */
  private static String readBounded(ResponseBody body, int status, String what) throws IOException {
    okio.BufferedSource source = body.source();
    if (source.request(MAX_BODY_BYTES + 1)) {
      throw new ClerkResponseException(
          status,
          "Clerk answered "
              + what
              + " with a body larger than "
              + MAX_BODY_BYTES / (1024 * 1024)
              + " MB; refused unread",
          null);
    }
    MediaType type = body.contentType();
    java.nio.charset.Charset cs = type == null ? null : type.charset();
    return source.readString(cs != null ? cs : java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Reads one response, once: reports its facts (rotated client token, piggybacked client) to
   * {@link FapiFacts} when it comes from the configured base URL, then returns the parsed result or
   * throws the typed error.
   */
  private <T> T handle(Request request, Response response, Parsers.Parser<T> parser)
      throws IOException {
    int status = response.code();
    String what = request.method() + " " + request.url().encodedPath();
    if ((status >= 300 && status < 400) || !fromBase(response)) {
      String to = response.header("Location");
      throw new ClerkResponseException(
          status,
          "Clerk answered "
              + what
              + " with a redirect (HTTP "
              + status
              + (to == null ? "" : " to " + redirectHost(to))
              + "); the Frontend API never redirects, so nothing was"
              + " followed or accepted: check the publishable key and proxy URL",
          null);
    }
    ResponseBody body = response.body();
    MediaType type = body.contentType();
    Date date = response.headers().getDate("Date");
    Instant serverDate = date == null ? null : date.toInstant();
    Optional<String> sent = Optional.ofNullable(response.request().header("Authorization"));
    Optional<String> rotated =
        Optional.ofNullable(response.header("Authorization"))
            .map(String::strip)
            .map(v -> v.equalsIgnoreCase("Bearer") ? "" : v);
    String text;
    try {
      text = readBounded(body, status, what);
    } catch (IOException | RuntimeException e) {
      report(
          new ResponseFacts(
              sent, rotated, false, Optional.empty(), Optional.ofNullable(serverDate)));
      throw e;
    }
    boolean json = type == null || isJson(type);
    JsonNode parsed = null;
    if (json && !text.isBlank()) {
      try {
        parsed = FapiJson.tree(text, status);
      } catch (ClerkResponseException e) {
        parsed = null;
      }
    }
    report(facts(parsed, request.url().encodedPath(), sent, rotated, serverDate, status));

    if (!response.isSuccessful()) {
      JsonNode root = parsed;
      Instant now = serverDate != null ? serverDate : clock.instant();
      if (root != null && FapiErrors.isErrorBody(root)) {
        throw FapiErrors.toException(
            status, root, response.header("x-clerk-trace-id"), response.header("Retry-After"), now);
      }
      if (status == 429) {
        throw new ClerkApiException(
            429,
            List.of(),
            response.header("x-clerk-trace-id"),
            FapiErrors.retryAfter(response.header("Retry-After"), now).orElse(null));
      }
      throw new ClerkResponseException(
          status,
          "Clerk answered "
              + what
              + " with HTTP "
              + status
              + " and "
              + describe(type, text, root != null)
              + " instead of a FAPI error body",
          null);
    }
    if (!json) {
      throw new ClerkResponseException(
          status,
          "Clerk answered "
              + what
              + " with content type "
              + type
              + " instead of JSON (a proxy or captive portal in between?)",
          null);
    }
    if (text.isBlank()) {
      throw new ClerkResponseException(
          status, "Clerk answered " + what + " with HTTP " + status + " and an empty body", null);
    }
    JsonNode root =
        parsed != null ? parsed : FapiJson.tree(text, status); // unreadable JSON throws typed here
    return parser.parse(root, status, serverDate);
  }

  private void report(ResponseFacts f) {
    if (!f.isEmpty()) facts.responseSeen(f);
  }

  /**
   * The envelope rules for the client a body carries (the native SDKs' rules):
   *
   * <ul>
   *   <li>on error bodies, {@code meta.client};
   *   <li>a {@code response} that is a client ({@code /v1/client}, {@code DELETE
   *       /v1/client/sessions}, the nonce redeem) is the client; a {@code null} {@code response}
   *       from {@code /v1/client} or {@code /v1/client/sessions} means no client;
   *   <li>otherwise a piggybacked {@code client} object; {@code "client": null} means no client
   *       only when the body has no {@code response} key.
   * </ul>
   *
   * An unreadable client snapshot is logged and ignored (the caller's result is judged on its own).
   */
  private static ResponseFacts facts(
      JsonNode root,
      String path,
      Optional<String> sent,
      Optional<String> rotated,
      Instant serverDate,
      int status) {
    Optional<Instant> date = Optional.ofNullable(serverDate);
    ResponseFacts none = new ResponseFacts(sent, rotated, false, Optional.empty(), date);
    if (root == null || !root.isObject()) return none;
    try {
      JsonNode client = null;
      if (FapiErrors.isErrorBody(root)) {
        JsonNode metaClient = root.path("meta").path("client");
        if (metaClient.isObject()) client = metaClient;
      } else {
        JsonNode response = root.path("response");
        if (response.isObject() && "client".equals(response.path("object").asText())) {
          client = response;
        } else if (response.isNull()
            && (path.endsWith("/v1/client") || path.endsWith("/v1/client/sessions"))) {
          return new ResponseFacts(sent, rotated, true, Optional.empty(), date);
        } else if (root.path("client").isObject()) {
          client = root.path("client");
        } else if (root.path("client").isNull() && root.has("client") && !root.has("response")) {
          return new ResponseFacts(sent, rotated, true, Optional.empty(), date);
        }
      }
      if (client == null) return none;
      return new ResponseFacts(
          sent, rotated, true, Optional.of(FapiJson.read(client, Client.class, status)), date);
    } catch (ClerkException e) {
      FapiLog.LOG.log(
          System.Logger.Level.WARNING, "Ignoring an unreadable client snapshot: " + e.getMessage());
      return none;
    }
  }

  private static String redirectHost(String location) {
    HttpUrl u = HttpUrl.parse(location);
    return u == null ? "an unreadable location" : u.host();
  }

  static boolean isJson(MediaType type) {
    return type.subtype().equalsIgnoreCase("json")
        || type.subtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json");
  }

  private static String describe(MediaType type, String text, boolean parsedJson) {
    if (text.isBlank()) return "an empty body";
    if (type != null && !isJson(type)) return "a " + type.type() + "/" + type.subtype() + " body";
    return parsedJson ? "JSON without an errors array" : "unreadable JSON";
  }

  /** Builds a {@link FapiClient}. */
  public static final class Builder {
    private final HttpUrl base;
    private OkHttpClient httpClient;
    private FapiFacts facts = FapiFacts.NONE;
    private String deviceId;
    private String sdkVersion = SdkInfo.SDK_VERSION;
    private Clock clock = Clock.systemUTC();
    private String userAgent;

    private Builder(String baseUrl) {
      String checked = PublishableKey.validateBaseUrl(Objects.requireNonNullElse(baseUrl, ""));
      HttpUrl parsed = HttpUrl.parse(checked);
      if (parsed == null) {
        throw new ClerkConfigurationException(
            "invalid_proxy_url", "The FAPI base URL is not a valid URL");
      }
      this.base = parsed;
    }

    /**
     * Sets the OkHttp client to build on (its pool, dispatcher and timeouts are kept; this client's
     * interceptors are added). Default: {@link FapiClient#defaultHttpClient()}.
     *
     * @param client the client
     * @return this builder
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets where the client token is read and response facts are reported. Default: {@link
     * FapiFacts#NONE}.
     *
     * @param facts the state owner
     * @return this builder
     */
    public Builder facts(FapiFacts facts) {
      this.facts = Objects.requireNonNull(facts, "facts");
      return this;
    }

    /**
     * Sets the device id. Default: {@link DeviceId#fromUserPreferences()}.
     *
     * @param deviceId the id
     * @return this builder
     */
    public Builder deviceId(String deviceId) {
      this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
      return this;
    }

    /**
     * Sets the SDK version sent. Default: {@link SdkInfo#SDK_VERSION}.
     *
     * @param sdkVersion the version
     * @return this builder
     */
    public Builder sdkVersion(String sdkVersion) {
      this.sdkVersion = Objects.requireNonNull(sdkVersion, "sdkVersion");
      return this;
    }

    /**
     * Sets the clock used when a response has no {@code Date} (for HTTP-date {@code Retry-After}).
     * Default: UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the {@code User-Agent} sent (see {@link UserAgents}). Default: OkHttp's.
     *
     * @param userAgent the value
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /** Builds the client. */
    public FapiClient build() {
      if (httpClient == null) httpClient = defaultHttpClient();
      if (deviceId == null) deviceId = DeviceId.fromUserPreferences();
      return new FapiClient(this);
    }
  }
}
