package dev.clerkfx.internal.browser;

import dev.clerkfx.ClerkApiException;
import dev.clerkfx.auth.BrowserAuthResult;
import dev.clerkfx.browser.BrowserSignInException;
import dev.clerkfx.browser.BrowserSignInOptions;
import dev.clerkfx.browser.RedirectStrategy;
import dev.clerkfx.internal.fapi.FapiClient;
import dev.clerkfx.internal.fapi.Form;
import dev.clerkfx.model.Factor;
import dev.clerkfx.model.SignIn;
import dev.clerkfx.model.SignUp;
import dev.clerkfx.model.Verification;
import dev.clerkfx.model.VerificationStatus;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs browser sign-in flows over the transport: OAuth and enterprise SSO (protocol doc §5.9),
 * hosted auth with PKCE (§5.10) and email links. One flow at a time; each has a fresh {@code
 * state}, a receiver that closes in every outcome, a timeout, and is cancelled by cancelling its
 * future. The created session reaches the session manager through the transport's client sync (and
 * the rotated client token through its token holder) before a future completes. Futures complete on
 * OkHttp or clerk-fx background threads, never the FX Application Thread.
 */
public final class BrowserFlows implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.clerkfx.browser");
  private static final String EXTERNAL_ACCOUNT_NOT_FOUND = "external_account_not_found";
  private static final String EXTERNAL_ACCOUNT_EXISTS = "external_account_exists";
  private final Supplier<FapiClient> fapi;
  private final BrowserSignInOptions options;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService openers;
  private final AtomicReference<Flow> pending = new AtomicReference<>();

  /**
   * Creates the flows.
   *
   * @param fapi the transport, made on first use (so a cold start never waits for it)
   * @param options the app's settings
   * @param scheduler timers (timeouts, email-link polling)
   */
  public BrowserFlows(
      Supplier<FapiClient> fapi, BrowserSignInOptions options, ScheduledExecutorService scheduler) {
    this.fapi = Objects.requireNonNull(fapi, "fapi");
    this.options = options == null ? BrowserSignInOptions.defaults() : options;
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.openers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "clerk-fx-url-opener");
              t.setDaemon(true);
              return t;
            });
  }

  /** One running flow. */
  final class Flow {
    final String description;
    final String state = Pkce.random(16);
    final CompletableFuture<Object> done = new CompletableFuture<>();
    CallbackReceiver receiver;
    volatile Runnable cancel = () -> {};

    Flow(String description) {
      this.description = description;
    }

    /**
     * Opens an http(s) URL with the app's opener (off the calling thread); a failing opener only
     * logs.
     */
    void open(String url) {
      URI uri = URI.create(Objects.requireNonNull(url, "url"));
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new BrowserSignInException(
            BrowserSignInException.INVALID_SETUP,
            "Refusing to open a URL that is not http or https in the browser (" + scheme + ":)");
      }
      options.onUrl().accept(uri);
      openers.execute(
          () -> {
            try {
              options.opener().open(uri);
            } catch (Exception e) {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "Could not open the browser ("
                      + e.getClass().getSimpleName()
                      + "); show the sign-in URL to the user instead");
            }
          });
    }

    /** Opens the URL and waits for the redirect. */
    CompletableFuture<Map<String, String>> openAndWait(String url) {
      open(url);
      return receiver.callback();
    }
  }

  // ---------------------------------------------------------------- reusable entry point

  /**
   * Runs "open this URL, wait for the callback on our redirect, return the callback's parameters"
   * as a flow of its own (one at a time, timeout, cancellation), for verbs that get a browser URL
   * from Clerk, such as connecting a new external account ({@code POST /v1/me/external_accounts}).
   *
   * @param description names the flow in errors ("connect oauth_github")
   * @param start given the redirect URL (carrying the flow's state), makes the Clerk request and
   *     returns the URL to open
   * @return the callback's query parameters (the {@code state} already checked)
   */
  public CompletableFuture<Map<String, String>> external(
      String description, Function<String, CompletableFuture<String>> start) {
    return run(
        description,
        flow ->
            start
                .apply(flow.receiver.redirectUrlWithState().toString())
                .thenCompose(flow::openAndWait));
  }

  // ---------------------------------------------------------------- OAuth and enterprise SSO

  /**
   * Signs in with an OAuth provider or enterprise SSO; an unknown account becomes a sign-up when
   * transferable.
   *
   * @param strategy {@code oauth_<provider>} or {@code enterprise_sso}
   * @param identifier the email address (enterprise SSO), or null
   * @return the final sign-in or sign-up
   */
  public CompletableFuture<BrowserAuthResult> oauthSignIn(String strategy, String identifier) {
    return run(
        strategy + " sign-in",
        flow -> {
          String redirect = flow.receiver.redirectUrlWithState().toString();
          Form create =
              Form.builder()
                  .add("strategy", strategy)
                  .add("identifier", identifier)
                  .add("redirect_url", redirect)
                  .add("action_complete_redirect_url", redirect)
                  .build();
          return retryOnceIfSignedOut(() -> fapi.get().createSignIn(create))
              .thenCompose(
                  si ->
                      externalUrl(si.firstFactorVerification()).isPresent()
                          ? CompletableFuture.completedFuture(si)
                          : fapi.get()
                              .prepareFirstFactor(
                                  si.id(),
                                  Form.builder()
                                      .add("strategy", strategy)
                                      .add("redirect_url", redirect)
                                      .add("action_complete_redirect_url", redirect)
                                      .build()))
              .thenCompose(
                  si ->
                      flow.openAndWait(
                              externalUrl(si.firstFactorVerification())
                                  .orElseThrow(() -> noUrl(strategy)))
                          .thenCompose(q -> finishSignIn(si, q, flow)));
        });
  }

  private CompletableFuture<BrowserAuthResult> finishSignIn(
      SignIn si, Map<String, String> q, Flow flow) {
    String nonce = q.get("rotating_token_nonce");
    if (nonce != null && !nonce.isBlank()) {
      return fapi.get().getSignIn(si.id(), nonce).thenApply(BrowserAuthResult::of);
    }
    return fapi.get()
        .getSignIn(si.id(), null)
        .thenCompose(
            now -> {
              Optional<Verification> v = now.firstFactorVerification();
              if (v.map(Verification::status).orElse(null) == VerificationStatus.TRANSFERABLE
                  || EXTERNAL_ACCOUNT_NOT_FOUND.equals(errorCode(v, q))) {
                return fapi.get()
                    .createSignUp(Form.builder().add("transfer", Boolean.TRUE).build())
                    .thenApply(BrowserAuthResult::of);
              }
              throw failure(v, q, flow);
            });
  }

  /**
   * Signs up with an OAuth provider; an existing account becomes a sign-in, decided as clerk-js
   * does from the external-account verification's {@code error.code == external_account_exists}.
   *
   * @param strategy {@code oauth_<provider>}
   * @return the final sign-up or sign-in
   */
  public CompletableFuture<BrowserAuthResult> oauthSignUp(String strategy) {
    return run(
        strategy + " sign-up",
        flow -> {
          String redirect = flow.receiver.redirectUrlWithState().toString();
          Form create =
              Form.builder()
                  .add("strategy", strategy)
                  .add("redirect_url", redirect)
                  .add("action_complete_redirect_url", redirect)
                  .build();
          return retryOnceIfSignedOut(() -> fapi.get().createSignUp(create))
              .thenCompose(
                  su ->
                      flow.openAndWait(
                              externalUrl(su.verifications().externalAccount())
                                  .orElseThrow(() -> noUrl(strategy)))
                          .thenCompose(q -> finishSignUp(su, q, flow)));
        });
  }

  private CompletableFuture<BrowserAuthResult> finishSignUp(
      SignUp su, Map<String, String> q, Flow flow) {
    String nonce = q.get("rotating_token_nonce");
    if (nonce != null && !nonce.isBlank()) {
      return fapi.get().getSignUp(su.id(), nonce).thenApply(BrowserAuthResult::of);
    }
    return fapi.get()
        .getSignUp(su.id(), null)
        .thenCompose(
            now -> {
              Optional<Verification> v = now.verifications().externalAccount();
              if (EXTERNAL_ACCOUNT_EXISTS.equals(errorCode(v, q))) {
                return fapi.get()
                    .createSignIn(Form.builder().add("strategy", "transfer").build())
                    .thenApply(BrowserAuthResult::of);
              }
              throw failure(v, q, flow);
            });
  }

  private static Optional<String> externalUrl(Optional<Verification> v) {
    return v.flatMap(Verification::externalVerificationRedirectUrl);
  }

  private static BrowserSignInException noUrl(String strategy) {
    return new BrowserSignInException(
        BrowserSignInException.INVALID_SETUP,
        "Clerk returned no browser URL for "
            + strategy
            + " (is the strategy enabled for this instance?)");
  }

  /** The verification's error code, else the callback's {@code __clerk_error_code}. */
  private static String errorCode(Optional<Verification> v, Map<String, String> q) {
    return v.flatMap(Verification::error)
        .map(e -> e.code())
        .filter(c -> !c.isEmpty())
        .orElse(q.get("__clerk_error_code"));
  }

  private BrowserSignInException failure(
      Optional<Verification> v, Map<String, String> q, Flow flow) {
    String code = errorCode(v, q);
    if (code != null || q.containsKey("error")) {
      String message =
          v.flatMap(Verification::error)
              .map(e -> e.displayMessage())
              .orElse(
                  q.getOrDefault(
                      "error_description",
                      "The identity provider reported " + q.getOrDefault("error", code)));
      return new BrowserSignInException(
          BrowserSignInException.ACCESS_DENIED,
          message + " (" + (code != null ? code : q.get("error")) + ")");
    }
    return nonceMissing(flow);
  }

  private static BrowserSignInException nonceMissing(Flow flow) {
    return new BrowserSignInException(
        BrowserSignInException.NONCE_MISSING,
        "The browser came back without a "
            + "rotating_token_nonce. On a production instance, add "
            + flow.receiver.redirectUrl()
            + " to the allowed redirect URLs (Clerk dashboard, Native applications)");
  }

  // ---------------------------------------------------------------- hosted auth

  /**
   * Signs in or up on Clerk's hosted pages with PKCE.
   *
   * @param mode {@code sign-in} or {@code sign-up}
   * @return the created session
   */
  public CompletableFuture<BrowserAuthResult> hosted(String mode) {
    return run(
        "hosted " + mode,
        flow -> {
          Pkce pkce = Pkce.create();
          Form create =
              Form.builder()
                  .add("redirect_url", flow.receiver.redirectUrl().toString())
                  .add("code_challenge", pkce.challenge())
                  .add("code_challenge_method", "S256")
                  .add("state", flow.state)
                  .add("mode", mode)
                  .build();
          return retryOnceIfSignedOut(() -> fapi.get().createHostedAuth(create))
              .thenCompose(ha -> flow.openAndWait(ha.url()))
              .thenCompose(
                  q -> {
                    String nonce = q.get("rotating_token_nonce");
                    if (nonce == null || nonce.isBlank()) throw failure(Optional.empty(), q, flow);
                    String sid = q.get("created_session_id");
                    return fapi.get()
                        .redeemNonce(nonce, pkce.verifier())
                        .thenApply(
                            client -> {
                              String session =
                                  sid != null && client.session(sid).isPresent()
                                      ? sid
                                      : client
                                          .lastActiveSessionId()
                                          .orElseThrow(
                                              () ->
                                                  new BrowserSignInException(
                                                      BrowserSignInException.INVALID_SETUP,
                                                      "The redeemed client holds no new session"));
                              return BrowserAuthResult.ofSession(session);
                            });
                  });
        });
  }

  // ---------------------------------------------------------------- email links

  /**
   * Signs in with an email link: sends it, then reloads the sign-in until the link was opened (in
   * any browser, on any device), it expired, or the flow ends.
   *
   * @param emailAddress the account's email address
   * @return the final sign-in
   */
  public CompletableFuture<BrowserAuthResult> emailLinkSignIn(String emailAddress) {
    return run(
        "email_link sign-in",
        flow -> {
          String redirect = emailLinkRedirect(flow);
          return fapi.get()
              .createSignIn(Form.builder().add("identifier", emailAddress).build())
              .thenCompose(
                  si ->
                      fapi.get()
                          .prepareFirstFactor(
                              si.id(),
                              Form.builder()
                                  .add("strategy", "email_link")
                                  .add(
                                      "email_address_id",
                                      si.firstFactor("email_link")
                                          .or(() -> si.firstFactor("email_code"))
                                          .flatMap(Factor::emailAddressId)
                                          .orElse(null))
                                  .add("redirect_url", redirect)
                                  .build()))
              .thenCompose(
                  si ->
                      poll(
                          flow,
                          () -> fapi.get().getSignIn(si.id(), null),
                          SignIn::firstFactorVerification))
              .thenApply(BrowserAuthResult::of);
        });
  }

  /**
   * Verifies a sign-up's email address with an email link, waiting as {@link #emailLinkSignIn}
   * does.
   *
   * @param signUpId the sign-up
   * @return the final sign-up
   */
  public CompletableFuture<BrowserAuthResult> emailLinkSignUp(String signUpId) {
    return run(
        "email_link sign-up verification",
        flow ->
            fapi.get()
                .prepareSignUpVerification(
                    signUpId,
                    Form.builder()
                        .add("strategy", "email_link")
                        .add("redirect_url", emailLinkRedirect(flow))
                        .build())
                .thenCompose(
                    su ->
                        poll(
                            flow,
                            () -> fapi.get().getSignUp(signUpId, null),
                            s -> s.verifications().emailAddress()))
                .thenApply(BrowserAuthResult::of));
  }

  private String emailLinkRedirect(Flow flow) {
    return options.emailLinkRedirectUrl() != null
        ? options.emailLinkRedirectUrl().toString()
        : flow.receiver.redirectUrlWithState().toString();
  }

  /**
   * Reloads every poll interval (and at once when the link's redirect reaches us) until verified or
   * expired.
   */
  private <T> CompletableFuture<T> poll(
      Flow flow,
      Supplier<CompletableFuture<T>> reload,
      Function<T, Optional<Verification>> verification) {
    CompletableFuture<T> out = new CompletableFuture<>();
    AtomicReference<ScheduledFuture<?>> next = new AtomicReference<>();
    Runnable[] tick = new Runnable[1];
    tick[0] =
        () -> {
          if (flow.done.isDone() || out.isDone()) return;
          reload
              .get()
              .whenComplete(
                  (t, e) -> {
                    if (e != null) {
                      out.completeExceptionally(unwrap(e));
                      return;
                    }
                    VerificationStatus s =
                        verification
                            .apply(t)
                            .map(Verification::status)
                            .orElse(VerificationStatus.UNKNOWN);
                    if (s == VerificationStatus.VERIFIED) {
                      out.complete(t);
                    } else if (s == VerificationStatus.EXPIRED || s == VerificationStatus.FAILED) {
                      out.completeExceptionally(
                          new BrowserSignInException(
                              BrowserSignInException.LINK_EXPIRED,
                              "The email link expired before it was opened; send a new one"));
                    } else if (!flow.done.isDone()) {
                      next.set(
                          scheduler.schedule(
                              tick[0],
                              options.emailLinkPollInterval().toMillis(),
                              TimeUnit.MILLISECONDS));
                    }
                  });
        };
    flow.receiver
        .callback()
        .thenRun(
            () -> {
              ScheduledFuture<?> f = next.get();
              if (f != null) f.cancel(false);
              tick[0].run();
            });
    flow.done.whenComplete(
        (v, e) -> {
          ScheduledFuture<?> f = next.get();
          if (f != null) f.cancel(false);
        });
    next.set(
        scheduler.schedule(
            tick[0], options.emailLinkPollInterval().toMillis(), TimeUnit.MILLISECONDS));
    return out;
  }

  // ---------------------------------------------------------------- plumbing

  /**
   * Runs one flow: claims the single pending slot, opens the receiver, arms the timeout, and in
   * every outcome (success, failure, timeout, cancellation of the returned future) closes the
   * receiver and frees the slot.
   */
  private <T> CompletableFuture<T> run(
      String description, Function<Flow, CompletableFuture<T>> body) {
    Flow flow = new Flow(description);
    Flow other = pending.compareAndExchange(null, flow);
    if (other != null) {
      return CompletableFuture.failedFuture(
          new BrowserSignInException(
              BrowserSignInException.FLOW_PENDING,
              "A browser sign-in is already waiting for the browser ("
                  + other.description
                  + "); cancel it or let it "
                  + "finish before starting "
                  + description));
    }
    try {
      flow.receiver = receiver(flow.state);
    } catch (RuntimeException e) {
      pending.compareAndSet(flow, null);
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    flow.cancel = () -> result.cancel(false);
    AtomicReference<ScheduledFuture<?>> timer = new AtomicReference<>();
    // cleanup runs BEFORE the future completes (so nothing listens once a caller sees the outcome)
    // and again after
    // an outside cancellation; it is idempotent
    Runnable cleanup =
        () -> {
          ScheduledFuture<?> t = timer.get();
          if (t != null) t.cancel(false);
          flow.receiver.close();
          pending.compareAndSet(flow, null);
          flow.done.complete(null);
        };
    timer.set(
        scheduler.schedule(
            () -> {
              cleanup.run();
              result.completeExceptionally(
                  new BrowserSignInException(
                      BrowserSignInException.TIMEOUT,
                      "No answer from the "
                          + "browser within "
                          + options.timeout().toSeconds()
                          + " s ("
                          + description
                          + "); was the tab closed?"));
            },
            options.timeout().toMillis(),
            TimeUnit.MILLISECONDS));
    result.whenComplete((v, e) -> cleanup.run());
    CompletableFuture<T> inner;
    try {
      inner = body.apply(flow);
    } catch (RuntimeException e) {
      inner = CompletableFuture.failedFuture(e);
    }
    inner.whenComplete(
        (v, e) -> {
          cleanup.run();
          if (e != null) {
            result.completeExceptionally(unwrap(e));
          } else {
            result.complete(v);
          }
        });
    return result;
  }

  private CallbackReceiver receiver(String state) {
    RedirectStrategy r = options.redirect();
    if (r instanceof RedirectStrategy.Loopback l) {
      return LoopbackReceiver.start(l.port(), l.path(), state, options.completionUrl());
    }
    return new SchemeReceiver((RedirectStrategy.CustomScheme) r, state);
  }

  /**
   * Runs a call; on 401 {@code signed_out} (the response already carried a replacement client
   * token) once more.
   */
  static <T> CompletableFuture<T> retryOnceIfSignedOut(Supplier<CompletableFuture<T>> call) {
    return call.get()
        .handle(
            (v, e) -> {
              if (e == null) return CompletableFuture.completedFuture(v);
              Throwable cause = unwrap(e);
              if (cause instanceof ClerkApiException api
                  && api.status() == 401
                  && "signed_out".equals(api.code())) {
                return call.get();
              }
              return CompletableFuture.<T>failedFuture(cause);
            })
        .thenCompose(Function.identity());
  }

  static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
    return t;
  }

  /** Returns a description of the pending flow, if any (for tests and diagnostics). */
  public Optional<String> pendingFlow() {
    Flow f = pending.get();
    return f == null ? Optional.empty() : Optional.of(f.description);
  }

  /** Cancels a pending flow and stops the opener threads. */
  @Override
  public void close() {
    Flow f = pending.get();
    if (f != null) f.cancel.run();
    openers.shutdownNow();
  }
}
