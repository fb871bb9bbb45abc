package dev.clerkfx.sample;

import dev.clerkfx.auth.FactorParams;
import dev.clerkfx.auth.SignInParams;
import dev.clerkfx.auth.SignIns;
import dev.clerkfx.model.Factor;
import dev.clerkfx.model.SignIn;
import dev.clerkfx.model.SignInStatus;
import dev.clerkfx.sample.ClerkInstance.DemoCredentials;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The sample's own small sign-in form: email and password, or a code sent by email. Errors from Clerk show inline.
 * It only calls the SDK's sign-in verbs: a {@code complete} sign-in makes the session current and the auth state
 * switches the window to the signed-in view by itself. (The SDK's ready-made sign-in dialog will replace this form.)
 */
final class SignInView extends VBox {
  private final SignIns signIns;
  private final TextField email = new TextField();
  private final PasswordField password = new PasswordField();
  private final TextField code = new TextField();
  private final Button signIn = new Button("Sign in");
  private final Button sendCode = new Button("Email me a code");
  private final Button verifyCode = new Button("Verify code");
  private final HBox codeRow;
  private final Label error = new Label();
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final Optional<DemoCredentials> demo;
  private String pendingSignInId;

  SignInView(SignIns signIns, Optional<DemoCredentials> demo) {
    this.signIns = signIns;
    this.demo = demo;
    getStyleClass().add("sign-in-view");
    setSpacing(10);
    setMaxWidth(360);
    setAlignment(Pos.TOP_LEFT);

    Label title = new Label("Sign in");
    title.getStyleClass().add("title-2");
    email.setId("email");
    email.setPromptText("Email address");
    password.setId("password");
    password.setPromptText("Password");
    code.setId("code");
    code.setPromptText("6-digit code");
    signIn.setId("sign-in");
    signIn.setDefaultButton(true);
    signIn.setMaxWidth(Double.MAX_VALUE);
    signIn.getStyleClass().add("accent");
    sendCode.setId("send-code");
    sendCode.setMaxWidth(Double.MAX_VALUE);
    verifyCode.setId("verify-code");
    error.setId("sign-in-error");
    error.getStyleClass().add("danger");
    error.setWrapText(true);
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    error.visibleProperty().bind(error.managedProperty());

    HBox.setHgrow(code, Priority.ALWAYS);
    codeRow = new HBox(8, code, verifyCode);
    codeRow.managedProperty().bind(codeRow.visibleProperty());
    codeRow.setVisible(false);

    signIn.disableProperty().bind(busy.or(email.textProperty().isEmpty()).or(password.textProperty().isEmpty()));
    sendCode.disableProperty().bind(busy.or(email.textProperty().isEmpty()));
    verifyCode.disableProperty().bind(busy.or(code.textProperty().isEmpty()));
    signIn.setOnAction(e -> signInWithPassword());
    sendCode.setOnAction(e -> sendEmailCode());
    verifyCode.setOnAction(e -> verifyEmailCode());

    getChildren().addAll(title, email, password, signIn, new Separator(), sendCode, codeRow, error);
    demo.ifPresent(credentials -> {
      email.setText(credentials.email());
      password.setText(credentials.password());
      Label hint = new Label("Embedded emulator — demo user: " + credentials.email()
          + " (password filled in; email code 424242)");
      hint.setId("demo-hint");
      hint.getStyleClass().addAll("text-muted", "text-small");
      hint.setWrapText(true);
      getChildren().add(1, hint);
    });
  }

  /** Readies the form for the next sign-in: no code step, no error, the demo password filled in again. */
  void reset() {
    if (!busy.get()) {
      code.clear();
      codeRow.setVisible(false);
      pendingSignInId = null;
      error.setText("");
      demo.ifPresent(credentials -> password.setText(credentials.password()));
    }
  }

  private void signInWithPassword() {
    run(signIns.withPassword(email.getText().strip(), password.getText()));
  }

  private void sendEmailCode() {
    run(signIns.create(SignInParams.identifier(email.getText().strip())).thenCompose(attempt -> {
      Optional<String> emailAddressId = attempt.firstFactor("email_code").flatMap(Factor::emailAddressId);
      if (emailAddressId.isEmpty()) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("This account cannot sign in with an email code."));
      }
      return signIns.prepareFirstFactor(attempt.id(), FactorParams.emailCode(emailAddressId.get()));
    }));
  }

  private void verifyEmailCode() {
    if (pendingSignInId == null) {
      error.setText("Ask for a code first.");
      return;
    }
    run(signIns.attemptFirstFactor(pendingSignInId, FactorParams.code("email_code", code.getText().strip())));
  }

  private void run(CompletableFuture<SignIn> step) {
    busy.set(true);
    error.setText("");
    step.whenComplete((attempt, failure) -> Platform.runLater(() -> {
      busy.set(false);
      if (failure != null) {
        error.setText(UiText.describe(failure));
      } else {
        show(attempt);
      }
    }));
  }

  private void show(SignIn attempt) {
    if (attempt.status() == SignInStatus.COMPLETE) {
      password.clear();
      code.clear();
      codeRow.setVisible(false);
      pendingSignInId = null;
    } else if (attempt.status() == SignInStatus.NEEDS_FIRST_FACTOR) {
      pendingSignInId = attempt.id();
      codeRow.setVisible(true);
      code.requestFocus();
    } else {
      error.setText("This sign-in needs a step the sample form does not offer (" + attempt.status()
          + "); use the SDK's sign-in dialog.");
    }
  }
}
