package dev.clerkfx.ui;

import dev.clerkfx.account.Account;
import dev.clerkfx.account.ReverificationLevel;
import dev.clerkfx.account.ReverificationRequiredException;
import dev.clerkfx.auth.FactorParams;
import dev.clerkfx.internal.ui.FxAsync;
import dev.clerkfx.internal.ui.InlineMessage;
import dev.clerkfx.internal.ui.Themes;
import dev.clerkfx.internal.ui.UiText;
import dev.clerkfx.model.PhoneNumber;
import dev.clerkfx.model.SessionVerification;
import dev.clerkfx.model.User;
import java.util.Comparator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

/**
 * The "confirm it's you" dialog shown when Clerk answers a sensitive change with {@code
 * session_reverification_required}: the password, an authenticator code, an SMS code to the
 * second-factor phone, or an emailed code, as the user's factors and the required level allow; then
 * the change is retried.
 */
final class ReverifyPrompt {
  private enum Step {
    PASSWORD,
    TOTP,
    EMAIL_CODE,
    PHONE_CODE
  }

  private final UserProfileView view;
  private final UiText words;
  private final Account account;
  private final CompletableFuture<Void> done;
  private final Dialog<Void> dialog = new Dialog<>();
  private final Label prompt = new Label();
  private final PasswordField password = new PasswordField();
  private final TextField code = new TextField();
  private final InlineMessage message;
  private final ProgressIndicator progress = new ProgressIndicator();
  private final ReverificationLevel level;
  private Step step;
  private boolean started;
  private PhoneNumber sms;

  private ReverifyPrompt(
      UserProfileView view,
      UiText words,
      UiText common,
      ReverificationLevel level,
      CompletableFuture<Void> done) {
    this.view = view;
    this.done = done;
    this.words = words;
    this.account = view.getClient().account();
    this.message = new InlineMessage(common);
    this.level = level;
  }

  /**
   * Asks the user to reverify. Any thread; the dialog opens on the FX Application Thread.
   *
   * @return completes when the session is reverified; fails with {@link CancellationException} when
   *     the user cancels
   */
  static CompletableFuture<Void> ask(
      UserProfileView view, UiText words, UiText common, ReverificationRequiredException needed) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Platform.runLater(() -> new ReverifyPrompt(view, words, common, needed.level(), done).open());
    return done;
  }

  private void open() {
    User user = view.getClient().auth().getSnapshot().user().orElse(null);
    if (user == null) {
      done.completeExceptionally(new CancellationException("signed out"));
      return;
    }
    boolean second = level == ReverificationLevel.SECOND_FACTOR;
    // the number SMS codes go to as a second factor (the default one first)
    sms =
        user.phoneNumbers().stream()
            .filter(PhoneNumber::reservedForSecondFactor)
            .min(Comparator.comparing(p -> !p.defaultSecondFactor()))
            .orElse(null);
    if (second && user.totpEnabled()) {
      step = Step.TOTP;
    } else if (second && sms != null) {
      step = Step.PHONE_CODE;
    } else if (user.passwordEnabled()) {
      step = Step.PASSWORD;
    } else if (user.totpEnabled()) {
      step = Step.TOTP;
    } else {
      step = Step.EMAIL_CODE;
    }
    dialog.setTitle(words.get("reverify.title"));
    if (view.getScene() != null && view.getScene().getWindow() != null)
      dialog.initOwner(view.getScene().getWindow());
    dialog.initModality(Modality.WINDOW_MODAL);
    password.setId("clerk-reverify-password");
    code.setId("clerk-reverify-code");
    prompt.setWrapText(true);
    progress.setPrefSize(18, 18);
    progress.setVisible(false);
    VBox content = new VBox(8, prompt, password, code, progress, message);
    content.getStyleClass().add("clerk-reverify");
    content.setPrefWidth(340);
    dialog.getDialogPane().setContent(content);
    ButtonType go = new ButtonType(words.get("reverify.continue"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
    Themes.adopt(dialog.getDialogPane(), view);
    dialog.getDialogPane().getStyleClass().add("clerk-dialog");
    Button goButton = (Button) dialog.getDialogPane().lookupButton(go);
    goButton.setId("clerk-reverify-continue");
    goButton.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          e.consume();
          submit();
        });
    dialog.setOnHidden(
        e -> {
          if (!done.isDone())
            done.completeExceptionally(new CancellationException("reverification cancelled"));
        });
    show(step);
    dialog.show();
    if (step == Step.EMAIL_CODE) sendEmailCode();
    if (step == Step.PHONE_CODE) sendPhoneCode(true);
  }

  private void show(Step s) {
    step = s;
    password.setVisible(s == Step.PASSWORD);
    password.setManaged(s == Step.PASSWORD);
    code.setVisible(s != Step.PASSWORD);
    code.setManaged(s != Step.PASSWORD);
    prompt.setText(
        switch (s) {
          case PASSWORD -> words.get("reverify.password");
          case TOTP -> words.get("reverify.totp");
          case EMAIL_CODE -> words.get("reverify.emailCode");
          case PHONE_CODE -> words.get("reverify.phoneCode", sms.phoneNumber());
        });
    TextInputControl field = s == Step.PASSWORD ? password : code;
    field.setAccessibleText(prompt.getText());
    field.clear();
    Platform.runLater(field::requestFocus);
  }

  private void sendEmailCode() {
    User user = view.getClient().auth().getSnapshot().user().orElse(null);
    String emailId = user == null ? null : user.primaryEmailAddressId().orElse(null);
    if (emailId == null) {
      message.showInfo(words.get("reverify.unavailable"));
      return;
    }
    busy(true);
    FxAsync.onFx(
        account
            .startReverification(ReverificationLevel.FIRST_FACTOR)
            .thenCompose(
                v -> account.prepareReverificationFirstFactor(FactorParams.emailCode(emailId))),
        (v, e) -> {
          busy(false);
          started = e == null;
          if (e != null) message.showError(e);
        });
  }

  /**
   * Texts a second-factor code to {@link #sms}, first starting a second-factor reverification when
   * {@code start} (otherwise the first factor has just passed).
   */
  private void sendPhoneCode(boolean start) {
    busy(true);
    CompletableFuture<SessionVerification> begun =
        start
            ? account.startReverification(ReverificationLevel.SECOND_FACTOR)
            : CompletableFuture.completedFuture(null);
    FxAsync.onFx(
        begun.thenCompose(
            v -> account.prepareReverificationSecondFactor(FactorParams.phoneCode(sms.id()))),
        (v, e) -> {
          busy(false);
          started = e == null;
          if (e != null) message.showError(e);
        });
  }

  private void submit() {
    CompletableFuture<SessionVerification> attempt =
        switch (step) {
          case PASSWORD -> account.reverifyWithPassword(password.getText());
          case TOTP ->
              started
                  ? account.attemptReverificationSecondFactor(
                      FactorParams.totp(code.getText().strip()))
                  : account.reverifyWithTotp(code.getText().strip());
          case EMAIL_CODE ->
              account.attemptReverificationFirstFactor(
                  FactorParams.code("email_code", code.getText().strip()));
          case PHONE_CODE ->
              account.attemptReverificationSecondFactor(
                  FactorParams.code("phone_code", code.getText().strip()));
        };
    busy(true);
    message.clear();
    FxAsync.onFx(
        attempt,
        (v, e) -> {
          busy(false);
          if (e != null) {
            message.showError(e);
          } else if (v.complete()) {
            done.complete(null);
            dialog.close();
          } else {
            // the first factor passed; a second one is needed
            started = true;
            User user = view.getClient().auth().getSnapshot().user().orElse(null);
            if (sms != null && (user == null || !user.totpEnabled())) {
              show(Step.PHONE_CODE);
              sendPhoneCode(false);
            } else {
              show(Step.TOTP);
            }
          }
        });
  }

  private void busy(boolean on) {
    progress.setVisible(on);
    password.setDisable(on);
    code.setDisable(on);
  }
}
