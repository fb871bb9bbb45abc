package dev.clerkfx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The instance settings that change what sign-ins and sign-ups offer: email links, SSO, consent.
 */
class InstanceSettingsTest {

  private static List<String> strategies(JsonNode factors) {
    return StreamSupport.stream(factors.spliterator(), false)
        .map(f -> f.get("strategy").asText())
        .toList();
  }

  @Test
  void emailLinksAreOfferedOnlyWhenTurnedOn() {
    try (ClerkEmulator off = ClerkEmulator.start();
        ClerkEmulator on = ClerkEmulator.builder().emailLinkSignIn(true).start()) {
      JsonNode plain =
          new NativeClient(off)
              .post("/v1/client/sign_ins", "identifier", ClerkEmulator.DEMO_EMAIL)
              .response();
      assertThat(strategies(plain.get("supported_first_factors"))).doesNotContain("email_link");
      NativeClient app = new NativeClient(on);
      JsonNode si =
          app.post("/v1/client/sign_ins", "identifier", ClerkEmulator.DEMO_EMAIL).response();
      assertThat(strategies(si.get("supported_first_factors"))).contains("email_link", "password");
      assertThat(app.get("/v1/environment").body().path("auth_config").get("first_factors"))
          .extracting(JsonNode::asText)
          .contains("email_link");
    }
  }

  @Test
  void anSsoDomainOffersOnlyEnterpriseSso() {
    try (ClerkEmulator emulator =
        ClerkEmulator.builder()
            .enterpriseSsoDomains("Acme-Corp.example")
            .user(EmulatorUser.builder().email("ada@acme-corp.example").build())
            .start()) {
      NativeClient app = new NativeClient(emulator);
      JsonNode sso =
          app.post("/v1/client/sign_ins", "identifier", "ada@acme-corp.example").response();
      assertThat(strategies(sso.get("supported_first_factors"))).containsExactly("enterprise_sso");
      JsonNode other =
          new NativeClient(emulator)
              .post("/v1/client/sign_ins", "identifier", ClerkEmulator.DEMO_EMAIL)
              .response();
      assertThat(strategies(other.get("supported_first_factors"))).contains("password");
    }
  }

  @Test
  void legalConsentIsMissingUntilAccepted() {
    try (ClerkEmulator emulator = ClerkEmulator.builder().legalConsent(true).start()) {
      NativeClient app = new NativeClient(emulator);
      assertThat(
              app.get("/v1/environment")
                  .body()
                  .path("user_settings")
                  .path("sign_up")
                  .get("legal_consent_enabled")
                  .asBoolean())
          .isTrue();
      JsonNode su =
          app.post(
                  "/v1/client/sign_ups",
                  "email_address",
                  "terms@example.com",
                  "password",
                  "a-good-password")
              .response();
      assertThat(su.get("required_fields")).extracting(JsonNode::asText).contains("legal_accepted");
      assertThat(su.get("missing_fields"))
          .extracting(JsonNode::asText)
          .containsExactly("legal_accepted");
      JsonNode accepted =
          app.patch("/v1/client/sign_ups/" + su.get("id").asText(), "legal_accepted", "true")
              .response();
      assertThat(accepted.get("missing_fields")).isEmpty();
      assertThat(accepted.get("legal_accepted_at").isNumber()).isTrue();
    }
  }
}
