package dev.clerkfx;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Test helper: another app instance signing the whole client out ({@code DELETE /v1/client}). */
final class HttpDelete {
  private HttpDelete() {}

  static void client(String fapiUrl, String clientToken) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(fapiUrl + "/v1/client?_is_native=true"))
                    .header("Authorization", clientToken)
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200)
      throw new AssertionError("DELETE /v1/client answered " + r.statusCode());
  }
}
