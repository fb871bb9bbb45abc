package dev.clerkfx.internal.fapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.ClerkNetworkException.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.prefs.Preferences;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

  @Test
  void ioExceptionsMapToKinds() {
    assertThat(NetworkErrors.kind(new UnknownHostException("x"))).isEqualTo(Kind.DNS);
    assertThat(NetworkErrors.kind(new ConnectException("refused"))).isEqualTo(Kind.CONNECT);
    assertThat(NetworkErrors.kind(new SocketTimeoutException("timeout"))).isEqualTo(Kind.TIMEOUT);
    assertThat(NetworkErrors.kind(new InterruptedIOException("timeout"))).isEqualTo(Kind.TIMEOUT);
    assertThat(NetworkErrors.kind(new SocketException("Connection reset")))
        .isEqualTo(Kind.CONNECTION_RESET);
    assertThat(NetworkErrors.kind(new EOFException())).isEqualTo(Kind.CONNECTION_RESET);
    assertThat(NetworkErrors.kind(new IOException("unexpected end of stream on http://x")))
        .isEqualTo(Kind.CONNECTION_RESET);
    assertThat(NetworkErrors.kind(new IOException("stream was reset: CANCEL")))
        .isEqualTo(Kind.CONNECTION_RESET);
    assertThat(NetworkErrors.kind(new SSLHandshakeException("bad cert"))).isEqualTo(Kind.TLS);
    assertThat(NetworkErrors.kind(new IOException("Canceled"))).isEqualTo(Kind.OTHER);
    assertThat(NetworkErrors.classify(new IOException("Canceled"), "h").getMessage())
        .contains("cancelled");
    assertThat(NetworkErrors.kind(new IOException("odd"))).isEqualTo(Kind.OTHER);
  }

  @Test
  void retryAfterParsesSecondsAndDates() {
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    assertThat(FapiErrors.retryAfter("12", now)).contains(Duration.ofSeconds(12));
    assertThat(FapiErrors.retryAfter("Fri, 27 Nov 2026 12:01:00 GMT", now))
        .contains(Duration.ofSeconds(60));
    assertThat(FapiErrors.retryAfter("Fri, 27 Nov 2026 11:00:00 GMT", now)).contains(Duration.ZERO);
    assertThat(FapiErrors.retryAfter("soon", now)).isEmpty();
    assertThat(FapiErrors.retryAfter(null, now)).isEmpty();
  }

  @Test
  void absurdRetryAfterValuesAreCappedAtADay() {
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    assertThat(FapiErrors.retryAfter("99999999999999999999999", now)).contains(Duration.ofDays(1));
    assertThat(FapiErrors.retryAfter("9223372036854775807", now)).contains(Duration.ofDays(1));
    assertThat(FapiErrors.retryAfter("86401", now)).contains(Duration.ofDays(1));
    assertThat(FapiErrors.retryAfter("Fri, 31 Dec 9999 23:59:59 GMT", now))
        .contains(Duration.ofDays(1));
    assertThat(FapiErrors.retryAfter("-5", now)).isEmpty();
    assertThat(FapiErrors.retryAfter("\u0661\u0662", now))
        .isEmpty(); // Arabic-Indic digits are not delay-seconds
  }

  @Test
  void deviceIdIsCreatedOnceAndKept() throws Exception {
    Preferences node = Preferences.userRoot().node("dev/clerkfx/test-" + UUID.randomUUID());
    try {
      String first = DeviceId.fromPreferences(node);
      assertThat(UUID.fromString(first)).isNotNull();
      assertThat(DeviceId.fromPreferences(node)).isEqualTo(first);
      node.put(DeviceId.KEY, "not-a-uuid");
      assertThat(DeviceId.fromPreferences(node)).isNotEqualTo("not-a-uuid").isNotEqualTo(first);
    } finally {
      node.removeNode();
    }
  }

  @Test
  void sdkVersionComesFromTheBuild() {
    assertThat(SdkInfo.SDK_VERSION)
        .isNotEqualTo("unknown")
        .doesNotContain("${")
        .matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(SdkInfo.API_VERSION).isEqualTo("2026-05-12");
  }

  @Test
  void parserMessagesDropLongQuotedValues() {
    assertThat(
            FapiJson.safe(
                "Unrecognized token 'eyJhbGciOiJSUzI1NiJ9': was expecting\n at [Source: x]"))
        .isEqualTo("Unrecognized token '…': was expecting");
    assertThat(FapiJson.safe(null)).isEqualTo("no detail");
  }
}
