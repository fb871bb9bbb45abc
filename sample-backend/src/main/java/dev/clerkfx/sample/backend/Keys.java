package dev.clerkfx.sample.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RSA public keys as PEM, the form Clerk's SDK takes as {@code jwtKey}: checking a configured PEM,
 * and reading an instance's keys from its public JWKS ({@code
 * <frontendApiUrl>/.well-known/jwks.json}) by key id.
 */
final class Keys {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String END = "-----END PUBLIC KEY-----";

  private final HttpClient http;
  private final URI jwksUri;
  private final Map<String, String> pemByKid = new HashMap<>();

  /**
   * Reads keys from a Frontend API's JWKS.
   *
   * @param frontendApiUrl the instance's Frontend API URL
   * @param http the HTTP client
   */
  Keys(String frontendApiUrl, HttpClient http) {
    this.jwksUri = URI.create(frontendApiUrl + "/.well-known/jwks.json");
    this.http = http;
  }

  /**
   * Returns the PEM of a key id, fetching the JWKS again when the id is new (after a key rotation).
   *
   * @param kid the token's key id
   * @return the PEM, or empty when the JWKS does not hold it
   * @throws IOException when the JWKS cannot be read
   * @throws InterruptedException when interrupted while reading it
   */
  synchronized Optional<String> pem(String kid) throws IOException, InterruptedException {
    if (!pemByKid.containsKey(kid)) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(jwksUri + " answered " + response.statusCode());
      }
      for (JsonNode key : JSON.readTree(response.body()).path("keys")) {
        if ("RSA".equals(key.path("kty").asText()) && key.hasNonNull("kid")) {
          pemByKid.put(
              key.get("kid").asText(), rsaPem(key.path("n").asText(), key.path("e").asText()));
        }
      }
    }
    return Optional.ofNullable(pemByKid.get(kid));
  }

  private static String rsaPem(String n, String e) throws IOException {
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      PublicKey key =
          KeyFactory.getInstance("RSA")
              .generatePublic(
                  new RSAPublicKeySpec(
                      new BigInteger(1, b64.decode(n)), new BigInteger(1, b64.decode(e))));
      return BEGIN
          + "\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
          + "\n"
          + END
          + "\n";
    } catch (GeneralSecurityException | IllegalArgumentException ex) {
      throw new IOException("unreadable key in the JWKS", ex);
    }
  }

  /**
   * Checks that a string is a PEM RSA public key.
   *
   * @param pem the text ({@code \n} escapes, as in a one-line environment variable, are accepted)
   * @return the PEM with real line breaks
   * @throws BackendConfigurationException when it is not one
   */
  static String checkPem(String pem) {
    String text = pem == null ? "" : pem.strip().replace("\\n", "\n");
    if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
      throw new BackendConfigurationException("not a PEM public key (" + BEGIN + " … " + END + ")");
    }
    try {
      byte[] der =
          Base64.getMimeDecoder()
              .decode(text.substring(BEGIN.length(), text.length() - END.length()));
      KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
      return text;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new BackendConfigurationException("not a readable RSA public key");
    }
  }
}
