package dev.clerkfx.ui;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.account.Account;
import dev.clerkfx.internal.ui.QrCodes;
import dev.clerkfx.model.ActiveSession;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.PhoneNumber;
import dev.clerkfx.model.SessionActivity;
import dev.clerkfx.model.Totp;
import dev.clerkfx.model.User;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Security page: password; two-step verification (authenticator app, SMS codes, backup codes);
 * devices; deletion.
 */
final class SecurityPage {
  final VBox root = new VBox();
  private final FormKit kit;
  private final ClerkClient client;
  private final Account account;

  // password
  private final Label passwordTitle;
  private final PasswordField current = new PasswordField();
  private final VBox currentField;
  private final PasswordField newPassword = new PasswordField();
  private final PasswordField confirm = new PasswordField();
  private final CheckBox signOutOthers = new CheckBox();
  private final Button savePassword;
  private final FormKit.Form passwordForm;
  private boolean hasPassword;

  // two-step verification
  private final VBox mfaStatus = new VBox(6);
  private final FormKit.Form mfaForm;
  private final VBox enrol = new VBox(8);
  private final ImageView qr = new ImageView();
  private final TextField secret = new TextField();
  private final TextField totpCode = FormKit.text("clerk-profile-totp-code");
  private final FormKit.Form enrolForm;
  private final VBox codes = new VBox(8);
  private final Label codesList = new Label();

  // devices
  private final VBox devices = new VBox(6);
  private final FormKit.Form devicesForm;
  private boolean devicesLoaded;

  // deletion
  private final VBox delete;
  private final VBox deleteConfirm = new VBox(8);
  private final TextField deleteWord = FormKit.text("clerk-profile-delete-confirm");
  private final FormKit.Form deleteForm;

  SecurityPage(FormKit kit) {
    this.kit = kit;
    this.client = kit.view.getClient();
    this.account = client.account();

    // ---- password
    VBox password =
        kit.section(
            "clerk-profile-section-password", kit.words.get("security.password.title"), null);
    passwordTitle = (Label) password.getChildren().get(0);
    current.setId("clerk-profile-password-current");
    newPassword.setId("clerk-profile-password-new");
    confirm.setId("clerk-profile-password-confirm");
    signOutOthers.setId("clerk-profile-password-sign-out-others");
    signOutOthers.setText(kit.words.get("security.password.signOutOthers"));
    signOutOthers.setSelected(true);
    currentField = FormKit.field(kit.words.get("security.password.current"), current);
    currentField.managedProperty().bind(currentField.visibleProperty());
    savePassword =
        FormKit.primary("clerk-profile-password-save", kit.words.get("security.password.update"));
    passwordForm =
        kit.form(current, newPassword, confirm, signOutOthers, savePassword)
            .param("current_password", current)
            .param("new_password", newPassword)
            .param("password", newPassword);
    savePassword.setOnAction(e -> submitPassword());
    current.setOnAction(e -> submitPassword());
    newPassword.setOnAction(e -> submitPassword());
    confirm.setOnAction(e -> submitPassword());
    password
        .getChildren()
        .addAll(
            currentField,
            FormKit.field(kit.words.get("security.password.new"), newPassword),
            FormKit.field(kit.words.get("security.password.confirm"), confirm),
            signOutOthers,
            FormKit.actions(passwordForm.progress, savePassword),
            passwordForm.message);

    // ---- two-step verification
    VBox mfa =
        kit.section(
            "clerk-profile-section-mfa",
            kit.words.get("security.mfa.title"),
            kit.words.get("security.mfa.description"));
    mfaForm = kit.form(mfaStatus);
    qr.setId("clerk-profile-totp-qr");
    qr.setSmooth(false);
    StackPane qrBox = new StackPane(qr);
    qrBox.getStyleClass().add("clerk-qr");
    qrBox.setMaxWidth(StackPane.USE_PREF_SIZE);
    secret.setId("clerk-profile-totp-secret");
    secret.setEditable(false);
    secret.getStyleClass().add("clerk-codes");
    Label scan = new Label(kit.words.get("security.totp.scan"));
    scan.setWrapText(true);
    Button verify = FormKit.primary("clerk-profile-totp-verify", kit.words.get("profile.verify"));
    Button cancel = FormKit.secondary("clerk-profile-totp-cancel", kit.common.get("common.cancel"));
    enrolForm = kit.form(totpCode, verify, cancel).param("code", totpCode);
    Runnable submitCode =
        () -> enrolForm.run(() -> account.verifyTotp(totpCode.getText().strip()), this::enrolled);
    verify.setOnAction(e -> submitCode.run());
    totpCode.setOnAction(e -> submitCode.run());
    cancel.setOnAction(e -> enrol.setVisible(false));
    enrol
        .getChildren()
        .addAll(
            scan,
            qrBox,
            FormKit.field(kit.words.get("security.totp.secret"), secret),
            FormKit.field(kit.words.get("security.totp.code"), totpCode),
            FormKit.actions(enrolForm.progress, cancel, verify),
            enrolForm.message);
    enrol.getStyleClass().add("clerk-profile-enrol");
    enrol.setVisible(false);
    enrol.managedProperty().bind(enrol.visibleProperty());
    codesList.setId("clerk-profile-backup-codes");
    codesList.getStyleClass().add("clerk-codes");
    Label codesNote = new Label(kit.words.get("security.backupCodes.note"));
    codesNote.setWrapText(true);
    Button copy =
        FormKit.secondary(
            "clerk-profile-backup-codes-copy", kit.words.get("security.backupCodes.copy"));
    copy.setOnAction(
        e -> {
          ClipboardContent c = new ClipboardContent();
          c.putString(codesList.getText());
          Clipboard.getSystemClipboard().setContent(c);
        });
    Button done =
        FormKit.primary(
            "clerk-profile-backup-codes-done", kit.words.get("security.backupCodes.done"));
    done.setOnAction(
        e -> {
          codes.setVisible(false);
          codesList.setText("");
        });
    codes.getChildren().addAll(codesNote, codesList, FormKit.actions(copy, done));
    codes.getStyleClass().add("clerk-profile-codes");
    codes.setVisible(false);
    codes.managedProperty().bind(codes.visibleProperty());
    mfa.getChildren().addAll(mfaStatus, mfaForm.progress, mfaForm.message, enrol, codes);

    // ---- devices
    VBox devicesSection =
        kit.section("clerk-profile-section-devices", kit.words.get("security.devices.title"), null);
    devicesForm = kit.form(devices);
    Button refresh =
        FormKit.secondary(
            "clerk-profile-devices-refresh", kit.words.get("security.devices.refresh"));
    refresh.setOnAction(e -> loadDevices());
    devicesSection
        .getChildren()
        .addAll(devices, FormKit.actions(devicesForm.progress, refresh), devicesForm.message);

    // ---- delete account
    delete =
        kit.section(
            "clerk-profile-section-delete",
            kit.words.get("security.delete.title"),
            kit.words.get("security.delete.description"));
    delete.managedProperty().bind(delete.visibleProperty());
    Button start =
        FormKit.secondary("clerk-profile-delete", kit.words.get("security.delete.button"));
    Button confirmDelete =
        FormKit.danger("clerk-profile-delete-confirmed", kit.words.get("security.delete.confirm"));
    String word = kit.words.get("security.delete.word");
    deleteWord.setPromptText(word);
    confirmDelete.disableProperty().bind(deleteWord.textProperty().isNotEqualTo(word));
    deleteForm = kit.form(deleteWord);
    start.setOnAction(
        e -> {
          deleteConfirm.setVisible(true);
          deleteWord.requestFocus();
        });
    Runnable submitDelete =
        () -> {
          if (word.equals(deleteWord.getText())) deleteForm.run(account::deleteAccount, v -> {});
        };
    confirmDelete.setOnAction(e -> submitDelete.run());
    deleteWord.setOnAction(e -> submitDelete.run());
    deleteConfirm
        .getChildren()
        .addAll(
            FormKit.field(kit.words.get("security.delete.type", word), deleteWord),
            FormKit.actions(deleteForm.progress, confirmDelete),
            deleteForm.message);
    deleteConfirm.setVisible(false);
    deleteConfirm.managedProperty().bind(deleteConfirm.visibleProperty());
    delete.getChildren().addAll(FormKit.actions(start), deleteConfirm);

    root.getChildren().addAll(password, mfa, devicesSection, delete);
  }

  private void submitPassword() {
    if (!newPassword.getText().equals(confirm.getText())) {
      passwordForm.message.showProblem(kit.words.get("security.password.mismatch"));
      confirm.requestFocus();
      return;
    }
    String pass = current.getText();
    String next = newPassword.getText();
    boolean others = signOutOthers.isSelected();
    passwordForm.run(
        () -> hasPassword ? account.changePassword(pass, next, others) : account.setPassword(next),
        u -> {
          current.clear();
          newPassword.clear();
          confirm.clear();
          passwordForm.message.showInfo(kit.words.get("security.password.updated"));
        });
  }

  private void enrolled(Totp totp) {
    enrol.setVisible(false);
    totpCode.clear();
    mfaForm.message.showInfo(kit.words.get("security.totp.enabled"));
    showCodes(totp.backupCodes());
  }

  private void showCodes(List<String> list) {
    if (list.isEmpty()) return;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      b.append(list.get(i)).append(i % 2 == 0 ? "    " : "\n");
    }
    codesList.setText(b.toString().strip());
    codes.setVisible(true);
  }

  private void startEnrolment() {
    mfaForm.run(
        account::createTotp,
        totp -> {
          String uri = totp.uri().orElse("");
          qr.setImage(uri.isEmpty() ? null : QrCodes.render(uri, 4));
          qr.setAccessibleText(kit.words.get("security.totp.qr"));
          secret.setText(totp.secret().orElse(""));
          totpCode.clear();
          enrol.setVisible(true);
          totpCode.requestFocus();
        });
  }

  void update(User user, Optional<Environment> environment) {
    hasPassword = user.passwordEnabled();
    currentField.setVisible(hasPassword);
    signOutOthers.setVisible(hasPassword);
    signOutOthers.setManaged(hasPassword);
    savePassword.setText(
        kit.words.get(hasPassword ? "security.password.update" : "security.password.set"));
    passwordTitle.setText(kit.words.get("security.password.title"));

    mfaStatus.getChildren().clear();
    Label app = new Label(kit.words.get("security.totp.title"));
    HBox appContent = new HBox(8, app);
    appContent.setAlignment(Pos.CENTER_LEFT);
    if (user.totpEnabled()) {
      appContent.getChildren().add(FormKit.badge(kit.words.get("security.enabled"), false));
      Button remove =
          FormKit.rowAction(
              "clerk-profile-totp-remove",
              kit.words.get("profile.remove"),
              kit.words.get("security.totp.remove"),
              () -> mfaForm.run(account::disableTotp, u -> {}));
      mfaStatus.getChildren().add(FormKit.row(appContent, remove));
      enrol.setVisible(false);
    } else {
      Button add = FormKit.secondary("clerk-profile-totp-add", kit.words.get("security.totp.add"));
      add.setOnAction(e -> startEnrolment());
      mfaStatus.getChildren().add(FormKit.row(appContent, add));
    }
    smsRows(user, environment);
    if (user.twoFactorEnabled() || user.backupCodeEnabled()) {
      Label label = new Label(kit.words.get("security.backupCodes.title"));
      Button regenerate =
          FormKit.secondary(
              "clerk-profile-backup-codes-regenerate",
              kit.words.get(
                  user.backupCodeEnabled()
                      ? "security.backupCodes.regenerate"
                      : "security.backupCodes.create"));
      regenerate.setOnAction(
          e -> mfaForm.run(account::createBackupCodes, c -> showCodes(c.codes())));
      mfaStatus.getChildren().add(FormKit.row(label, regenerate));
    }
    delete.setVisible(user.deleteSelfEnabled());
  }

  /**
   * SMS codes as a second factor: each number in use, with Remove; when the instance allows it,
   * each other verified number, with "Use for two-step verification".
   */
  private void smsRows(User user, Optional<Environment> environment) {
    boolean allowed =
        environment
            .map(e -> e.userSettings().attributes().get("phone_number"))
            .map(
                a ->
                    a.enabled()
                        && a.usedForSecondFactor()
                        && a.secondFactors().contains("phone_code"))
            .orElse(false);
    boolean any = false;
    for (PhoneNumber p : user.phoneNumbers()) {
      String number = p.phoneNumber();
      if (p.reservedForSecondFactor()) {
        any = true;
        HBox content = new HBox(8, new Label(kit.words.get("security.sms.title", number)));
        content.setAlignment(Pos.CENTER_LEFT);
        if (p.defaultSecondFactor()) {
          content.getChildren().add(FormKit.badge(kit.words.get("security.sms.default"), false));
        }
        Button remove =
            FormKit.rowAction(
                "clerk-profile-sms-remove-" + p.id(),
                kit.words.get("profile.remove"),
                kit.words.get("security.sms.removeOf", number),
                () ->
                    mfaForm.run(
                        () -> account.setPhoneNumberSecondFactor(p.id(), false),
                        done ->
                            mfaForm.message.showInfo(
                                kit.words.get("security.sms.removed", number))));
        mfaStatus.getChildren().add(FormKit.row(content, remove));
      } else if (allowed && p.verified()) {
        any = true;
        Label label = new Label(kit.words.get("security.sms.title", number));
        Button use =
            FormKit.rowAction(
                "clerk-profile-sms-add-" + p.id(),
                kit.words.get("security.sms.use"),
                kit.words.get("security.sms.useOf", number),
                () ->
                    mfaForm.run(
                        () -> account.setPhoneNumberSecondFactor(p.id(), true),
                        done -> {
                          mfaForm.message.showInfo(kit.words.get("security.sms.enabled", number));
                          showCodes(done.backupCodes());
                        }));
        mfaStatus.getChildren().add(FormKit.row(label, use));
      }
    }
    if (allowed && !any) {
      Label none = new Label(kit.words.get("security.sms.none"));
      none.setId("clerk-profile-sms-none");
      none.setWrapText(true);
      none.getStyleClass().add("clerk-secondary");
      mfaStatus.getChildren().add(none);
    }
  }

  /** Loads the devices the first time the page shows. */
  void shown() {
    if (!devicesLoaded) loadDevices();
  }

  private void loadDevices() {
    devicesLoaded = true;
    devicesForm.run(account::activeSessions, this::showDevices);
  }

  private void showDevices(List<ActiveSession> sessions) {
    devices.getChildren().clear();
    String currentId = client.auth().getSnapshot().session().map(s -> s.id()).orElse("");
    DateTimeFormatter when =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(kit.words.locale())
            .withZone(ZoneId.systemDefault());
    for (ActiveSession s : sessions) {
      SessionActivity a = s.latestActivity().orElse(null);
      String device =
          a == null
              ? kit.words.get("security.devices.unknown")
              : a.browser()
                  .map(
                      b ->
                          a.deviceType()
                              .map(d -> kit.words.get("security.devices.on", b, d))
                              .orElse(b))
                  .or(a::deviceType)
                  .orElse(kit.words.get("security.devices.unknown"));
      Label name = new Label(device);
      HBox top = new HBox(8, name);
      top.setAlignment(Pos.CENTER_LEFT);
      boolean mine = s.id().equals(currentId);
      if (mine) top.getChildren().add(FormKit.badge(kit.words.get("security.devices.this"), false));
      StringBuilder detail = new StringBuilder();
      if (a != null) {
        a.location().ifPresent(detail::append);
        a.ipAddress()
            .ifPresent(ip -> detail.append(detail.length() > 0 ? " \u00b7 " : "").append(ip));
      }
      s.lastActiveAt()
          .ifPresent(
              t -> detail.append(detail.length() > 0 ? " \u00b7 " : "").append(when.format(t)));
      Label more = new Label(detail.toString());
      more.getStyleClass().add("clerk-secondary");
      VBox content = new VBox(1, top, more);
      if (mine) {
        devices.getChildren().add(FormKit.row(content));
      } else {
        Button revoke =
            FormKit.rowAction(
                "clerk-profile-device-revoke-" + s.id(),
                kit.words.get("security.devices.signOut"),
                kit.words.get("security.devices.signOutOf", device),
                () ->
                    devicesForm.run(
                        () ->
                            account
                                .revokeSession(s.id())
                                .thenCompose(r -> account.activeSessions()),
                        this::showDevices));
        devices.getChildren().add(FormKit.row(content, revoke));
      }
    }
  }
}
