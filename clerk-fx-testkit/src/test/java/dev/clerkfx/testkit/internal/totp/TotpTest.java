package dev.clerkfx.testkit.internal.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  private static final byte[] SEED20 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEED32 =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEED64 =
      "1234567890123456789012345678901234567890123456789012345678901234"
          .getBytes(StandardCharsets.US_ASCII);

  private static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  /** RFC 6238 appendix B test vectors (8 digits). */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082, 46119246, 90693936",
    "1111111109, 07081804, 68084774, 25091201",
    "1111111111, 14050471, 67062674, 99943326",
    "1234567890, 89005924, 91819424, 93441116",
    "2000000000, 69279037, 90698825, 38618901",
    "20000000000, 65353130, 77737706, 47863826"
  })
  void rfc6238AppendixBVectors(long time, String sha1, String sha256, String sha512) {
    Instant t = Instant.ofEpochSecond(time);
    assertThat(Totp.code(SEED20, "HmacSHA1", 8, t)).isEqualTo(sha1);
    assertThat(Totp.code(SEED32, "HmacSHA256", 8, t)).isEqualTo(sha256);
    assertThat(Totp.code(SEED64, "HmacSHA512", 8, t)).isEqualTo(sha512);
  }

  @Test
  void sixDigitCodesAreTheLowDigitsOfTheRfcVector() {
    String secret = Base32.encode(SEED20);
    assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.currentCode(secret, at(59))).isEqualTo("287082");
    assertThat(Totp.currentCode(secret, at(1111111109))).isEqualTo("081804");
  }

  @Test
  void verifyAcceptsOneStepEitherSideAndNothingElse() {
    String secret = Totp.generateSecret();
    long t = 1_800_000_015L; // mid-step
    String code = Totp.currentCode(secret, at(t));
    assertThat(Totp.verify(secret, code, at(t))).isTrue();
    assertThat(Totp.verify(secret, code, at(t + 30))).as("next step").isTrue();
    assertThat(Totp.verify(secret, code, at(t - 30))).as("previous step").isTrue();
    assertThat(Totp.verify(secret, code, at(t + 60))).as("two steps later").isFalse();
    assertThat(Totp.verify(secret, code, at(t - 60))).as("two steps earlier").isFalse();
    assertThat(Totp.verify(secret, code.substring(0, 3) + " " + code.substring(3), at(t))).isTrue();
  }

  @Test
  void verifyRejectsMalformedCodes() {
    String secret = Totp.generateSecret();
    String code = Totp.currentCode(secret, at(1000));
    java.util.Set<String> window =
        java.util.Set.of(
            Totp.currentCode(secret, at(970)), code, Totp.currentCode(secret, at(1030)));
    int candidate = Integer.parseInt(code);
    String wrong;
    do {
      candidate = (candidate + 1) % 1_000_000;
      wrong = String.format("%06d", candidate);
    } while (window.contains(wrong));
    assertThat(Totp.verify(secret, wrong, at(1000))).isFalse();
    assertThat(Totp.verify(secret, null, at(1000))).isFalse();
    assertThat(Totp.verify(secret, "12345", at(1000))).isFalse();
    assertThat(Totp.verify(secret, "abcdef", at(1000))).isFalse();
    assertThat(Totp.verify(secret, code + "0", at(1000))).isFalse();
  }

  @Test
  void secretsAreBase32Of160Bits() {
    String secret = Totp.generateSecret();
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(Base32.decode(secret)).hasSize(20);
    assertThat(Totp.generateSecret()).isNotEqualTo(secret);
  }

  @Test
  void badSecretsAndClocksAreRejectedClearly() {
    assertThatThrownBy(() -> Totp.currentCode("not base32!", at(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base32");
    assertThatThrownBy(() -> Totp.verify("", "123456", at(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Totp.currentCode(null, at(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Totp.currentCode(Totp.generateSecret(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Totp.code(SEED20, "HmacMD5000", 6, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void uriIsWhatAuthenticatorAppsScan() {
    assertThat(Totp.uri("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "Clerk FX", "ada@example.com"))
        .isEqualTo(
            "otpauth://totp/Clerk%20FX:ada%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Clerk%20FX"
                + "&algorithm=SHA1&digits=6&period=30");
  }

  /** RFC 4648 §10 vectors. */
  @ParameterizedTest
  @CsvSource({
    "f, MY",
    "fo, MZXQ",
    "foo, MZXW6",
    "foob, MZXW6YQ",
    "fooba, MZXW6YTB",
    "foobar, MZXW6YTBOI"
  })
  void base32MatchesRfc4648(String plain, String encoded) {
    assertThat(Base32.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
    assertThat(new String(Base32.decode(encoded), StandardCharsets.US_ASCII)).isEqualTo(plain);
    assertThat(new String(Base32.decode(encoded.toLowerCase() + "===="), StandardCharsets.US_ASCII))
        .isEqualTo(plain);
  }
}
