package dev.clerkfx.internal.fapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clerkfx.model.Client;
import dev.clerkfx.testsupport.SharedReference;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded real FAPI response, served by a scripted server to the endpoint that produced it
 * (the request in SOURCES.md), comes out of {@link FapiClient} as the model the fixture holds, and
 * its client (piggybacked, or the response itself for {@code /v1/client}) lands in {@link
 * ClientSync}.
 */
class RecordedResponsesTransportTest {
  private static final String SESSION = "sess_2xTestSession0000000000000001";
  private static final String SIGN_IN = "sia_2xTestSignIn00000000000000001";
  private static final String SIGN_UP = "sua_2xTestSignUp00000000000000001";

  /** Fixture → (the call that produced it, the request path it must use). */
  private static final Map<String, Call> CALLS =
      Map.ofEntries(
          Map.entry(
              "environment_get.json", new Call(FapiClient::environment, "GET", "/v1/environment")),
          Map.entry(
              "client_post_create.json", new Call(FapiClient::createClient, "POST", "/v1/client")),
          Map.entry(
              "client_get_signed_in_after_email_link.json",
              new Call(FapiClient::getClient, "GET", "/v1/client")),
          Map.entry(
              "client_get_after_user_deleted.json",
              new Call(FapiClient::getClient, "GET", "/v1/client")),
          Map.entry(
              "sign_in_create_identifier_needs_first_factor.json",
              new Call(f -> f.createSignIn(Form.empty()), "POST", "/v1/client/sign_ins")),
          Map.entry(
              "sign_in_create_identifier_password_complete.json",
              new Call(f -> f.createSignIn(Form.empty()), "POST", "/v1/client/sign_ins")),
          Map.entry(
              "sign_in_create_password_needs_client_trust.json",
              new Call(f -> f.createSignIn(Form.empty()), "POST", "/v1/client/sign_ins")),
          Map.entry(
              "sign_in_attempt_first_factor_password_complete.json",
              signIn(f -> f.attemptFirstFactor(SIGN_IN, Form.empty()), "attempt_first_factor")),
          Map.entry(
              "sign_in_attempt_first_factor_email_code_complete.json",
              signIn(f -> f.attemptFirstFactor(SIGN_IN, Form.empty()), "attempt_first_factor")),
          Map.entry(
              "sign_in_attempt_first_factor_phone_code_complete.json",
              signIn(f -> f.attemptFirstFactor(SIGN_IN, Form.empty()), "attempt_first_factor")),
          Map.entry(
              "sign_in_attempt_second_factor_email_code_complete.json",
              signIn(f -> f.attemptSecondFactor(SIGN_IN, Form.empty()), "attempt_second_factor")),
          Map.entry(
              "sign_in_prepare_first_factor_email_code.json",
              signIn(f -> f.prepareFirstFactor(SIGN_IN, Form.empty()), "prepare_first_factor")),
          Map.entry(
              "sign_in_prepare_first_factor_email_link.json",
              signIn(f -> f.prepareFirstFactor(SIGN_IN, Form.empty()), "prepare_first_factor")),
          Map.entry(
              "sign_in_prepare_first_factor_phone_code.json",
              signIn(f -> f.prepareFirstFactor(SIGN_IN, Form.empty()), "prepare_first_factor")),
          Map.entry(
              "sign_in_prepare_second_factor_email_code.json",
              signIn(f -> f.prepareSecondFactor(SIGN_IN, Form.empty()), "prepare_second_factor")),
          Map.entry(
              "sign_up_create_email_code_missing_requirements.json",
              new Call(f -> f.createSignUp(Form.empty()), "POST", "/v1/client/sign_ups")),
          Map.entry(
              "sign_up_prepare_verification_email_code.json",
              new Call(
                  f -> f.prepareSignUpVerification(SIGN_UP, Form.empty()),
                  "POST",
                  "/v1/client/sign_ups/" + SIGN_UP + "/prepare_verification")),
          Map.entry(
              "sign_up_attempt_verification_email_code.json",
              new Call(
                  f -> f.attemptSignUpVerification(SIGN_UP, Form.empty()),
                  "POST",
                  "/v1/client/sign_ups/" + SIGN_UP + "/attempt_verification")),
          Map.entry(
              "sign_up_attempt_verification_phone_code_complete.json",
              new Call(
                  f -> f.attemptSignUpVerification(SIGN_UP, Form.empty()),
                  "POST",
                  "/v1/client/sign_ups/" + SIGN_UP + "/attempt_verification")),
          Map.entry(
              "sign_up_patch_update.json",
              new Call(
                  f -> f.updateSignUp(SIGN_UP, Form.empty()),
                  "PATCH",
                  "/v1/client/sign_ups/" + SIGN_UP)),
          Map.entry("me_get.json", new Call(f -> f.getMe(SESSION), "GET", "/v1/me")),
          Map.entry(
              "me_patch_names.json",
              new Call(f -> f.updateMe(SESSION, Form.empty()), "PATCH", "/v1/me")),
          Map.entry(
              "me_patch_primary_email.json",
              new Call(f -> f.updateMe(SESSION, Form.empty()), "PATCH", "/v1/me")),
          Map.entry("me_delete.json", new Call(f -> f.deleteMe(SESSION), "DELETE", "/v1/me")));

  private record Call(
      Function<FapiClient, CompletableFuture<?>> invoke, String method, String path) {}

  private static Call signIn(Function<FapiClient, CompletableFuture<?>> invoke, String action) {
    return new Call(invoke, "POST", "/v1/client/sign_ins/" + SIGN_IN + "/" + action);
  }

  @StartStop private final MockWebServer server = new MockWebServer();

  static Stream<String> fixtures() {
    return CALLS.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void recordedResponseFlowsThroughTheTransport(String name) throws Exception {
    String body =
        Files.readString(SharedReference.require("fixtures/fapi/flutter-recorded/" + name));
    JsonNode root = FapiJson.tree(body, 200);
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json; charset=utf-8")
            .setHeader("Authorization", "rotated-for-" + name)
            .body(body)
            .build());
    RecordingFacts facts = new RecordingFacts("initial");
    FapiClient fapi =
        FapiClient.builder(server.url("/").toString())
            .facts(facts)
            .deviceId("00000000-0000-4000-8000-000000000001")
            .build();
    Call call = CALLS.get(name);

    Object result = call.invoke().apply(fapi).get(20, TimeUnit.SECONDS);

    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(request.getMethod()).isEqualTo(call.method());
    assertThat(request.getUrl().encodedPath()).isEqualTo(call.path());
    if (call.path().startsWith("/v1/me")) {
      assertThat(request.getUrl().queryParameter("_clerk_session_id")).isEqualTo(SESSION);
    }
    assertThat(facts.last().sentToken()).contains("initial");
    assertThat(facts.last().rotatedToken()).contains("rotated-for-" + name);

    JsonNode response = root.path("response");
    boolean clientEndpoint = call.path().equals("/v1/client");
    if (result instanceof Optional<?> optional) {
      assertThat(optional).isPresent();
      result = optional.get();
    }
    Object expected =
        name.equals("environment_get.json")
            ? FapiJson.read(root, result.getClass(), 200)
            : FapiJson.read(response, result.getClass(), 200);
    assertThat(result).isEqualTo(expected);

    JsonNode piggy = clientEndpoint ? response : root.path("client");
    if (piggy.isObject()) {
      assertThat(facts.clients())
          .containsExactly(Optional.of(FapiJson.read(piggy, Client.class, 200)));
    } else {
      assertThat(facts.last().client()).as("no client in %s", name).isEmpty();
    }
  }
}
