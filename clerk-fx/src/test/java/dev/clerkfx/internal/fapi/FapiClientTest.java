package dev.clerkfx.internal.fapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.clerkfx.ClerkApiException;
import dev.clerkfx.ClerkConfigurationException;
import dev.clerkfx.ClerkException;
import dev.clerkfx.ClerkNetworkException;
import dev.clerkfx.ClerkResponseException;
import dev.clerkfx.model.ActiveSession;
import dev.clerkfx.model.Client;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.SessionStatus;
import dev.clerkfx.model.SignIn;
import dev.clerkfx.model.SignInStatus;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport against a scripted server: exact wire format, token rotation, client sync and every
 * failure type.
 */
class FapiClientTest {
  private static final String DEVICE_ID = "6f1d2c3b-0000-4000-8000-00000000abcd";
  private static final Instant T0 = Instant.parse("2026-11-27T16:00:00Z");

  @StartStop private final MockWebServer server = new MockWebServer();

  private RecordingFacts facts;
  private FapiClient fapi;

  @BeforeEach
  void setUp() {
    facts = new RecordingFacts();
    fapi = client(FapiClient.defaultHttpClient());
  }

  private FapiClient client(OkHttpClient http) {
    return FapiClient.builder(server.url("/").toString())
        .httpClient(http)
        .facts(facts)
        .deviceId(DEVICE_ID)
        .sdkVersion("9.9.9-test")
        .build();
  }

  private static String httpDate(Instant t) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static MockResponse.Builder jsonBuilder(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body);
  }

  private static String clientJson(String id, String sessionId, String status) {
    String sessions =
        sessionId == null
            ? "[]"
            : "[{\"object\":\"session\",\"id\":\""
                + sessionId
                + "\",\"status\":\""
                + status
                + "\"}]";
    return "{\"object\":\"client\",\"id\":\""
        + id
        + "\",\"sessions\":"
        + sessions
        + ",\"last_active_session_id\":"
        + (sessionId == null ? "null" : "\"" + sessionId + "\"")
        + "}";
  }

  private static String signInJson(String status) {
    return "{\"object\":\"sign_in_attempt\",\"id\":\"sia_1\",\"status\":\"" + status + "\"}";
  }

  private static <T> T done(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    Throwable t = catchThrowable(() -> f.get(20, TimeUnit.SECONDS));
    assertThat(t).as("the call should fail").isNotNull();
    return t.getCause();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  // ---- wire format

  @Test
  void everyRequestCarriesTheNativeQueryAndHeaders() throws Exception {
    server.enqueue(json(200, "{\"auth_config\":{\"single_session_mode\":true}}"));
    Environment env = done(fapi.environment());
    assertThat(env.authConfig().singleSessionMode()).isTrue();

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/environment");
    assertThat(r.getUrl().queryParameter("_is_native")).isEqualTo("true");
    assertThat(r.getUrl().querySize()).isEqualTo(1);
    assertThat(r.getHeaders().get("clerk-api-version")).isEqualTo("2026-05-12");
    assertThat(r.getHeaders().get("x-mobile")).isEqualTo("1");
    assertThat(r.getHeaders().get("x-clerk-fx-sdk-version")).isEqualTo("9.9.9-test");
    assertThat(r.getHeaders().get("x-native-device-id")).isEqualTo(DEVICE_ID);
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("Authorization")).as("no token held yet").isNull();
  }

  @Test
  void heldTokenIsSentRawWithoutBearer() throws Exception {
    facts.token = "client.jwt.value";
    server.enqueue(
        json(200, "{\"response\":" + clientJson("client_1", null, null) + ",\"client\":null}"));
    done(fapi.getClient());
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("client.jwt.value");
  }

  @Test
  void formBodyIsUrlEncodedWithExactFields() throws Exception {
    server.enqueue(json(200, "{\"response\":" + signInJson("complete") + ",\"client\":null}"));
    Form form =
        Form.builder()
            .add("identifier", "jane+clerk_test@example.com")
            .add("password", "p@ss w0rd&=")
            .add("strategy", "password")
            .build();
    SignIn signIn = done(fapi.createSignIn(form));
    assertThat(signIn.status()).isEqualTo(SignInStatus.COMPLETE);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/client/sign_ins");
    assertThat(r.getUrl().queryParameter("_is_native")).isEqualTo("true");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    String body = r.getBody().utf8();
    assertThat(decode(body))
        .containsExactly(
            "identifier=jane+clerk_test@example.com", "password=p@ss w0rd&=", "strategy=password");
    assertThat(body).startsWith("identifier=jane%2Bclerk_test%40example.com&password=");
  }

  @Test
  void nestedValuesBooleansEmptyStringsAndArraysAreEncodedLikeTheNativeSdks() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"response\":{\"object\":\"sign_up_attempt\",\"id\":\"sua_1\"},\"client\":null}"));
    Form form =
        Form.builder()
            .add("legal_accepted", true)
            .add("first_name", "")
            .addJson("unsafe_metadata", java.util.Map.of("theme", "dark"))
            .addAll("additional_scope", List.of("write", "view"))
            .add("skipped", (String) null)
            .build();
    done(fapi.createSignUp(form));
    assertThat(decode(take().getBody().utf8()))
        .containsExactly(
            "legal_accepted=true",
            "first_name=",
            "unsafe_metadata={\"theme\":\"dark\"}",
            "additional_scope=write",
            "additional_scope=view");
  }

  @Test
  void sessionTokenOmitsOrSendsOrganizationId() throws Exception {
    String token = "{\"object\":\"token\",\"jwt\":\"a.b.c\"}";
    server.enqueue(jsonBuilder(200, token).setHeader("Date", httpDate(T0)).build());
    server.enqueue(json(200, token));
    server.enqueue(json(200, token));

    FetchedToken omitted = done(fapi.sessionToken("sess_1", null));
    assertThat(omitted.token().jwt()).isEqualTo("a.b.c");
    assertThat(omitted.serverDate()).contains(T0);
    assertThat(omitted.toString()).doesNotContain("a.b.c");
    RecordedRequest r1 = take();
    assertThat(r1.getUrl().encodedPath()).isEqualTo("/v1/client/sessions/sess_1/tokens");
    assertThat(r1.getBody().utf8()).isEmpty();

    FetchedToken personal = done(fapi.sessionToken("sess_1", ""));
    assertThat(personal.serverDate()).isEmpty();
    assertThat(take().getBody().utf8()).isEqualTo("organization_id=");

    done(fapi.sessionToken("sess_1", "org_9"));
    assertThat(take().getBody().utf8()).isEqualTo("organization_id=org_9");
  }

  @Test
  void templateTokenAndMeEndpointsUseTheirPathsAndSessionQuery() throws Exception {
    server.enqueue(json(200, "{\"object\":\"token\",\"jwt\":\"t.e.mpl\"}"));
    server.enqueue(
        json(200, "{\"response\":{\"id\":\"user_1\",\"first_name\":\"Ada\"},\"client\":null}"));
    server.enqueue(
        json(200, "{\"response\":{\"id\":\"user_1\",\"first_name\":\"Grace\"},\"client\":null}"));
    server.enqueue(
        json(
            200,
            "[{\"object\":\"session\",\"id\":\"sess_1\",\"status\":\"active\"},"
                + "{\"object\":\"session\",\"id\":\"sess_2\",\"status\":\"active\"}]"));

    assertThat(done(fapi.templateToken("sess_1", "supabase")).token().jwt()).isEqualTo("t.e.mpl");
    assertThat(take().getUrl().encodedPath())
        .isEqualTo("/v1/client/sessions/sess_1/tokens/supabase");

    assertThat(done(fapi.getMe("sess_1")).firstName()).contains("Ada");
    RecordedRequest me = take();
    assertThat(me.getUrl().encodedPath()).isEqualTo("/v1/me");
    assertThat(me.getUrl().queryParameter("_clerk_session_id")).isEqualTo("sess_1");
    assertThat(me.getUrl().queryParameter("_is_native")).isEqualTo("true");

    assertThat(
            done(fapi.updateMe("sess_1", Form.builder().add("first_name", "Grace").build()))
                .firstName())
        .contains("Grace");
    RecordedRequest patch = take();
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(patch.getBody().utf8()).isEqualTo("first_name=Grace");

    List<ActiveSession> active = done(fapi.activeSessions("sess_1"));
    assertThat(active).extracting(ActiveSession::id).containsExactly("sess_1", "sess_2");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/me/sessions/active");
  }

  @Test
  void signInAndSessionEndpointsUseTheirPaths() throws Exception {
    String wrappedSignIn =
        "{\"response\":" + signInJson("needs_first_factor") + ",\"client\":null}";
    String wrappedSession =
        "{\"response\":{\"object\":\"session\",\"id\":\"sess_1\",\"status\":\"removed\"},"
            + "\"client\":null}";
    for (int i = 0; i < 6; i++) server.enqueue(json(200, wrappedSignIn));
    for (int i = 0; i < 4; i++) server.enqueue(json(200, wrappedSession));

    done(fapi.getSignIn("sia_1", "nonce-123"));
    RecordedRequest get = take();
    assertThat(get.getUrl().encodedPath()).isEqualTo("/v1/client/sign_ins/sia_1");
    assertThat(get.getUrl().queryParameter("rotating_token_nonce")).isEqualTo("nonce-123");
    done(fapi.prepareFirstFactor("sia_1", Form.builder().add("strategy", "email_code").build()));
    assertThat(take().getUrl().encodedPath())
        .isEqualTo("/v1/client/sign_ins/sia_1/prepare_first_factor");
    done(
        fapi.attemptFirstFactor(
            "sia_1", Form.builder().add("strategy", "email_code").add("code", "424242").build()));
    assertThat(take().getUrl().encodedPath())
        .isEqualTo("/v1/client/sign_ins/sia_1/attempt_first_factor");
    done(fapi.prepareSecondFactor("sia_1", Form.empty()));
    assertThat(take().getUrl().encodedPath())
        .isEqualTo("/v1/client/sign_ins/sia_1/prepare_second_factor");
    done(fapi.attemptSecondFactor("sia_1", Form.empty()));
    assertThat(take().getUrl().encodedPath())
        .isEqualTo("/v1/client/sign_ins/sia_1/attempt_second_factor");
    done(fapi.resetPassword("sia_1", Form.empty()));
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/client/sign_ins/sia_1/reset_password");

    assertThat(done(fapi.getSession("sess_1")).status()).isEqualTo(SessionStatus.REMOVED);
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/client/sessions/sess_1");
    done(
        fapi.touchSession(
            "sess_1",
            Form.builder().add("active_organization_id", "").add("intent", "select_org").build()));
    RecordedRequest touch = take();
    assertThat(touch.getUrl().encodedPath()).isEqualTo("/v1/client/sessions/sess_1/touch");
    assertThat(touch.getBody().utf8()).isEqualTo("active_organization_id=&intent=select_org");
    done(fapi.endSession("sess_1"));
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/client/sessions/sess_1/end");
    done(fapi.removeSession("sess_1"));
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/client/sessions/sess_1/remove");
  }

  @Test
  void hostedAuthAndNonceRedeem() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"response\":{\"object\":\"hosted_auth\",\"url\":\"https://accounts.example.com/x\"},"
                + "\"client\":null}"));
    server.enqueue(
        jsonBuilder(
                200,
                "{\"response\":" + clientJson("client_2", "sess_9", "active") + ",\"client\":null}")
            .setHeader("Authorization", "new.client.token")
            .build());

    HostedAuth start =
        done(
            fapi.createHostedAuth(
                Form.builder()
                    .add("redirect_url", "myapp://callback")
                    .add("code_challenge", "abc")
                    .add("state", "s1")
                    .build()));
    assertThat(start.url()).isEqualTo("https://accounts.example.com/x");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/client/hosted_auth");

    Client client = done(fapi.redeemNonce("nonce-1", "verifier-1"));
    assertThat(client.currentSession().orElseThrow().id()).isEqualTo("sess_9");
    RecordedRequest redeem = take();
    assertThat(redeem.getMethod()).isEqualTo("POST");
    assertThat(redeem.getUrl().encodedPath()).isEqualTo("/v1/client");
    assertThat(decode(redeem.getBody().utf8()))
        .containsExactly("_method=GET", "rotating_token_nonce=nonce-1", "code_verifier=verifier-1");
    assertThat(facts.last().rotatedToken()).contains("new.client.token");
    assertThat(facts.last().client()).contains(client);
  }

  @Test
  void emptyIdsFailWithATypedErrorWithoutARequest() {
    assertThat(failure(fapi.getSession(" ")))
        .isInstanceOf(ClerkException.class)
        .hasMessageContaining("session id is empty");
    assertThat(failure(fapi.getSignIn(null, null))).isInstanceOf(ClerkException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void builderRejectsAPlainHttpRemoteBase() {
    assertThatThrownBy(() -> FapiClient.builder("http://clerk.example.com"))
        .isInstanceOf(ClerkConfigurationException.class);
    assertThatThrownBy(() -> FapiClient.builder(null))
        .isInstanceOf(ClerkConfigurationException.class);
  }

  // ---- facts: client token rotation

  @Test
  void eachResponseReportsTheTokenItWasSentWithAndTheRotatedOne() throws Exception {
    server.enqueue(
        jsonBuilder(
                200, "{\"response\":" + clientJson("client_1", null, null) + ",\"client\":null}")
            .setHeader("Authorization", "first.token")
            .build());
    server.enqueue(
        json(
            200,
            "{\"response\":"
                + signInJson("needs_first_factor")
                + ",\"client\":"
                + clientJson("client_1", null, null)
                + "}"));

    done(fapi.createClient());
    assertThat(take().getHeaders().get("Authorization")).isNull();
    assertThat(facts.last().sentToken()).isEmpty();
    assertThat(facts.last().rotatedToken()).contains("first.token");
    assertThat(facts.last().toString()).doesNotContain("first.token");

    facts.token = "first.token"; // what the state machine would now hold
    done(fapi.getSignIn("sia_1", null));
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("first.token");
    assertThat(facts.last().sentToken()).contains("first.token");
    assertThat(facts.last().rotatedToken()).as("no header: no rotation").isEmpty();
  }

  @Test
  void errorResponsesRotateTooAndAnEmptyHeaderOrBareBearerClears() throws Exception {
    facts.token = "old.token";
    server.enqueue(
        jsonBuilder(401, "{\"errors\":[{\"code\":\"signed_out\",\"message\":\"Signed out\"}]}")
            .setHeader("Authorization", "")
            .build());
    assertThat(failure(fapi.getClient())).isInstanceOf(ClerkApiException.class);
    assertThat(facts.last().rotatedToken()).contains("");

    server.enqueue(
        jsonBuilder(200, "{\"response\":null,\"client\":null}")
            .setHeader("Authorization", "Bearer")
            .build());
    assertThat(done(fapi.getClient())).isEmpty();
    assertThat(facts.last().rotatedToken()).as("a bare Bearer clears as iOS does").contains("");
  }

  @Test
  void aSignOutCanSendTheTokenItJustForgot() throws Exception {
    server.enqueue(
        json(200, "{\"response\":" + clientJson("client_1", null, null) + ",\"client\":null}"));
    done(fapi.removeAllSessions("forgotten.token"));
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("forgotten.token");
    assertThat(facts.last().sentToken()).contains("forgotten.token");
  }

  // ---- facts: piggybacked client, one set of envelope rules

  @Test
  void piggybackedClientIsReportedWithTheResponseDate() throws Exception {
    server.enqueue(
        jsonBuilder(
                200,
                "{\"response\":"
                    + signInJson("complete")
                    + ",\"client\":"
                    + clientJson("client_1", "sess_1", "active")
                    + "}")
            .setHeader("Date", httpDate(T0))
            .setHeader("Authorization", "after.sign.in")
            .build());
    done(fapi.attemptFirstFactor("sia_1", Form.builder().add("strategy", "password").build()));
    assertThat(facts.seen).as("token and client of one response are one fact").hasSize(1);
    ResponseFacts f = facts.last();
    assertThat(f.client().orElseThrow().currentSession().orElseThrow().id()).isEqualTo("sess_1");
    assertThat(f.rotatedToken()).contains("after.sign.in");
    assertThat(f.serverDate()).contains(T0);
  }

  @Test
  void clientFromErrorMetaIsReported() throws Exception {
    server.enqueue(
        json(
            422,
            "{\"errors\":[{\"code\":\"form_password_incorrect\",\"message\":\"Password is incorrect\","
                + "\"long_message\":\"Password is incorrect. Try again.\",\"meta\":{\"param_name\":\"password\"}}],"
                + "\"meta\":{\"client\":"
                + clientJson("client_7", null, null)
                + "}}"));
    Throwable t =
        failure(fapi.attemptFirstFactor("sia_1", Form.builder().add("password", "wrong").build()));
    ClerkApiException e = (ClerkApiException) t;
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.code()).isEqualTo("form_password_incorrect");
    assertThat(e.error().orElseThrow().paramName()).contains("password");
    assertThat(e.getMessage())
        .contains("Password is incorrect. Try again.")
        .doesNotContain("wrong");
    assertThat(facts.clients())
        .singleElement()
        .satisfies(c -> assertThat(c.map(Client::id)).contains("client_7"));
  }

  @Test
  void nullClientWithAResponseSaysNothingAndGetClientNullMeansNoClient() throws Exception {
    server.enqueue(
        json(200, "{\"response\":" + signInJson("needs_first_factor") + ",\"client\":null}"));
    done(fapi.getSignIn("sia_1", null));
    assertThat(facts.clients()).isEmpty();

    server.enqueue(json(200, "{\"response\":null,\"client\":null}"));
    assertThat(done(fapi.getClient())).isEmpty();
    assertThat(facts.clients()).containsExactly(Optional.empty());

    server.enqueue(json(200, "{\"client\":null}"));
    done(fapi.removeSession("sess_1").exceptionally(x -> null));
    assertThat(facts.clients())
        .as("client null without a response clears")
        .containsExactly(Optional.empty(), Optional.empty());
  }

  @Test
  void unreadableOrNonJsonClientsAreNotReported() throws Exception {
    server.enqueue(
        new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<html/>").build());
    server.enqueue(json(200, "{\"response\":{},\"client\":{\"object\":\"client\"}}"));
    failure(fapi.getSignIn("sia_1", null));
    done(fapi.getSignIn("sia_1", null).exceptionally(x -> null));
    assertThat(facts.clients()).isEmpty();
  }

  @Test
  void clientResponseIsTheClient() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"response\":" + clientJson("client_3", "sess_3", "active") + ",\"client\":null}"));
    Client client = done(fapi.getClient()).orElseThrow();
    assertThat(facts.last().client()).contains(client);

    server.enqueue(
        json(200, "{\"response\":" + clientJson("client_3", null, null) + ",\"client\":null}"));
    Client after = done(fapi.removeAllSessions()).orElseThrow();
    assertThat(take().getMethod()).isEqualTo("GET");
    RecordedRequest delete = take();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getUrl().encodedPath()).isEqualTo("/v1/client/sessions");
    assertThat(after.sessions()).isEmpty();
    assertThat(facts.last().client()).contains(after);
  }

  // ---- hostile servers

  @Test
  void redirectsAreNeitherFollowedNorBelieved() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      elsewhere.enqueue(
          jsonBuilder(
                  200,
                  "{\"response\":"
                      + signInJson("complete")
                      + ",\"client\":"
                      + clientJson("client_evil", "sess_evil", "active")
                      + "}")
              .setHeader("Authorization", "evil.token")
              .build());
      server.enqueue(
          new MockResponse.Builder()
              .code(307)
              .setHeader("Location", elsewhere.url("/v1/client/sign_ins").toString())
              .setHeader("Authorization", "redirect.token")
              .build());
      Throwable t =
          failure(
              fapi.createSignIn(
                  Form.builder().add("identifier", "a@b.c").add("password", "hunter2").build()));
      assertThat(t)
          .isInstanceOf(ClerkResponseException.class)
          .hasMessageContaining("redirect")
          .hasMessageContaining(elsewhere.getHostName());
      assertThat(elsewhere.getRequestCount())
          .as("the password never left for another host")
          .isZero();
      assertThat(facts.seen).as("nothing from a redirect is believed").isEmpty();
    }
  }

  @Test
  void aHugeBodyIsRefusedUnreadAndTheFutureCompletes() throws Exception {
    okio.Buffer huge = new okio.Buffer();
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    huge.writeUtf8("{\"response\":\"");
    for (long n = 0; n <= FapiClient.MAX_BODY_BYTES / chunk.length; n++) huge.write(chunk);
    huge.writeUtf8("\"}");
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json")
            .setHeader("Authorization", "rotated.anyway")
            .body(huge)
            .build());
    Throwable t = failure(fapi.getClient());
    assertThat(t).isInstanceOf(ClerkResponseException.class).hasMessageContaining("larger than");
    assertThat(facts.last().rotatedToken())
        .as("headers are still believed")
        .contains("rotated.anyway");
    assertThat(facts.last().clientSeen()).isFalse();
  }

  @Test
  void aDeeplyNestedBodyFailsTypedInsteadOfHangingTheCaller() throws Exception {
    String deep = "{\"response\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}";
    server.enqueue(json(200, deep));
    assertThat(failure(fapi.getClient())).isInstanceOf(ClerkException.class);
  }

  // ---- bad responses

  @Test
  void htmlErrorPageIsAResponseError() {
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .setHeader("Content-Type", "text/html")
            .body("<html><body>Bad gateway</body></html>")
            .build());
    Throwable t = failure(fapi.environment());
    assertThat(t)
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("HTTP 502")
        .hasMessageContaining("text/html");
    assertThat(((ClerkResponseException) t).status()).isEqualTo(502);
  }

  @Test
  void htmlWithStatus200IsAResponseError() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "text/html; charset=utf-8")
            .body("<html>captive portal</html>")
            .build());
    assertThat(failure(fapi.getClient()))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("instead of JSON");
  }

  @Test
  void truncatedJsonIsAResponseError() {
    server.enqueue(json(200, "{\"response\":{\"object\":\"client\",\"id\":\"cli"));
    assertThat(failure(fapi.getClient()))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void serverErrorWithEmptyBodyIsAResponseError() {
    server.enqueue(new MockResponse.Builder().code(500).build());
    Throwable t = failure(fapi.environment());
    assertThat(t)
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("empty body");
  }

  @Test
  void successWithEmptyBodyIsAResponseError() {
    server.enqueue(json(200, ""));
    assertThat(failure(fapi.environment()))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("empty body");
  }

  @Test
  void unexpectedJsonShapesAreResponseErrors() {
    server.enqueue(json(200, "{\"object\":\"sign_in_attempt\",\"id\":\"sia_1\"}"));
    assertThat(failure(fapi.getSignIn("sia_1", null)))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("envelope");
    server.enqueue(json(200, "{\"response\":{\"status\":\"complete\"},\"client\":null}"));
    assertThat(failure(fapi.getSignIn("sia_1", null)))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("sign_in has no id");
    server.enqueue(json(200, "{\"object\":\"token\"}"));
    assertThat(failure(fapi.sessionToken("sess_1", null)))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("no jwt");
    server.enqueue(json(200, "[1,2,3]"));
    assertThat(failure(fapi.environment())).isInstanceOf(ClerkResponseException.class);
    server.enqueue(json(200, "{\"not\":\"a list\"}"));
    assertThat(failure(fapi.activeSessions("sess_1"))).isInstanceOf(ClerkResponseException.class);
    server.enqueue(json(400, "{\"message\":\"no errors array\"}"));
    assertThat(failure(fapi.environment()))
        .isInstanceOf(ClerkResponseException.class)
        .hasMessageContaining("without an errors array");
  }

  @Test
  void apiErrorCarriesTraceIdAndMeta() {
    server.enqueue(
        json(
            403,
            "{\"errors\":[{\"code\":\"user_locked\",\"message\":\"Account locked\",\"long_message\":"
                + "\"Locked\",\"meta\":{\"lockout_expires_in_seconds\":1800}}],\"clerk_trace_id\":\"trace-1\"}"));
    ClerkApiException e = (ClerkApiException) failure(fapi.createSignIn(Form.empty()));
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.code()).isEqualTo("user_locked");
    assertThat(e.traceId()).contains("trace-1");
    assertThat(e.error().orElseThrow().lockoutExpiresInSeconds()).contains(1800L);

    server.enqueue(
        json(
            422,
            "{\"errors\":[{\"code\":\"identifier_already_signed_in\",\"message\":\"x\","
                + "\"meta\":{\"session_id\":\"sess_5\"}}]}"));
    ClerkApiException signedIn = (ClerkApiException) failure(fapi.createSignIn(Form.empty()));
    assertThat(signedIn.error().orElseThrow().sessionId()).contains("sess_5");
  }

  @Test
  void rateLimitCarriesRetryAfterInSecondsOrAsADate() {
    server.enqueue(
        jsonBuilder(429, "{\"errors\":[{\"code\":\"too_many_requests\",\"message\":\"Too many\"}]}")
            .setHeader("Retry-After", "7")
            .build());
    ClerkApiException seconds = (ClerkApiException) failure(fapi.createSignIn(Form.empty()));
    assertThat(seconds.status()).isEqualTo(429);
    assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(7));

    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Date", httpDate(T0))
            .setHeader("Retry-After", httpDate(T0.plusSeconds(30)))
            .build());
    ClerkApiException date = (ClerkApiException) failure(fapi.createSignIn(Form.empty()));
    assertThat(date.code()).isEqualTo("too_many_requests");
    assertThat(date.retryAfter()).contains(Duration.ofSeconds(30));
  }

  // ---- network failures

  @Test
  void disconnectIsConnectionReset() {
    FapiClient noRetry =
        client(FapiClient.defaultHttpClient().newBuilder().retryOnConnectionFailure(false).build());
    server.enqueue(
        new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    Throwable t = failure(noRetry.getClient());
    assertThat(t).isInstanceOf(ClerkNetworkException.class);
    assertThat(((ClerkNetworkException) t).kind())
        .isEqualTo(ClerkNetworkException.Kind.CONNECTION_RESET);
    assertThat(t).hasMessageContaining("broke");
  }

  @Test
  void responseCutMidBodyIsConnectionReset() {
    FapiClient noRetry =
        client(FapiClient.defaultHttpClient().newBuilder().retryOnConnectionFailure(false).build());
    server.enqueue(
        jsonBuilder(
                200, "{\"response\":" + clientJson("client_1", null, null) + ",\"client\":null}")
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    Throwable t = failure(noRetry.getClient());
    assertThat(t).isInstanceOf(ClerkNetworkException.class);
    assertThat(((ClerkNetworkException) t).kind())
        .isEqualTo(ClerkNetworkException.Kind.CONNECTION_RESET);
  }

  @Test
  void refusedConnectionIsConnect() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    FapiClient closed =
        FapiClient.builder("http://127.0.0.1:" + port).facts(facts).deviceId(DEVICE_ID).build();
    Throwable t = failure(closed.environment());
    assertThat(t).isInstanceOf(ClerkNetworkException.class).hasMessageContaining("refused");
    assertThat(((ClerkNetworkException) t).kind()).isEqualTo(ClerkNetworkException.Kind.CONNECT);
  }

  @Test
  void slowServerIsTimeout() {
    FapiClient impatient =
        client(
            FapiClient.defaultHttpClient()
                .newBuilder()
                .readTimeout(200, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .build());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    Throwable t = failure(impatient.environment());
    assertThat(t).isInstanceOf(ClerkNetworkException.class).hasMessageContaining("timed out");
    assertThat(((ClerkNetworkException) t).kind()).isEqualTo(ClerkNetworkException.Kind.TIMEOUT);
  }

  @Test
  void everyCallHasATotalDeadlineWellUnderAMinute() {
    assertThat(client(new OkHttpClient()).httpClient().callTimeoutMillis())
        .isEqualTo(20_000); // none: ours
    assertThat(
            client(new OkHttpClient.Builder().callTimeout(Duration.ofMinutes(5)).build())
                .httpClient()
                .callTimeoutMillis())
        .isEqualTo(20_000); // longer: capped
    assertThat(
            client(new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(3)).build())
                .httpClient()
                .callTimeoutMillis())
        .isEqualTo(3_000); // shorter: the app's
    assertThat(fapi.httpClient().callTimeoutMillis()).isEqualTo(20_000);
  }

  @Test
  void aFileUploadGetsALongerDeadline() throws Exception {
    List<Long> deadlines = new java.util.concurrent.CopyOnWriteArrayList<>();
    FapiClient recording =
        client(
            new OkHttpClient.Builder()
                .addInterceptor(
                    chain -> {
                      deadlines.add(
                          TimeUnit.NANOSECONDS.toMillis(chain.call().timeout().timeoutNanos()));
                      return chain.proceed(chain.request());
                    })
                .build());
    server.enqueue(json(200, "{\"response\":{}}"));
    server.enqueue(json(200, "{\"response\":{\"object\":\"environment\"}}"));
    recording
        .uploadProfileImage("sess_1", new byte[] {1, 2, 3}, "image/png")
        .get(10, TimeUnit.SECONDS);
    recording.environment().handle((v, e) -> null).get(10, TimeUnit.SECONDS);
    assertThat(deadlines).containsExactly(120_000L, 20_000L);
  }

  @Test
  void aDribblingBodyIsBoundedByTheCallDeadline() {
    // every read makes progress, so no read timeout fires: only a whole-call deadline ends this
    FapiClient impatient =
        client(
            new OkHttpClient.Builder()
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofMillis(500))
                .retryOnConnectionFailure(false)
                .build());
    server.enqueue(
        jsonBuilder(200, "{\"response\":{\"object\":\"environment\"}}" + " ".repeat(4096))
            .throttleBody(16, 100, TimeUnit.MILLISECONDS)
            .build());
    long start = System.nanoTime();
    Throwable t = failure(impatient.environment());
    assertThat(t).isInstanceOf(ClerkNetworkException.class);
    assertThat(((ClerkNetworkException) t).kind()).isEqualTo(ClerkNetworkException.Kind.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void unresolvableHostIsDns() {
    FapiClient nowhere =
        FapiClient.builder("https://clerk-fx-test.invalid")
            .facts(facts)
            .deviceId(DEVICE_ID)
            .build();
    Throwable t = failure(nowhere.environment());
    assertThat(t).isInstanceOf(ClerkNetworkException.class).hasMessageContaining("did not resolve");
    assertThat(((ClerkNetworkException) t).kind()).isEqualTo(ClerkNetworkException.Kind.DNS);
  }

  @Test
  void tlsToAPlainHttpServerIsTls() throws Exception {
    // A server that answers the ClientHello in plain HTTP: the TLS handshake sees a non-TLS record.
    try (ServerSocket plain = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread answerer =
          new Thread(
              () -> {
                try (java.net.Socket s = plain.accept()) {
                  s.getInputStream()
                      .read(new byte[64]); // wait for the ClientHello, so the answer arrives
                  // mid-handshake
                  s.getOutputStream()
                      .write(
                          "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                              .getBytes(StandardCharsets.US_ASCII));
                  s.getOutputStream().flush();
                } catch (java.io.IOException ignored) {
                  // the test ends the socket
                }
              },
              "plain-http-answerer");
      answerer.setDaemon(true);
      answerer.start();
      FapiClient tls =
          FapiClient.builder("https://127.0.0.1:" + plain.getLocalPort())
              .facts(facts)
              .deviceId(DEVICE_ID)
              .httpClient(
                  FapiClient.defaultHttpClient()
                      .newBuilder()
                      .retryOnConnectionFailure(false)
                      .build())
              .build();
      Throwable t = failure(tls.environment());
      assertThat(t).isInstanceOf(ClerkNetworkException.class).hasMessageContaining("TLS");
      assertThat(((ClerkNetworkException) t).kind()).isEqualTo(ClerkNetworkException.Kind.TLS);
      answerer.join(10_000);
    }
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CompletableFuture<Environment> f = fapi.environment();
    take();
    f.cancel(true);
    assertThat(f).isCancelled();
    assertThat(fapi.httpClient().dispatcher().runningCallsCount()).isLessThanOrEqualTo(1);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> fapi.httpClient().dispatcher().runningCallsCount() == 0);
  }

  private static List<String> decode(String body) {
    List<String> pairs = new ArrayList<>();
    if (body.isEmpty()) return pairs;
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      pairs.add(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8)
              + "="
              + URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return pairs;
  }
}
