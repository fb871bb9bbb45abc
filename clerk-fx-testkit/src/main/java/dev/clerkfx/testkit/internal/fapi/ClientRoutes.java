package dev.clerkfx.testkit.internal.fapi;

import dev.clerkfx.testkit.internal.server.Request;
import dev.clerkfx.testkit.internal.server.Response;
import dev.clerkfx.testkit.internal.server.Router;
import dev.clerkfx.testkit.internal.state.Records;
import java.util.Optional;

/**
 * {@code /v1/client}: get, create (POST/PUT), delete, and hosted-auth redemption ({@code
 * _method=GET}).
 */
final class ClientRoutes {
  private final Fapi fapi;

  ClientRoutes(Fapi fapi) {
    this.fapi = fapi;
  }

  void register(Router router) {
    router.add("GET", "/v1/client", this::get);
    router.add("POST", "/v1/client", this::create);
    router.add("PUT", "/v1/client", this::create);
    router.add("DELETE", "/v1/client", this::delete);
  }

  private Response get(Request r) {
    if (r.param("rotating_token_nonce").isPresent()) {
      return new ExternalAuth(fapi).redeemHostedAuth(r);
    }
    return fapi.store.locked(
        () -> {
          Optional<Records.Client> c = fapi.client(r);
          return Fapi.ok(fapi.render.wrap(c.map(fapi.render::client).orElse(null), null), null);
        });
  }

  private Response create(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.store.newClient();
          String token = fapi.store.issueClientToken(c);
          return Fapi.ok(fapi.render.wrap(fapi.render.client(c), null), token);
        });
  }

  private Response delete(Request r) {
    return fapi.store.locked(
        () -> {
          Records.Client c = fapi.requireClient(r);
          for (Records.Session s : fapi.store.sessionsOf(c)) {
            fapi.store.endSession(s, "ended");
          }
          c.signInId = null;
          c.signUpId = null;
          c.lastActiveSessionId = null;
          c.updatedAt = fapi.store.now();
          var body = fapi.render.wrap(fapi.render.client(c), null);
          c.ended = true;
          return Fapi.ok(body, null);
        });
  }
}
