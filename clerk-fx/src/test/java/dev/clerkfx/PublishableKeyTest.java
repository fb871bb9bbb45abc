package dev.clerkfx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublishableKeyTest {

  private static String key(String prefix, String decoded) {
    return prefix + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void testKeyIsDevelopmentOverHttps() {
    PublishableKey key =
        PublishableKey.parse(key("pk_test_", "happy-hippo-12.clerk.accounts.dev$"));
    assertThat(key.instanceType()).isEqualTo(InstanceType.DEVELOPMENT);
    assertThat(key.host()).isEqualTo("happy-hippo-12.clerk.accounts.dev");
    assertThat(key.frontendApiUrl()).isEqualTo("https://happy-hippo-12.clerk.accounts.dev");
  }

  @Test
  void liveKeyIsProductionOverHttps() {
    PublishableKey key = PublishableKey.parse(key("pk_live_", "clerk.example.com$"));
    assertThat(key.instanceType()).isEqualTo(InstanceType.PRODUCTION);
    assertThat(key.frontendApiUrl()).isEqualTo("https://clerk.example.com");
  }

  @Test
  void unpaddedBase64AndSurroundingWhitespaceAreAccepted() {
    String encoded =
        Base64.getEncoder()
            .withoutPadding()
            .encodeToString("clerk.example.com$".getBytes(StandardCharsets.UTF_8));
    assertThat(PublishableKey.parse("  pk_live_" + encoded + "\n").frontendApiUrl())
        .isEqualTo("https://clerk.example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "localhost:3000",
        "127.0.0.1:8080",
        "127.5.6.7",
        "[::1]",
        "[::1]:9000"
      })
  void loopbackHostsUsePlainHttp(String host) {
    assertThat(PublishableKey.parse(key("pk_test_", host + "$")).frontendApiUrl())
        .isEqualTo("http://" + host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"128.0.0.1", "localhost.example.com", "127.0.0.1.nip.io", "10.0.0.1:8080"})
  void nonLoopbackHostsUseHttps(String host) {
    assertThat(PublishableKey.parse(key("pk_test_", host + "$")).frontendApiUrl())
        .startsWith("https://");
  }

  @Test
  void proxyUrlOverridesTheBase() {
    PublishableKey key = PublishableKey.parse(key("pk_live_", "clerk.example.com$"));
    assertThat(key.frontendApiUrl("https://app.example.com/__clerk/"))
        .isEqualTo("https://app.example.com/__clerk");
    assertThat(key.frontendApiUrl("http://localhost:4000")).isEqualTo("http://localhost:4000");
    assertThat(key.frontendApiUrl(null)).isEqualTo("https://clerk.example.com");
    assertThat(key.frontendApiUrl(" ")).isEqualTo("https://clerk.example.com");
  }

  @Test
  void plainHttpProxyForARemoteHostIsRejected() {
    PublishableKey key = PublishableKey.parse(key("pk_live_", "clerk.example.com$"));
    assertThatThrownBy(() -> key.frontendApiUrl("http://proxy.example.com"))
        .isInstanceOf(ClerkConfigurationException.class)
        .hasMessageContaining("plain http")
        .extracting(e -> ((ClerkException) e).code())
        .isEqualTo("invalid_proxy_url");
    assertThatThrownBy(() -> key.frontendApiUrl("ftp://proxy.example.com"))
        .isInstanceOf(ClerkConfigurationException.class)
        .hasMessageContaining("https");
    assertThatThrownBy(() -> key.frontendApiUrl("/relative"))
        .isInstanceOf(ClerkConfigurationException.class)
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> key.frontendApiUrl("https://proxy.example.com/?a=b"))
        .isInstanceOf(ClerkConfigurationException.class)
        .hasMessageContaining("query");
  }

  @Test
  void emptyKeyIsRejected() {
    assertMalformed(null, "empty");
    assertMalformed("   ", "empty");
  }

  @Test
  void wrongPrefixIsRejected() {
    assertMalformed(key("pk_prod_", "clerk.example.com$"), "wrong prefix");
    assertMalformed("clerk.example.com", "wrong prefix");
  }

  @Test
  void secretKeyIsRejectedWithoutEchoingIt() {
    String secret = "sk_test_abcdefghijklmnopqrstuvwxyz0123456789";
    assertThatThrownBy(() -> PublishableKey.parse(secret))
        .isInstanceOf(ClerkConfigurationException.class)
        .hasMessageContaining("secret key")
        .message()
        .doesNotContain("abcdefghijklmnop");
  }

  @Test
  void nothingAfterThePrefixIsRejected() {
    assertMalformed("pk_test_", "nothing after");
  }

  @Test
  void badBase64IsRejected() {
    assertMalformed("pk_test_***not-base64***", "not valid base64");
    assertMalformed("pk_live_Y2xlcmsuZXhhbXBsZS5jb20k=A", "not valid base64");
  }

  @Test
  void missingDollarIsRejected() {
    assertMalformed(key("pk_test_", "clerk.example.com"), "trailing $ is missing");
  }

  @Test
  void emptyHostIsRejected() {
    assertMalformed(key("pk_test_", "$"), "empty host");
  }

  @Test
  void hostWithPathOrSpacesIsRejected() {
    assertMalformed(key("pk_test_", "clerk.example.com/path$"), "invalid host");
    assertMalformed(key("pk_test_", "clerk example.com$"), "invalid host");
  }

  @Test
  void aHugeKeyIsRejectedBeforeAnyPatternRuns() {
    // 4 KB of labels used to overflow the stack of the host regex
    String host = "a.".repeat(2048) + "com";
    assertMalformed(key("pk_test_", host + "$"), "characters long");
    assertMalformed("pk_test_" + "A".repeat(1_000_000), "characters long");
  }

  @Test
  void hostAndLabelLengthsAreLimited() {
    String label63 = "a".repeat(63);
    String host253 = String.join(".", label63, label63, label63, "a".repeat(61));
    assertThat(PublishableKey.parse(key("pk_live_", host253 + "$")).host()).hasSize(253);
    assertMalformed(key("pk_live_", host253 + "a$"), "at most 253");
    assertMalformed(key("pk_live_", "a".repeat(64) + ".example.com$"), "at most 63");
    assertMalformed(key("pk_live_", "clerk..example.com$"), "empty label");
    assertMalformed(key("pk_live_", "-clerk.example.com$"), "dash");
    assertMalformed(key("pk_live_", "[::1$"), "IPv6");
    assertMalformed(key("pk_live_", "[::1]x$"), "IPv6");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "99999", "123456", "", "80a", "-1"})
  void anInvalidPortIsRejectedNamingTheKey(String port) {
    assertThatThrownBy(
            () -> PublishableKey.parse(key("pk_test_", "clerk.example.com:" + port + "$")))
        .isInstanceOf(ClerkConfigurationException.class)
        .hasMessageContaining("publishable key")
        .hasMessageContaining("port")
        .hasMessageNotContaining("proxy");
    assertThatThrownBy(
            () -> ClerkClient.builder(key("pk_test_", "127.0.0.1:" + port + "$")).build())
        .isInstanceOf(ClerkConfigurationException.class)
        .hasMessageContaining("publishable key")
        .hasMessageContaining("port")
        .hasMessageNotContaining("proxy");
  }

  @Test
  void portsFromOneTo65535AreAccepted() {
    assertThat(PublishableKey.parse(key("pk_test_", "127.0.0.1:1$")).frontendApiUrl())
        .isEqualTo("http://127.0.0.1:1");
    assertThat(PublishableKey.parse(key("pk_test_", "[::1]:65535$")).frontendApiUrl())
        .isEqualTo("http://[::1]:65535");
    assertThat(PublishableKey.parse(key("pk_live_", "clerk.example.com:8443$")).frontendApiUrl())
        .isEqualTo("https://clerk.example.com:8443");
  }

  @Test
  void toStringShowsPrefixAndHostOnly() {
    String raw = key("pk_live_", "clerk.example.com$");
    PublishableKey key = PublishableKey.parse(raw);
    assertThat(key.toString()).contains("pk_live_", "clerk.example.com").doesNotContain(raw);
    assertThat(key.value()).isEqualTo(raw);
    assertThat(key)
        .isEqualTo(PublishableKey.parse(raw))
        .hasSameHashCodeAs(PublishableKey.parse(raw));
  }

  private static void assertMalformed(String key, String messagePart) {
    assertThatThrownBy(() -> PublishableKey.parse(key))
        .isInstanceOf(ClerkConfigurationException.class)
        .hasMessageContaining(messagePart)
        .extracting(e -> ((ClerkException) e).code())
        .isEqualTo("invalid_publishable_key");
  }
}
