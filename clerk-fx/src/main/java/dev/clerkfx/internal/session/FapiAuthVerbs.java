package dev.clerkfx.internal.session;

import dev.clerkfx.ClerkUsageException;
import dev.clerkfx.auth.BrowserAuthResult;
import dev.clerkfx.auth.FactorParams;
import dev.clerkfx.auth.SignInParams;
import dev.clerkfx.auth.SignIns;
import dev.clerkfx.auth.SignUpParams;
import dev.clerkfx.auth.SignUps;
import dev.clerkfx.internal.browser.BrowserFlows;
import dev.clerkfx.internal.fapi.FapiClient;
import dev.clerkfx.internal.fapi.Form;
import dev.clerkfx.model.SignIn;
import dev.clerkfx.model.SignUp;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The sign-in and sign-up verbs over the transport. Client changes (a completed attempt's new
 * session) reach the session manager through the client sync, before the returned future completes.
 */
public final class FapiAuthVerbs {
  private FapiAuthVerbs() {}

  /**
   * Returns the sign-in verbs.
   *
   * @param backend the transport
   * @param browser the browser flows
   * @param locale the BCP 47 language tag sent with each new sign-in (Clerk words its messages and
   *     emails in it), or null to send none
   * @return the verbs
   */
  public static SignIns signIns(FapiBackend backend, BrowserFlows browser, String locale) {
    return new SignInVerbs(backend::fapi, browser, locale);
  }

  /**
   * Returns the sign-up verbs.
   *
   * @param backend the transport
   * @param browser the browser flows
   * @param locale the BCP 47 language tag sent with each new sign-up, or null to send none
   * @return the verbs
   */
  public static SignUps signUps(FapiBackend backend, BrowserFlows browser, String locale) {
    return new SignUpVerbs(backend::fapi, browser, locale);
  }

  private static final class SignInVerbs implements SignIns {
    private final Supplier<FapiClient> fapi;
    private final BrowserFlows browser;
    private final String locale;

    SignInVerbs(Supplier<FapiClient> fapi, BrowserFlows browser, String locale) {
      this.fapi = fapi;
      this.browser = browser;
      this.locale = locale;
    }

    @Override
    public CompletableFuture<BrowserAuthResult> withOAuth(String strategy) {
      if (blank(strategy) || !strategy.startsWith("oauth_"))
        return invalid("withOAuth needs an oauth_<provider> strategy");
      return browser.oauthSignIn(strategy, null);
    }

    @Override
    public CompletableFuture<BrowserAuthResult> withEnterpriseSso(String emailAddress) {
      if (blank(emailAddress) || !emailAddress.contains("@"))
        return invalid("withEnterpriseSso needs an email address");
      return browser.oauthSignIn("enterprise_sso", emailAddress);
    }

    @Override
    public CompletableFuture<BrowserAuthResult> withHostedPages() {
      return browser.hosted("sign-in");
    }

    @Override
    public CompletableFuture<BrowserAuthResult> withEmailLink(String emailAddress) {
      if (blank(emailAddress)) return invalid("withEmailLink needs an email address");
      return browser.emailLinkSignIn(emailAddress);
    }

    @Override
    public CompletableFuture<SignIn> withPassword(String identifier, String password) {
      if (blank(identifier))
        return invalid("withPassword needs an identifier (email address, phone or username)");
      if (password == null || password.isEmpty()) return invalid("withPassword needs a password");
      return create(SignInParams.password(identifier, password));
    }

    @Override
    public CompletableFuture<SignIn> create(SignInParams p) {
      if (p == null) return invalid("create needs SignInParams");
      return fapi.get()
          .createSignIn(
              Form.builder()
                  .add("identifier", p.identifier())
                  .add("strategy", p.strategy())
                  .add("password", p.password())
                  .add("ticket", p.ticket())
                  .add("redirect_url", p.redirectUrl())
                  .add("locale", locale)
                  .build());
    }

    @Override
    public CompletableFuture<SignIn> get(String signInId) {
      if (blank(signInId)) return invalid("get needs a sign-in id");
      return fapi.get().getSignIn(signInId, null);
    }

    @Override
    public CompletableFuture<SignIn> prepareFirstFactor(String signInId, FactorParams p) {
      if (blank(signInId) || p == null || blank(p.strategy()))
        return invalid("prepareFirstFactor needs an id and a strategy");
      return fapi.get().prepareFirstFactor(signInId, prepareForm(p));
    }

    @Override
    public CompletableFuture<SignIn> attemptFirstFactor(String signInId, FactorParams p) {
      if (blank(signInId) || p == null || blank(p.strategy()))
        return invalid("attemptFirstFactor needs an id and a strategy");
      return fapi.get().attemptFirstFactor(signInId, attemptForm(p));
    }

    @Override
    public CompletableFuture<SignIn> prepareSecondFactor(String signInId, FactorParams p) {
      if (blank(signInId) || p == null || blank(p.strategy())) {
        return invalid("prepareSecondFactor needs an id and a strategy");
      }
      return fapi.get().prepareSecondFactor(signInId, prepareForm(p));
    }

    @Override
    public CompletableFuture<SignIn> attemptSecondFactor(String signInId, FactorParams p) {
      if (blank(signInId) || p == null || blank(p.strategy())) {
        return invalid("attemptSecondFactor needs an id and a strategy");
      }
      return fapi.get().attemptSecondFactor(signInId, attemptForm(p));
    }

    @Override
    public CompletableFuture<SignIn> resetPassword(
        String signInId, String newPassword, boolean signOutOfOtherSessions) {
      if (blank(signInId) || newPassword == null || newPassword.isEmpty()) {
        return invalid("resetPassword needs an id and a new password");
      }
      return fapi.get()
          .resetPassword(
              signInId,
              Form.builder()
                  .add("password", newPassword)
                  .add("sign_out_of_other_sessions", signOutOfOtherSessions)
                  .build());
    }

    private static Form prepareForm(FactorParams p) {
      return Form.builder()
          .add("strategy", p.strategy())
          .add("email_address_id", p.emailAddressId())
          .add("phone_number_id", p.phoneNumberId())
          .add("redirect_url", p.redirectUrl())
          .build();
    }

    private static Form attemptForm(FactorParams p) {
      return Form.builder()
          .add("strategy", p.strategy())
          .add("code", p.code())
          .add("password", p.password())
          .build();
    }
  }

  private static final class SignUpVerbs implements SignUps {
    private final Supplier<FapiClient> fapi;
    private final BrowserFlows browser;
    private final String locale;

    SignUpVerbs(Supplier<FapiClient> fapi, BrowserFlows browser, String locale) {
      this.fapi = fapi;
      this.browser = browser;
      this.locale = locale;
    }

    @Override
    public CompletableFuture<BrowserAuthResult> withOAuth(String strategy) {
      if (blank(strategy) || !strategy.startsWith("oauth_"))
        return invalid("withOAuth needs an oauth_<provider> strategy");
      return browser.oauthSignUp(strategy);
    }

    @Override
    public CompletableFuture<BrowserAuthResult> withHostedPages() {
      return browser.hosted("sign-up");
    }

    @Override
    public CompletableFuture<BrowserAuthResult> verifyWithEmailLink(String signUpId) {
      if (blank(signUpId)) return invalid("verifyWithEmailLink needs a sign-up id");
      return browser.emailLinkSignUp(signUpId);
    }

    @Override
    public CompletableFuture<SignUp> create(SignUpParams p) {
      if (p == null) return invalid("create needs SignUpParams");
      return fapi.get().createSignUp(signUpForm(p).add("locale", locale).build());
    }

    @Override
    public CompletableFuture<SignUp> update(String signUpId, SignUpParams p) {
      if (blank(signUpId) || p == null)
        return invalid("update needs a sign-up id and SignUpParams");
      return fapi.get().updateSignUp(signUpId, signUpForm(p).build());
    }

    @Override
    public CompletableFuture<SignUp> get(String signUpId) {
      if (blank(signUpId)) return invalid("get needs a sign-up id");
      return fapi.get().getSignUp(signUpId, null);
    }

    @Override
    public CompletableFuture<SignUp> prepareVerification(String signUpId, String strategy) {
      if (blank(signUpId) || blank(strategy))
        return invalid("prepareVerification needs an id and a strategy");
      return fapi.get()
          .prepareSignUpVerification(signUpId, Form.builder().add("strategy", strategy).build());
    }

    @Override
    public CompletableFuture<SignUp> attemptVerification(
        String signUpId, String strategy, String code) {
      if (blank(signUpId) || blank(strategy) || blank(code)) {
        return invalid("attemptVerification needs an id, a strategy and a code");
      }
      return fapi.get()
          .attemptSignUpVerification(
              signUpId, Form.builder().add("strategy", strategy).add("code", code).build());
    }

    private static Form.Builder signUpForm(SignUpParams p) {
      Form.Builder f =
          Form.builder()
              .add("email_address", p.emailAddress())
              .add("phone_number", p.phoneNumber())
              .add("username", p.username())
              .add("password", p.password())
              .add("first_name", p.firstName())
              .add("last_name", p.lastName())
              .add("strategy", p.strategy())
              .add("legal_accepted", p.legalAccepted());
      if (p.unsafeMetadata() != null) f.addJson("unsafe_metadata", p.unsafeMetadata());
      return f;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static <T> CompletableFuture<T> invalid(String message) {
    return CompletableFuture.failedFuture(new ClerkUsageException("invalid_argument", message));
  }
}
