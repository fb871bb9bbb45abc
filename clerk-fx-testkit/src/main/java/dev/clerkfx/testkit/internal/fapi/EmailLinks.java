package dev.clerkfx.testkit.internal.fapi;

import dev.clerkfx.testkit.internal.server.Errors;
import dev.clerkfx.testkit.internal.server.Request;
import dev.clerkfx.testkit.internal.server.Response;
import dev.clerkfx.testkit.internal.server.Router;
import dev.clerkfx.testkit.internal.state.Ids;
import dev.clerkfx.testkit.internal.state.Records;

/**
 * Email links ({@code email_link}) for sign-in first factors and sign-up email verification.
 * Preparing one "sends" a link ({@code <fapi>/emulator/email_link?token=…}, readable with {@code
 * ClerkEmulator.lastEmailLink}); opening it in any browser marks it used, verifies the factor
 * ({@code verified_at_client} = the client that asked), completes the sign-in or sign-up, and
 * redirects (303) to the {@code redirect_url} with {@code __clerk_status=verified}. The app learns
 * of it by polling the sign-in or sign-up, as Clerk's SDKs do. A link works once and for ten
 * minutes.
 */
final class EmailLinks {
  private static final long LINK_LIFETIME_MS = 10 * 60_000L;
  private static final String LINK = "link:";
  private final Fapi fapi;

  EmailLinks(Fapi fapi) {
    this.fapi = fapi;
  }

  void register(Router router) {
    router.add("GET", "/emulator/email_link", this::open);
  }

  /**
   * Sends a link for a sign-in or sign-up (call under the store lock).
   *
   * @param flowId the {@code sia_…} or {@code sua_…} id
   * @param email the address the link goes to
   * @param emailId the identification id, or null (sign-up)
   * @param redirectUrl where the link sends the browser once verified
   * @return the unverified {@code verification_email_link}
   */
  Records.Verification send(String flowId, String email, String emailId, String redirectUrl) {
    if (redirectUrl == null || redirectUrl.isBlank()) {
      throw Errors.paramMissing("redirect_url");
    }
    String token = Ids.base62(32);
    fapi.store.nonces.put(LINK + token, flowId + "|" + redirectUrl);
    fapi.store.sentEmailLink(email, fapi.fapiUrl + "/emulator/email_link?token=" + token);
    Records.Verification v = new Records.Verification();
    v.object = "verification_email_link";
    v.strategy = "email_link";
    v.target = email;
    v.targetId = emailId;
    v.expireAt = fapi.store.now() + LINK_LIFETIME_MS;
    return v;
  }

  private Response open(Request r) {
    return fapi.store.locked(
        () -> {
          String entry = fapi.store.nonces.remove(LINK + r.nonBlank("token").orElse(""));
          if (entry == null) {
            return Response.html(
                400,
                ExternalAuth.page(
                    "Link already used",
                    "<p>This link was already used or is invalid. Request a new one from the app.</p>"));
          }
          int bar = entry.indexOf('|');
          String flowId = entry.substring(0, bar);
          String redirectUrl = entry.substring(bar + 1);
          Records.SignIn si = fapi.store.signIns.get(flowId);
          Records.SignUp su = fapi.store.signUps.get(flowId);
          Records.Verification v =
              si != null ? si.firstFactor : su != null ? su.emailVerification : null;
          if (v == null || !"email_link".equals(v.strategy) || !"unverified".equals(v.status)) {
            return Response.html(
                400,
                ExternalAuth.page(
                    "Link no longer valid",
                    "<p>This sign-in was replaced by a newer one. Request a new link from the app.</p>"));
          }
          if (fapi.store.now() >= v.expireAt) {
            v.status = "expired";
            return Response.html(
                400,
                ExternalAuth.page(
                    "Link expired",
                    "<p>This link has expired. Request a new one from the app.</p>"));
          }
          String clientId = si != null ? si.clientId : su.clientId;
          Records.Client c = fapi.store.clients.get(clientId);
          if (c == null || c.ended) {
            throw Errors.signedOut();
          }
          v.status = "verified";
          v.verifiedAtClient = clientId;
          if (si != null) {
            Records.User u = fapi.user(si.userId);
            new SignInFlow(fapi).checkCanSignIn(u);
            new SignInFlow(fapi).advanceAfterFirstFactor(si, c, u, "email_link");
          } else {
            new SignUpFlow(fapi).maybeComplete(su, c);
          }
          return Response.redirect(
              303, ExternalAuth.withQuery(redirectUrl, "__clerk_status=verified"));
        });
  }
}
