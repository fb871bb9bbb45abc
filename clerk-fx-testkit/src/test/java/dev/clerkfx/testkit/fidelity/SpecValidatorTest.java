package dev.clerkfx.testkit.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.testkit.internal.token.SigningKeyRing;
import dev.clerkfx.testkit.internal.token.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * The validator itself: it loads the spec, finds operations and accepts/rejects bodies as the spec
 * says.
 */
class SpecValidatorTest {
  private final SpecValidator spec = SpecValidator.get();

  @Test
  void loadsEveryOperationOfTheSpec() {
    assertThat(spec.operations()).hasSize(202);
    assertThat(spec.operation("POST", "/v1/client/sessions/sess_1/tokens"))
        .map(SpecValidator.Operation::operationId)
        .contains("createSessionToken");
    assertThat(spec.operation("POST", "/v1/client/sessions/sess_1/tokens/supabase"))
        .map(SpecValidator.Operation::operationId)
        .contains("createSessionTokenWithTemplate");
    assertThat(spec.operation("GET", "/v1/me/sessions/active"))
        .map(SpecValidator.Operation::operationId)
        .contains("getSessions");
    assertThat(spec.operation("GET", "/v1/nope")).isEmpty();
  }

  @Test
  void theEmulatorsJwksConformsToTheSpec() {
    String jwks = SigningKeyRing.of(TestKeys.key(0)).jwksJson();
    assertThat(spec.validate("GET", "/.well-known/jwks.json", 200, "application/json", jwks))
        .isEmpty();
  }

  @Test
  void theRealTokenResponseShapeIsAKnownSpecDeviation() {
    String real = "{\"object\":\"token\",\"jwt\":\"a.b.c\"}";
    assertThat(
            spec.validate(
                "POST", "/v1/client/sessions/sess_1/tokens", 200, "application/json", real))
        .isNotEmpty();
    assertThat(
            spec.validate(
                "POST",
                "/v1/client/sessions/sess_1/tokens",
                200,
                "application/json",
                "{\"jwt\":\"a.b.c\"}"))
        .isEmpty();
  }

  @Test
  void nullableObjectsMayBeNullAsTheSpecSays() throws Exception {
    // A real recorded POST /v1/client: {"response": {…, "sign_in": null, "sign_up": null},
    // "client": null}.
    // Without the nullable-combinator rewrite the nulls would be reported.
    String body =
        java.nio.file.Files.readString(
            dev.clerkfx.testsupport.SharedReference.require(
                "fixtures/fapi/flutter-recorded/client_post_create.json"));
    assertThat(spec.validate("POST", "/v1/client", 200, "application/json", body)).isEmpty();
    assertThat(
            spec.validate(
                "GET",
                "/v1/client",
                200,
                "application/json",
                "{\"response\":null,\"client\":null}"))
        .isEmpty();
  }

  @Test
  void wrongTypesAndUnknownRoutesAreViolations() {
    assertThat(
            spec.validate(
                "GET", "/.well-known/jwks.json", 200, "application/json", "{\"keys\":\"nope\"}"))
        .isNotEmpty();
    assertThat(spec.validate("GET", "/v1/nope", 200, "application/json", "{}")).isNotEmpty();
    assertThat(
            spec.validate(
                "GET",
                "/v1/client",
                200,
                "application/json",
                "{\"response\":{\"object\":\"client\"},\"client\":null}"))
        .isNotEmpty();
  }
}
