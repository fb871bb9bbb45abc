package dev.clerkfx.ui;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.auth.BrowserAuthResult;
import dev.clerkfx.auth.FactorParams;
import dev.clerkfx.auth.SignInParams;
import dev.clerkfx.auth.SignUpParams;
import dev.clerkfx.browser.BrowserSignInException;
import dev.clerkfx.internal.ui.Countdown;
import dev.clerkfx.internal.ui.Problem;
import dev.clerkfx.internal.ui.StepForm;
import dev.clerkfx.internal.ui.UiText;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.Factor;
import dev.clerkfx.model.OrganizationMembership;
import dev.clerkfx.model.Session;
import dev.clerkfx.model.SessionStatus;
import dev.clerkfx.model.SessionTask;
import dev.clerkfx.model.SignIn;
import dev.clerkfx.model.SignUp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;

/**
 * The sign-in and sign-up state machine behind {@link SignInView}: decides the next step from
 * Clerk's answer, builds it as a {@link StepForm}, runs each network action off the FX thread and
 * shows its outcome on it.
 *
 * <p>Steps: identifier → first factor (password, email/phone code with a resend countdown, another
 * method) → second factor (authenticator app, SMS code, backup code) → new-device check (client
 * trust) → pending-session task (choose an organization) → done; email link (a wait screen) and
 * enterprise SSO (the browser) as first factors; forgotten password (code → new password); sign-up
 * with the instance's required fields, missing requirements one at a time, legal consent and
 * verification by code. FX Application Thread only, except where noted.
 */
final class SignInFlow {
  /** How long a code must be waited for before it can be sent again. */
  public static final Duration RESEND_DELAY = Duration.ofSeconds(30);

  private final ClerkClient client;
  private final UiText text;
  private final UiText common;
  private final Clock clock;
  private final Consumer<StepForm> show;
  private final Consumer<Session> done;
  private SignInView.Mode mode;
  private StepForm current;
  private SignIn signIn;
  private SignUp signUp;
  private String identifier = "";
  private int generation;
  private CompletableFuture<?> browserFlow;

  /**
   * Running countdowns with the step they belong to; a step's countdowns stop when another step
   * shows.
   */
  private final java.util.Map<Countdown, StepForm> countdowns = new java.util.LinkedHashMap<>();

  /**
   * Creates the flow; call {@link #restart(SignInView.Mode)} to show the first step.
   *
   * @param client the client whose verbs run
   * @param clock measures countdowns
   * @param show shows a step (replacing the previous one)
   * @param done receives the new session when the flow completes
   */
  public SignInFlow(
      ClerkClient client, Clock clock, Consumer<StepForm> show, Consumer<Session> done) {
    this.client = client;
    this.text = UiText.load("signin", client.locale());
    this.common = UiText.load("common", client.locale());
    this.clock = clock;
    this.show = show;
    this.done = done;
  }

  /** The step on screen. */
  public StepForm current() {
    return current;
  }

  /**
   * Starts over at the first step of {@code newMode}; answers of actions still in flight are
   * ignored.
   *
   * @param newMode sign-in, sign-up or either
   */
  public void restart(SignInView.Mode newMode) {
    this.mode = newMode;
    generation++;
    cancelBrowserFlow();
    signIn = null;
    signUp = null;
    if (client.environment().isEmpty()) {
      StepForm loading =
          new StepForm(
                  "loading", text.get("signin.loading.title"), text.get("signin.loading.subtitle"))
              .noPrimary();
      loading.setBusy(true);
      display(loading);
      int gen = generation;
      client
          .whenLoaded()
          .whenComplete(
              (s, e) ->
                  Platform.runLater(
                      () -> {
                        if (gen == generation) {
                          restart(mode);
                        }
                      }));
      return;
    }
    if (newMode == SignInView.Mode.SIGN_UP) {
      showSignUpStart(null);
    } else {
      showStart();
    }
  }

  /** Stops timers (the view left the scene). */
  public void dispose() {
    generation++;
    cancelBrowserFlow();
    countdowns.keySet().forEach(Countdown::stop);
    countdowns.clear();
  }

  private Environment env() {
    return client.environment().orElseThrow();
  }

  private String appName() {
    return env().displayConfig().applicationName().orElse("");
  }

  private void display(StepForm step) {
    cancelBrowserFlow();
    countdowns
        .entrySet()
        .removeIf(
            e -> {
              if (e.getValue() != step) e.getKey().stop();
              return e.getValue() != step || e.getKey().isFinished();
            });
    current = step;
    show.accept(step);
    step.focusFirst();
  }

  // ---------------------------------------------------------------- running actions

  /**
   * Runs an action of {@code step}: busy while it runs, its answer handled on the FX thread unless
   * superseded.
   */
  private <T> void run(StepForm step, CompletableFuture<T> action, Consumer<T> onSuccess) {
    run(step, () -> action, onSuccess);
  }

  private <T> void run(
      StepForm step,
      java.util.function.Supplier<CompletableFuture<T>> action,
      Consumer<T> onSuccess) {
    int gen = generation;
    step.clearErrors();
    step.setBusy(true);
    CompletableFuture<T> future;
    try {
      future = action.get();
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    future.whenComplete(
        (value, error) ->
            Platform.runLater(
                () -> {
                  if (gen != generation || step != current) {
                    return;
                  }
                  step.setBusy(false);
                  if (error != null) {
                    showProblem(step, Problem.of(error));
                  } else {
                    onSuccess.accept(value);
                  }
                }));
  }

  /**
   * Shows a failure on {@code step}: beside its field, or for the whole step, with a countdown when
   * it has one.
   */
  public void showProblem(StepForm step, Problem p) {
    switch (p.kind()) {
      case CLERK -> step.showError(p.field().orElse(null), p.message());
      case NETWORK -> step.showError(null, common.get("common.error.network"));
      case RATE_LIMITED -> {
        step.setPrimaryBlocked(true);
        countdowns.put(
            Countdown.start(
                clock,
                p.retryIn().orElse(Duration.ofSeconds(10)),
                s -> step.setStepMessage(common.get("common.error.rateLimited", s)),
                () -> {
                  step.setStepMessage(null);
                  step.setPrimaryBlocked(false);
                }),
            step);
      }
      case LOCKED ->
          step.showError(
              null,
              p.retryIn()
                  .map(w -> text.get("signin.error.locked", lockoutText(w)))
                  .orElse(text.get("signin.error.lockedUnknown")));
      case OTHER ->
          step.showError(
              null,
              switch (p.code()) {
                case BrowserSignInException.ACCESS_DENIED -> text.get("signin.error.browserDenied");
                case BrowserSignInException.TIMEOUT -> text.get("signin.error.browserTimeout");
                case BrowserSignInException.LINK_EXPIRED -> text.get("signin.error.linkExpired");
                default -> common.get("common.error.unknown");
              });
    }
  }

  private String lockoutText(Duration wait) {
    long minutes = (wait.toSeconds() + 59) / 60;
    return minutes < 2
        ? text.get("signin.duration.seconds", wait.toSeconds())
        : minutes < 120
            ? text.get("signin.duration.minutes", minutes)
            : text.get("signin.duration.hours", (minutes + 59) / 60);
  }

  // ---------------------------------------------------------------- sign-in start

  private List<String> identifierKinds() {
    List<String> kinds = new ArrayList<>();
    for (String k : List.of("email_address", "phone_number", "username")) {
      Environment.Attribute a = env().userSettings().attributes().get(k);
      boolean usable =
          a != null
              ? a.enabled() && (a.usedForFirstFactor() || k.equals("username"))
              : env().authConfig().identificationStrategies().contains(k);
      if (usable && env().authConfig().identificationStrategies().contains(k)) {
        kinds.add(k);
      }
    }
    if (kinds.isEmpty()) {
      kinds.add("email_address");
    }
    return kinds;
  }

  private void showStart() {
    List<String> kinds = identifierKinds();
    String label =
        text.get(
            "signin.identifier."
                + String.join("+", kinds)
                    .replace("email_address", "email")
                    .replace("phone_number", "phone"));
    if (label.startsWith("!")) {
      label = text.get("signin.identifier.any");
    }
    StepForm step =
        new StepForm(
            "start",
            appName().isEmpty()
                ? text.get("signin.start.titlePlain")
                : text.get("signin.start.title", appName()),
            text.get("signin.start.subtitle"));
    socialButtons(step, false);
    step.field("identifier", label, false, identifier);
    step.primary(common.get("common.continue"), () -> submitIdentifier(step));
    if (signUpAllowed()) {
      step.footer(
          "clerk-to-sign-up",
          text.get("signin.start.noAccount"),
          text.get("signin.start.signUp"),
          () -> showSignUpStart(null));
    }
    display(step);
  }

  /**
   * One button per social provider the instance enables, in Clerk's order; each signs in through
   * the browser.
   */
  private void socialButtons(StepForm step, boolean signingUp) {
    List<Environment.SocialProvider> providers =
        env().userSettings().enabledSocialProviders().stream()
            .filter(Environment.SocialProvider::authenticatable)
            .filter(
                p ->
                    env().authConfig().identificationStrategies().isEmpty()
                        || env().authConfig().identificationStrategies().contains(p.strategy())
                        || env().authConfig().firstFactors().contains(p.strategy()))
            .toList();
    if (providers.isEmpty()) {
      return;
    }
    javafx.scene.layout.VBox row = new javafx.scene.layout.VBox(8);
    row.getStyleClass().add("clerk-social-row");
    for (Environment.SocialProvider p : providers) {
      String name = p.name().orElse(p.strategy().replace("oauth_", ""));
      Button b = new Button(text.get("signin.social.continueWith", name));
      b.setId("clerk-social-" + p.strategy().replace("oauth_", ""));
      b.getStyleClass().addAll("clerk-choice-button", "clerk-social-button");
      b.setAccessibleText(b.getText());
      b.setMaxWidth(Double.MAX_VALUE);
      b.setMinWidth(0);
      b.setOnAction(
          e ->
              browser(
                  step,
                  signingUp
                      ? client.signUp().withOAuth(p.strategy())
                      : client.signIn().withOAuth(p.strategy())));
      row.getChildren().add(b);
    }
    step.addBody(row);
    Label or = new Label(text.get("signin.social.or"));
    or.getStyleClass().add("clerk-divider");
    or.setMaxWidth(Double.MAX_VALUE);
    or.setAlignment(javafx.geometry.Pos.CENTER);
    step.addBody(or);
  }

  /**
   * Waits for a browser flow (OAuth, enterprise SSO, email link) and continues with its outcome.
   */
  private void browser(StepForm step, CompletableFuture<BrowserAuthResult> flow) {
    cancelBrowserFlow();
    browserFlow = flow;
    step.setStepMessage(null);
    run(
        step,
        flow,
        r -> {
          browserFlow = null;
          if (r.signIn().isPresent()) {
            handle(r.signIn().get());
          } else if (r.signUp().isPresent()) {
            handleSignUp(r.signUp().get());
          } else {
            finish(r.createdSessionId().orElse(null));
          }
        });
    if (!flow.isDone()) {
      step.setStepMessage(text.get("signin.social.inBrowser"));
      step.pseudoClassStateChanged(StepForm.ERROR, false);
    }
  }

  private void cancelBrowserFlow() {
    if (browserFlow != null) {
      browserFlow.cancel(true);
      browserFlow = null;
    }
  }

  private boolean signUpAllowed() {
    return env()
        .userSettings()
        .signUp()
        .flatMap(Environment.SignUpSettings::mode)
        .map(m -> !m.equals("restricted") && !m.equals("waitlist"))
        .orElse(true);
  }

  private void submitIdentifier(StepForm step) {
    String id = step.text("identifier");
    if (id.isEmpty()) {
      step.showError("identifier", text.get("signin.error.required"));
      return;
    }
    identifier = id;
    int gen = generation;
    step.clearErrors();
    step.setBusy(true);
    client
        .signIn()
        .create(SignInParams.identifier(id))
        .whenComplete(
            (si, error) ->
                Platform.runLater(
                    () -> {
                      if (gen != generation || step != current) return;
                      step.setBusy(false);
                      if (error == null) {
                        handle(si);
                        return;
                      }
                      Problem p = Problem.of(error);
                      if (p.kind() == Problem.Kind.CLERK
                          && p.code().equals("form_identifier_not_found")
                          && mode == SignInView.Mode.SIGN_IN_OR_UP
                          && signUpAllowed()) {
                        startSignUpWithIdentifier(step, id);
                      } else {
                        showProblem(
                            step,
                            p.kind() == Problem.Kind.CLERK && p.field().isEmpty()
                                ? new Problem(
                                    p.kind(),
                                    p.code(),
                                    p.message(),
                                    Optional.of("identifier"),
                                    p.retryIn())
                                : p);
                      }
                    }));
  }

  // ---------------------------------------------------------------- sign-in answers

  /** Shows the step that follows Clerk's answer. */
  private void handle(SignIn si) {
    this.signIn = si;
    switch (si.status()) {
      case COMPLETE -> finish(si.createdSessionId().orElse(null));
      case NEEDS_FIRST_FACTOR -> showFirstFactor(preferredFirstFactor(si));
      case NEEDS_SECOND_FACTOR -> showSecondFactor(preferredSecondFactor(si));
      case NEEDS_CLIENT_TRUST -> startClientTrust();
      case NEEDS_NEW_PASSWORD -> showNewPassword();
      default -> {
        StepForm step = current;
        step.showError(null, text.get("signin.error.unsupported"));
      }
    }
  }

  private Optional<Factor> preferredFirstFactor(SignIn si) {
    boolean otpFirst =
        env().displayConfig().preferredSignInStrategy().map("otp"::equals).orElse(false);
    List<String> order =
        otpFirst
            ? List.of("enterprise_sso", "email_code", "email_link", "phone_code", "password")
            : List.of("enterprise_sso", "password", "email_code", "email_link", "phone_code");
    for (String s : order) {
      Optional<Factor> f = si.firstFactor(s);
      if (f.isPresent()) return f;
    }
    return si.supportedFirstFactors().stream()
        .filter(f -> isFirstFactorShown(f.strategy()))
        .findFirst();
  }

  private static boolean isFirstFactorShown(String strategy) {
    return List.of("password", "email_code", "email_link", "phone_code", "enterprise_sso")
        .contains(strategy);
  }

  private void showFirstFactor(Optional<Factor> factor) {
    if (factor.isEmpty()) {
      current.showError(null, text.get("signin.error.unsupported"));
      return;
    }
    Factor f = factor.get();
    switch (f.strategy()) {
      case "password" -> showPassword();
      case "email_code", "phone_code" -> prepareFirst(current, f, () -> showFirstCode(f));
      case "email_link" -> showEmailLink(f);
      case "enterprise_sso" ->
          browser(current, client.signIn().withEnterpriseSso(shownIdentifier()));
      default -> current.showError(null, text.get("signin.error.unsupported"));
    }
  }

  private void prepareFirst(StepForm from, Factor f, Runnable then) {
    run(
        from,
        client.signIn().prepareFirstFactor(signIn.id(), prepareParams(f)),
        si -> {
          signIn = si;
          then.run();
        });
  }

  /** The prepare step of a factor: its strategy and where the code goes. */
  private static FactorParams prepareParams(Factor f) {
    return new FactorParams(
        f.strategy(),
        null,
        null,
        f.emailAddressId().orElse(null),
        f.phoneNumberId().orElse(null),
        null);
  }

  private String shownIdentifier() {
    return signIn != null ? signIn.identifier().orElse(identifier) : identifier;
  }

  private void identityLink(StepForm step) {
    step.link(
        "clerk-edit-identifier",
        text.get("signin.editIdentifier", shownIdentifier()),
        this::backToStart);
  }

  private void backToStart() {
    generation++;
    signIn = null;
    showStart();
  }

  private void showPassword() {
    StepForm step =
        new StepForm(
            "password",
            text.get("signin.password.title"),
            text.get(
                "signin.password.subtitle", appName().isEmpty() ? shownIdentifier() : appName()));
    step.field("password", text.get("signin.password.label"), true, null);
    step.primary(
        common.get("common.continue"),
        () -> {
          if (step.rawText("password").isEmpty()) {
            step.showError("password", text.get("signin.error.required"));
            return;
          }
          run(
              step,
              client
                  .signIn()
                  .attemptFirstFactor(signIn.id(), FactorParams.password(step.rawText("password"))),
              this::handle);
        });
    signIn.supportedFirstFactors().stream()
        .filter(f -> f.strategy().startsWith("reset_password_"))
        .findFirst()
        .ifPresent(
            f ->
                step.link(
                    "clerk-forgot-password",
                    text.get("signin.password.forgot"),
                    () -> prepareFirst(step, f, () -> showResetCode(f))));
    alternativesLink(step, "password", true);
    identityLink(step);
    display(step);
  }

  private void alternativesLink(StepForm step, String except, boolean first) {
    List<Factor> others =
        (first ? signIn.supportedFirstFactors() : signIn.supportedSecondFactors())
            .stream()
                .filter(f -> !f.strategy().equals(except))
                .filter(
                    f ->
                        first
                            ? isFirstFactorShown(f.strategy())
                            : isSecondFactorShown(f.strategy()))
                .toList();
    if (!others.isEmpty()) {
      step.link(
          "clerk-another-method",
          text.get("signin.anotherMethod"),
          () -> showAlternatives(others, first));
    }
  }

  private void showAlternatives(List<Factor> factors, boolean first) {
    StepForm step =
        new StepForm(
            "alternatives",
            text.get("signin.alternatives.title"),
            text.get("signin.alternatives.subtitle"));
    step.noPrimary();
    for (Factor f : factors) {
      Button b = new Button(factorLabel(f));
      b.setId("clerk-method-" + f.strategy().replace('_', '-'));
      b.getStyleClass().add("clerk-choice-button");
      b.setMaxWidth(Double.MAX_VALUE);
      b.setAccessibleText(b.getText());
      b.setOnAction(
          e -> {
            if (first) {
              showFirstFactor(Optional.of(f));
            } else {
              showSecondFactor(Optional.of(f));
            }
          });
      step.addBody(b);
    }
    step.link("clerk-back", common.get("common.back"), () -> handle(signIn));
    display(step);
  }

  private String factorLabel(Factor f) {
    String target = f.safeIdentifier().orElse("");
    return switch (f.strategy()) {
      case "password" -> text.get("signin.method.password");
      case "email_code" -> text.get("signin.method.emailCode", target);
      case "email_link" -> text.get("signin.method.emailLink", target);
      case "enterprise_sso" -> text.get("signin.method.sso");
      case "phone_code" -> text.get("signin.method.phoneCode", target);
      case "totp" -> text.get("signin.method.totp");
      case "backup_code" -> text.get("signin.method.backupCode");
      default -> f.strategy();
    };
  }

  private void showFirstCode(Factor f) {
    boolean email = f.strategy().equals("email_code");
    StepForm step =
        firstFactorCodeStep(
            email ? "email-code" : "phone-code",
            text.get(email ? "signin.code.emailTitle" : "signin.code.phoneTitle"),
            f);
    alternativesLink(step, f.strategy(), true);
    identityLink(step);
    display(step);
  }

  /** A step that asks for the code a first factor sent, with a resend link. */
  private StepForm firstFactorCodeStep(String name, String title, Factor f) {
    StepForm step =
        new StepForm(
            name,
            title,
            text.get("signin.code.subtitle", f.safeIdentifier().orElse(shownIdentifier())));
    step.field("code", text.get("signin.code.label"), false, null);
    step.primary(
        common.get("common.continue"),
        () ->
            attemptCode(
                step,
                code ->
                    client
                        .signIn()
                        .attemptFirstFactor(signIn.id(), FactorParams.code(f.strategy(), code))));
    resendLink(step, () -> client.signIn().prepareFirstFactor(signIn.id(), prepareParams(f)));
    return step;
  }

  /**
   * The email-link wait screen: Clerk emails a link; the step waits until it was opened in any
   * browser.
   */
  private void showEmailLink(Factor f) {
    StepForm step =
        new StepForm(
            "email-link",
            text.get("signin.code.emailTitle"),
            text.get("signin.emailLink.subtitle", f.safeIdentifier().orElse(shownIdentifier())));
    step.noPrimary();
    alternativesLink(step, f.strategy(), true);
    identityLink(step);
    display(step);
    browser(step, client.signIn().withEmailLink(shownIdentifier()));
    step.setBusy(false); // waiting for the link: "use another method" stays available
    step.setStepMessage(text.get("signin.emailLink.waiting"));
    step.pseudoClassStateChanged(StepForm.ERROR, false);
  }

  private void attemptCode(
      StepForm step, java.util.function.Function<String, CompletableFuture<SignIn>> attempt) {
    String code = step.text("code");
    if (code.isEmpty()) {
      step.showError("code", text.get("signin.error.required"));
      return;
    }
    run(step, () -> attempt.apply(code), this::handle);
  }

  /**
   * A "Resend code" link that is disabled for {@link #RESEND_DELAY} after each send, with the
   * seconds shown.
   */
  private <T> void resendLink(
      StepForm step, java.util.function.Supplier<CompletableFuture<T>> resend) {
    Hyperlink[] link = new Hyperlink[1];
    Runnable[] countdown = new Runnable[1];
    countdown[0] =
        () -> {
          step.setBlocked(link[0], true);
          countdowns.put(
              Countdown.start(
                  clock,
                  RESEND_DELAY,
                  s -> link[0].setText(text.get("signin.code.resendIn", s)),
                  () -> {
                    link[0].setText(text.get("signin.code.resend"));
                    step.setBlocked(link[0], false);
                  }),
              step);
        };
    link[0] =
        step.link(
            "clerk-resend",
            text.get("signin.code.resend"),
            () -> {
              if (link[0].isDisabled()) return;
              run(
                  step,
                  resend,
                  value -> {
                    if (value instanceof SignIn si) signIn = si;
                    if (value instanceof SignUp su) signUp = su;
                    countdown[0].run();
                    step.focusFirst();
                  });
            });
    countdown[0].run();
  }

  // ---------------------------------------------------------------- forgotten password

  private void showResetCode(Factor f) {
    StepForm step = firstFactorCodeStep("reset-code", text.get("signin.reset.title"), f);
    step.link("clerk-back", common.get("common.back"), this::showPassword);
    display(step);
  }

  private void showNewPassword() {
    StepForm step =
        new StepForm(
            "new-password",
            text.get("signin.newPassword.title"),
            text.get("signin.newPassword.subtitle"));
    step.field("password", text.get("signin.newPassword.label"), true, null);
    step.field("confirm_password", text.get("signin.newPassword.confirm"), true, null);
    CheckBox others =
        step.checkBox("sign_out_of_other_sessions", text.get("signin.newPassword.signOutOthers"));
    others.setSelected(true);
    step.primary(
        text.get("signin.newPassword.submit"),
        () -> {
          String pw = step.rawText("password");
          if (pw.isEmpty()) {
            step.showError("password", text.get("signin.error.required"));
            return;
          }
          if (!pw.equals(step.rawText("confirm_password"))) {
            step.showError("confirm_password", text.get("signin.error.passwordsDiffer"));
            return;
          }
          run(
              step,
              client.signIn().resetPassword(signIn.id(), pw, others.isSelected()),
              this::handle);
        });
    display(step);
  }

  // ---------------------------------------------------------------- second factor and client trust

  private static boolean isSecondFactorShown(String strategy) {
    return List.of("totp", "phone_code", "backup_code", "email_code").contains(strategy);
  }

  private Optional<Factor> preferredSecondFactor(SignIn si) {
    Optional<Factor> preferred =
        si.supportedSecondFactors().stream()
            .filter(f -> f.isDefault() && isSecondFactorShown(f.strategy()))
            .findFirst();
    if (preferred.isPresent()) return preferred;
    for (String s : List.of("totp", "phone_code", "email_code", "backup_code")) {
      Optional<Factor> f = si.secondFactor(s);
      if (f.isPresent()) return f;
    }
    return Optional.empty();
  }

  private void showSecondFactor(Optional<Factor> factor) {
    if (factor.isEmpty()) {
      current.showError(null, text.get("signin.error.unsupported"));
      return;
    }
    Factor f = factor.get();
    if (f.strategy().equals("phone_code") || f.strategy().equals("email_code")) {
      run(
          current,
          client.signIn().prepareSecondFactor(signIn.id(), prepareParams(f)),
          si -> {
            signIn = si;
            showSecondFactorStep(f);
          });
    } else {
      showSecondFactorStep(f);
    }
  }

  private void showSecondFactorStep(Factor f) {
    String kind =
        switch (f.strategy()) {
          case "totp" -> "totp";
          case "backup_code" -> "backup-code";
          default -> "second-code";
        };
    String subtitle =
        switch (f.strategy()) {
          case "totp" -> text.get("signin.totp.subtitle");
          case "backup_code" -> text.get("signin.backup.subtitle");
          default -> text.get("signin.code.subtitle", f.safeIdentifier().orElse(""));
        };
    StepForm step =
        new StepForm(
            kind,
            text.get(
                f.strategy().equals("backup_code")
                    ? "signin.backup.title"
                    : "signin.secondFactor.title"),
            subtitle);
    step.field(
        "code",
        text.get(f.strategy().equals("backup_code") ? "signin.backup.label" : "signin.code.label"),
        false,
        null);
    step.primary(
        common.get("common.continue"),
        () ->
            attemptCode(
                step,
                code ->
                    client
                        .signIn()
                        .attemptSecondFactor(signIn.id(), FactorParams.code(f.strategy(), code))));
    if (f.strategy().equals("phone_code") || f.strategy().equals("email_code")) {
      resendLink(step, () -> client.signIn().prepareSecondFactor(signIn.id(), prepareParams(f)));
    }
    alternativesLink(step, f.strategy(), false);
    display(step);
  }

  private void startClientTrust() {
    Optional<Factor> f =
        signIn.secondFactor("email_code").or(() -> signIn.secondFactor("phone_code"));
    if (f.isEmpty()) {
      current.showError(null, text.get("signin.error.unsupported"));
      return;
    }
    Factor factor = f.get();
    FactorParams prepare = prepareParams(factor);
    run(
        current,
        client.signIn().prepareSecondFactor(signIn.id(), prepare),
        si -> {
          signIn = si;
          StepForm step =
              new StepForm(
                  "client-trust",
                  text.get("signin.trust.title"),
                  text.get(
                      "signin.trust.subtitle", factor.safeIdentifier().orElse(shownIdentifier())));
          step.field("code", text.get("signin.code.label"), false, null);
          step.primary(
              common.get("common.continue"),
              () ->
                  attemptCode(
                      step,
                      code ->
                          client
                              .signIn()
                              .attemptSecondFactor(
                                  signIn.id(), FactorParams.code(factor.strategy(), code))));
          resendLink(step, () -> client.signIn().prepareSecondFactor(signIn.id(), prepare));
          identityLink(step);
          display(step);
        });
  }

  // ---------------------------------------------------------------- sign-up

  private static final List<String> SIGN_UP_FIELDS =
      List.of("first_name", "last_name", "username", "email_address", "phone_number", "password");

  private boolean enabled(String attribute) {
    Environment.Attribute a = env().userSettings().attributes().get(attribute);
    return a != null && a.enabled();
  }

  private boolean required(String attribute) {
    Environment.Attribute a = env().userSettings().attributes().get(attribute);
    return a != null && a.enabled() && a.required();
  }

  private boolean legalRequired() {
    return env()
        .userSettings()
        .signUp()
        .map(Environment.SignUpSettings::legalConsentEnabled)
        .orElse(false);
  }

  private String fieldLabel(String field) {
    return text.get("signup.field." + field);
  }

  private void showSignUpStart(String prefilledEmail) {
    generation++;
    signIn = null;
    StepForm step =
        new StepForm(
            "sign-up",
            text.get("signup.title"),
            appName().isEmpty()
                ? text.get("signup.subtitlePlain")
                : text.get("signup.subtitle", appName()));
    socialButtons(step, true);
    List<String> shown = new ArrayList<>();
    for (String field : SIGN_UP_FIELDS) {
      boolean show = required(field) || (field.endsWith("_name") && enabled(field));
      if (show) {
        shown.add(field);
        String label =
            required(field) ? fieldLabel(field) : text.get("signup.optional", fieldLabel(field));
        step.field(
            field,
            label,
            field.equals("password"),
            field.equals("email_address")
                ? (prefilledEmail != null ? prefilledEmail : identifier)
                : null);
      }
    }
    CheckBox legal =
        legalRequired() ? step.checkBox("legal_accepted", text.get("signup.legal")) : null;
    step.primary(
        common.get("common.continue"),
        () -> {
          for (String field : shown) {
            if (required(field)
                && (field.equals("password") ? step.rawText(field) : step.text(field)).isEmpty()) {
              step.showError(field, text.get("signin.error.required"));
              return;
            }
          }
          if (legal != null && !legal.isSelected()) {
            step.showError("legal_accepted", text.get("signup.legalRequired"));
            return;
          }
          SignUpParams p =
              new SignUpParams(
                  nonEmpty(step.text("email_address")),
                  nonEmpty(step.text("phone_number")),
                  nonEmpty(step.text("username")),
                  nonEmpty(step.rawText("password")),
                  nonEmpty(step.text("first_name")),
                  nonEmpty(step.text("last_name")),
                  null,
                  null,
                  legal != null ? Boolean.TRUE : null);
          if (p.emailAddress() != null) identifier = p.emailAddress();
          run(step, client.signUp().create(p), this::handleSignUp);
        });
    step.footer(
        "clerk-to-sign-in",
        text.get("signup.haveAccount"),
        text.get("signup.signIn"),
        this::backToStart);
    display(step);
  }

  private static String nonEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /**
   * Sign-in-or-up: the identifier is new, so a sign-up starts with it and asks for what is missing.
   */
  private void startSignUpWithIdentifier(StepForm step, String id) {
    SignUpParams p =
        id.contains("@")
            ? new SignUpParams(id, null, null, null, null, null, null, null, null)
            : id.startsWith("+")
                ? SignUpParams.empty().withPhoneNumber(id)
                : SignUpParams.empty().withUsername(id);
    run(step, client.signUp().create(p), this::handleSignUp);
  }

  private void handleSignUp(SignUp su) {
    this.signUp = su;
    switch (su.status()) {
      case COMPLETE -> finish(su.createdSessionId().orElse(null));
      case MISSING_REQUIREMENTS -> {
        List<String> missing =
            su.missingFields().stream().filter(f -> !f.startsWith("oauth_")).toList();
        if (!missing.isEmpty()) {
          showMissingField(missing.get(0));
        } else if (su.unverifiedFields().contains("email_address")) {
          prepareSignUpCode("email_code", su.emailAddress().orElse(""));
        } else if (su.unverifiedFields().contains("phone_number")) {
          prepareSignUpCode("phone_code", su.phoneNumber().orElse(""));
        } else {
          current.showError(null, text.get("signin.error.unsupported"));
        }
      }
      default -> current.showError(null, text.get("signin.error.unsupported"));
    }
  }

  /** Asks for one missing field (Clerk's {@code missing_fields}), then updates the sign-up. */
  private void showMissingField(String field) {
    StepForm step =
        new StepForm(
            "missing-" + field.replace('_', '-'),
            text.get("signup.missing.title"),
            text.get("signup.missing.subtitle"));
    CheckBox legal = null;
    if (field.equals("legal_accepted")) {
      legal = step.checkBox("legal_accepted", text.get("signup.legal"));
    } else {
      String label = text.get("signup.field." + field);
      step.field(field, label.startsWith("!") ? field : label, field.equals("password"), null);
    }
    CheckBox legalBox = legal;
    step.primary(
        common.get("common.continue"),
        () -> {
          SignUpParams p = SignUpParams.empty();
          String v = field.equals("password") ? step.rawText(field) : step.text(field);
          if ((legalBox == null && v.isEmpty()) || (legalBox != null && !legalBox.isSelected())) {
            step.showError(
                field,
                text.get(legalBox != null ? "signup.legalRequired" : "signin.error.required"));
            return;
          }
          p =
              switch (field) {
                case "password" ->
                    new SignUpParams(null, null, null, v, null, null, null, null, null);
                case "email_address" ->
                    new SignUpParams(v, null, null, null, null, null, null, null, null);
                case "phone_number" -> SignUpParams.empty().withPhoneNumber(v);
                case "username" -> SignUpParams.empty().withUsername(v);
                case "first_name" -> SignUpParams.empty().withNames(v, null);
                case "last_name" -> SignUpParams.empty().withNames(null, v);
                case "legal_accepted" -> SignUpParams.empty().withLegalAccepted(true);
                default -> p;
              };
          run(step, client.signUp().update(signUp.id(), p), this::handleSignUp);
        });
    step.link("clerk-back", common.get("common.back"), () -> restart(mode));
    display(step);
  }

  private void prepareSignUpCode(String strategy, String target) {
    run(
        current,
        client.signUp().prepareVerification(signUp.id(), strategy),
        su -> {
          signUp = su;
          boolean email = strategy.equals("email_code");
          StepForm step =
              new StepForm(
                  email ? "verify-email" : "verify-phone",
                  text.get(email ? "signup.verifyEmail.title" : "signup.verifyPhone.title"),
                  text.get("signin.code.subtitle", target));
          step.field("code", text.get("signin.code.label"), false, null);
          step.primary(
              common.get("common.continue"),
              () -> {
                String code = step.text("code");
                if (code.isEmpty()) {
                  step.showError("code", text.get("signin.error.required"));
                  return;
                }
                run(
                    step,
                    client.signUp().attemptVerification(signUp.id(), strategy, code),
                    this::handleSignUp);
              });
          resendLink(step, () -> client.signUp().prepareVerification(signUp.id(), strategy));
          step.link("clerk-back", common.get("common.back"), () -> restart(mode));
          display(step);
        });
  }

  // ---------------------------------------------------------------- done

  private void finish(String sessionId) {
    Session session =
        client.sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst().orElse(null);
    if (session != null
        && session.status() == SessionStatus.PENDING
        && pendingTask(session).isPresent()) {
      showTask(session);
      return;
    }
    StepForm step = new StepForm("done", text.get("signin.done.title"), null).noPrimary();
    display(step);
    done.accept(session);
  }

  /**
   * The task a pending session needs next: Clerk's {@code current_task}, else the first of its
   * {@code tasks} (Clerk may send only the list).
   */
  private static Optional<SessionTask> pendingTask(Session session) {
    return session.currentTask().or(() -> session.tasks().stream().findFirst());
  }

  /**
   * A pending session: names the task Clerk asks for. For {@code choose-organization} it lists the
   * user's organizations, and choosing one activates it, which finishes the task; other tasks are
   * left to the app (or the account components).
   */
  private void showTask(Session session) {
    String key = pendingTask(session).map(SessionTask::key).orElse("");
    String label = text.get("signin.task." + key);
    StepForm step =
        new StepForm(
            "task",
            text.get("signin.task.title"),
            label.startsWith("!") ? text.get("signin.task.other", key) : label);
    List<OrganizationMembership> memberships =
        key.equals("choose-organization")
            ? session.user().map(u -> u.organizationMemberships()).orElse(List.of())
            : List.of();
    if (memberships.isEmpty()) {
      step.primary(common.get("common.continue"), () -> done.accept(session));
      Label hint = new Label(text.get("signin.task.hint"));
      hint.setWrapText(true);
      hint.getStyleClass().add("clerk-subtitle");
      step.addBody(hint);
    } else {
      step.noPrimary();
      for (OrganizationMembership m : memberships) {
        Button b =
            new Button(
                m.organization()
                    .name()
                    .or(() -> m.organization().slug())
                    .orElse(m.organization().id()));
        b.setId("clerk-organization-" + m.organization().id());
        b.getStyleClass().add("clerk-choice-button");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAccessibleText(b.getText());
        b.setOnAction(
            e ->
                run(
                    step,
                    client.setActive(session.id(), m.organization().id()),
                    snapshot -> finish(session.id())));
        step.addBody(b);
      }
    }
    display(step);
  }
}
