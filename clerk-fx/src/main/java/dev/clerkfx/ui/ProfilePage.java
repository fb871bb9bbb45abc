package dev.clerkfx.ui;

import dev.clerkfx.ClerkClient;
import dev.clerkfx.ClerkException;
import dev.clerkfx.account.Account;
import dev.clerkfx.account.ProfileUpdate;
import dev.clerkfx.browser.BrowserSignInException;
import dev.clerkfx.internal.ui.Avatar;
import dev.clerkfx.internal.ui.Identity;
import dev.clerkfx.internal.ui.MenuPopup;
import dev.clerkfx.model.EmailAddress;
import dev.clerkfx.model.Environment;
import dev.clerkfx.model.ExternalAccount;
import dev.clerkfx.model.PhoneNumber;
import dev.clerkfx.model.User;
import java.io.File;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Profile page: picture, names and username; email addresses; phone numbers; connected
 * accounts.
 */
final class ProfilePage {
  final VBox root = new VBox();
  private final FormKit kit;
  private final ClerkClient client;

  private final Avatar avatar = new Avatar(64);
  private final Button upload;
  private final Button removeImage;
  private final TextField firstName = FormKit.text("clerk-profile-first-name");
  private final TextField lastName = FormKit.text("clerk-profile-last-name");
  private final TextField username = FormKit.text("clerk-profile-username");
  private final VBox usernameField;
  private final FormKit.Form profileForm;
  private final FormKit.Form imageForm;
  private String shownFirst = "";
  private String shownLast = "";
  private String shownUsername = "";

  private final Identifiers<EmailAddress> emails;
  private final Identifiers<PhoneNumber> phones;
  private final VBox connected;
  private final VBox connectedList = new VBox(6);
  private final FormKit.Form connectedForm;
  private final Button connect;
  private final MenuPopup connectMenu;
  private final Label connectWaiting = new Label();
  private final FormKit.Form connectForm;
  private List<Environment.SocialProvider> connectable = List.of();
  private CompletableFuture<ExternalAccount> connecting;

  ProfilePage(FormKit kit) {
    this.kit = kit;
    this.client = kit.view.getClient();
    Account account = client.account();

    // ---- picture, names, username
    VBox profile =
        kit.section("clerk-profile-section-profile", kit.words.get("profile.details.title"), null);
    upload = FormKit.secondary("clerk-profile-upload-image", kit.words.get("profile.image.upload"));
    removeImage =
        FormKit.secondary("clerk-profile-remove-image", kit.words.get("profile.image.remove"));
    imageForm = kit.form(upload, removeImage);
    FlowPane picture = new FlowPane(12, 8, avatar, upload, removeImage, imageForm.progress);
    picture.setAlignment(Pos.CENTER_LEFT);
    upload.setOnAction(e -> chooseImage());
    removeImage.setOnAction(e -> imageForm.run(account::removeProfileImage, u -> {}));
    HBox names =
        new HBox(
            10,
            FormKit.field(kit.words.get("profile.firstName"), firstName),
            FormKit.field(kit.words.get("profile.lastName"), lastName));
    usernameField = FormKit.field(kit.words.get("profile.username"), username);
    usernameField.managedProperty().bind(usernameField.visibleProperty());
    Button save = FormKit.primary("clerk-profile-save", kit.words.get("profile.save"));
    profileForm =
        kit.form(firstName, lastName, username, save)
            .param("first_name", firstName)
            .param("last_name", lastName)
            .param("username", username);
    Runnable submit = () -> profileForm.run(() -> account.updateProfile(changes()), this::shown);
    save.setOnAction(e -> submit.run());
    firstName.setOnAction(e -> submit.run());
    lastName.setOnAction(e -> submit.run());
    username.setOnAction(e -> submit.run());
    profile
        .getChildren()
        .addAll(
            picture,
            imageForm.message,
            names,
            usernameField,
            FormKit.actions(profileForm.progress, save),
            profileForm.message);

    // ---- email addresses and phone numbers
    emails =
        new Identifiers<>(
            kit,
            "email",
            EmailAddress::id,
            EmailAddress::emailAddress,
            EmailAddress::verified,
            account::addEmailAddress,
            account::prepareEmailAddressVerification,
            account::attemptEmailAddressVerification,
            account::setPrimaryEmailAddress,
            account::removeEmailAddress);
    phones =
        new Identifiers<>(
            kit,
            "phone",
            PhoneNumber::id,
            PhoneNumber::phoneNumber,
            PhoneNumber::verified,
            account::addPhoneNumber,
            account::preparePhoneNumberVerification,
            account::attemptPhoneNumberVerification,
            account::setPrimaryPhoneNumber,
            account::removePhoneNumber);

    // ---- connected accounts
    connected =
        kit.section(
            "clerk-profile-section-connected", kit.words.get("profile.connected.title"), null);
    connectedForm = kit.form(connectedList);
    connect =
        FormKit.secondary("clerk-profile-connect", kit.words.get("profile.connected.connect"));
    connectMenu = new MenuPopup(connect, () -> {});
    connect.setOnAction(e -> showConnectMenu());
    connectForm = kit.form(connect);
    Button stop =
        FormKit.secondary("clerk-profile-connect-cancel", kit.common.get("common.cancel"));
    stop.setOnAction(
        e -> {
          if (connecting != null) connecting.cancel(false);
        });
    connectWaiting.setId("clerk-profile-connect-waiting");
    connectWaiting.setWrapText(true);
    connectWaiting.getStyleClass().add("clerk-secondary");
    // shown exactly while a connection runs: the form's progress indicator is visible then
    HBox waiting = new HBox(8, connectForm.progress, connectWaiting, stop);
    waiting.setId("clerk-profile-connect-busy");
    waiting.setAlignment(Pos.CENTER_LEFT);
    waiting.visibleProperty().bind(connectForm.progress.visibleProperty());
    waiting.managedProperty().bind(waiting.visibleProperty());
    connect.managedProperty().bind(connect.visibleProperty());
    connected
        .getChildren()
        .addAll(
            connectedList,
            connectedForm.progress,
            connectedForm.message,
            waiting,
            FormKit.actions(connect),
            connectForm.message);
    connected.managedProperty().bind(connected.visibleProperty());
    // a connection still waiting for the browser when the view's window closes is given up, so the
    // browser is free for the next sign-in
    root.sceneProperty()
        .flatMap(Scene::windowProperty)
        .flatMap(Window::showingProperty)
        .orElse(false)
        .addListener(
            (o, was, showing) -> {
              if (!showing && connecting != null) connecting.cancel(false);
            });

    root.getChildren().addAll(profile, emails.section, phones.section, connected);
  }

  private ProfileUpdate changes() {
    ProfileUpdate u = ProfileUpdate.none();
    if (!firstName.getText().equals(shownFirst)) u = u.withFirstName(firstName.getText().strip());
    if (!lastName.getText().equals(shownLast)) u = u.withLastName(lastName.getText().strip());
    if (usernameField.isVisible() && !username.getText().equals(shownUsername)) {
      u = u.withUsername(username.getText().strip());
    }
    return u;
  }

  private void shown(User user) {
    profileForm.message.showInfo(kit.words.get("profile.saved"));
    fill(user, true);
  }

  private void chooseImage() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(kit.words.get("profile.image.upload"));
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                kit.words.get("profile.image.types"),
                "*.png",
                "*.jpg",
                "*.jpeg",
                "*.gif",
                "*.webp"));
    File file =
        chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
    if (file != null) imageForm.run(() -> client.account().setProfileImage(file.toPath()), u -> {});
  }

  /**
   * Shows {@code user}: lists follow; a field keeps what the user typed unless it still shows the
   * old value.
   */
  void update(User user, Optional<Environment> environment) {
    Identity me = Identity.of(user);
    avatar.show(me.name(), me.key(), me.imageUrl());
    removeImage.setVisible(user.hasImage());
    removeImage.setManaged(user.hasImage());
    boolean usernames =
        user.username().isPresent()
            || environment
                .map(e -> e.userSettings().attributes().get("username"))
                .map(a -> a.enabled())
                .orElse(false);
    usernameField.setVisible(usernames);
    fill(user, false);
    String primaryEmail = user.primaryEmailAddressId().orElse("");
    String primaryPhone = user.primaryPhoneNumberId().orElse("");
    emails.update(user.emailAddresses(), primaryEmail);
    phones.update(user.phoneNumbers(), primaryPhone);
    phones.section.setVisible(
        !user.phoneNumbers().isEmpty()
            || environment
                .map(e -> e.userSettings().attributes().get("phone_number"))
                .map(a -> a.enabled())
                .orElse(false));
    fillConnected(user.externalAccounts(), environment);
  }

  /** Shows the user's values; a field the user has edited keeps its text unless {@code force}. */
  private void fill(User user, boolean force) {
    shownFirst = refill(firstName, shownFirst, user.firstName().orElse(""), force);
    shownLast = refill(lastName, shownLast, user.lastName().orElse(""), force);
    shownUsername = refill(username, shownUsername, user.username().orElse(""), force);
  }

  private static String refill(TextField field, String shown, String now, boolean force) {
    if (force || field.getText().equals(shown)) field.setText(now);
    return now;
  }

  private void fillConnected(List<ExternalAccount> accounts, Optional<Environment> environment) {
    connectedList.getChildren().clear();
    // the instance's providers the user has not connected yet (a pending one may be retried)
    Set<String> linked =
        accounts.stream()
            .filter(a -> a.verification().map(v -> v.verified()).orElse(false))
            .map(a -> a.provider().orElse(""))
            .collect(Collectors.toSet());
    connectable =
        environment.map(e -> e.userSettings().enabledSocialProviders()).orElse(List.of()).stream()
            .filter(p -> !p.strategy().isEmpty() && !linked.contains(p.strategy()))
            .toList();
    connect.setVisible(!connectable.isEmpty());
    if (connectable.isEmpty()) connectMenu.hide();
    connected.setVisible(!accounts.isEmpty() || !connectable.isEmpty());
    for (ExternalAccount a : accounts) {
      String provider = providerName(a.provider().orElse(""));
      Label name = new Label(provider);
      name.getStyleClass().add("clerk-title");
      Label who = new Label(a.emailAddress().or(a::username).orElse(""));
      who.getStyleClass().add("clerk-secondary");
      Button remove =
          FormKit.rowAction(
              "clerk-profile-connected-remove-" + a.id(),
              kit.words.get("profile.remove"),
              kit.words.get("profile.connected.remove", provider),
              () ->
                  connectedForm.run(
                      () -> client.account().disconnectExternalAccount(a.id()), u -> {}));
      connectedList.getChildren().add(FormKit.row(new VBox(1, name, who), remove));
    }
  }

  /** Drops the list of providers below "Connect account". */
  private void showConnectMenu() {
    VBox items = new VBox(2);
    items.getStyleClass().add("clerk-menu");
    List<Button> buttons =
        connectable.stream()
            .map(
                p ->
                    MenuPopup.item(
                        "clerk-profile-connect-" + p.strategy().replace("oauth_", ""),
                        displayName(p),
                        () -> connect(p)))
            .toList();
    for (Button b : buttons) {
      b.setAccessibleText(kit.words.get("profile.connected.connectTo", b.getText()));
    }
    items.getChildren().addAll(buttons);
    connectMenu.show(items, buttons, true);
  }

  /**
   * Connects a provider through the browser: a waiting line with Cancel while the user is there;
   * the new account shows in the list when done.
   */
  private void connect(Environment.SocialProvider provider) {
    connectMenu.hide();
    String name = displayName(provider);
    connectWaiting.setText(kit.words.get("profile.connected.inBrowser", name));
    connectForm.run(
        () -> {
          connecting = client.account().connectExternalAccount(provider.strategy());
          return connecting;
        },
        account -> connectForm.message.showInfo(kit.words.get("profile.connected.done", name)),
        error -> connectFailure(error, name));
  }

  /** Plain words for how a connection ended without one; null for Clerk's own message. */
  private String connectFailure(Throwable error, String name) {
    if (error instanceof CancellationException) {
      return kit.words.get("profile.connected.cancelled", name);
    }
    if (error instanceof BrowserSignInException b) {
      return switch (b.code()) {
        case BrowserSignInException.ACCESS_DENIED ->
            kit.words.get("profile.connected.denied", name);
        case BrowserSignInException.TIMEOUT -> kit.words.get("profile.connected.timeout", name);
        case BrowserSignInException.FLOW_PENDING -> kit.words.get("profile.connected.pending");
        default -> null;
      };
    }
    if (error instanceof ClerkException c && "external_account_not_verified".equals(c.code())) {
      return kit.words.get("profile.connected.notConnected", name);
    }
    return null;
  }

  private static String displayName(Environment.SocialProvider provider) {
    return provider.name().filter(n -> !n.isBlank()).orElse(providerName(provider.strategy()));
  }

  private static String providerName(String provider) {
    String p = provider.startsWith("oauth_") ? provider.substring(6) : provider;
    return p.isEmpty() ? provider : Character.toUpperCase(p.charAt(0)) + p.substring(1);
  }

  /** A list of email addresses or phone numbers with add, verify, make primary and remove. */
  static final class Identifiers<T> {
    final VBox section;
    private final FormKit kit;
    private final String kind;
    private final Function<T, String> id;
    private final Function<T, String> value;
    private final Function<T, Boolean> verified;
    private final Function<String, CompletableFuture<T>> prepare;
    private final Function<String, CompletableFuture<User>> makePrimary;
    private final Function<String, CompletableFuture<User>> remove;
    private final VBox list = new VBox(6);
    private final TextField newValue;
    private final FormKit.Form listForm;
    private final FormKit.Form addForm;
    private final VBox verify = new VBox(6);
    private final Label verifyPrompt = new Label();
    private final TextField code;
    private final FormKit.Form verifyForm;
    private String pendingId;

    Identifiers(
        FormKit kit,
        String kind,
        Function<T, String> id,
        Function<T, String> value,
        Function<T, Boolean> verified,
        Function<String, CompletableFuture<T>> add,
        Function<String, CompletableFuture<T>> prepare,
        java.util.function.BiFunction<String, String, CompletableFuture<T>> attempt,
        Function<String, CompletableFuture<User>> makePrimary,
        Function<String, CompletableFuture<User>> remove) {
      this.kit = kit;
      this.kind = kind;
      this.id = id;
      this.value = value;
      this.verified = verified;
      this.prepare = prepare;
      this.makePrimary = makePrimary;
      this.remove = remove;
      section =
          kit.section(
              "clerk-profile-section-" + kind, kit.words.get("profile." + kind + ".title"), null);
      section.managedProperty().bind(section.visibleProperty());
      listForm = kit.form(list);

      newValue = FormKit.text("clerk-profile-" + kind + "-new");
      newValue.setPromptText(kit.words.get("profile." + kind + ".prompt"));
      Button addButton =
          FormKit.secondary("clerk-profile-" + kind + "-add", kit.words.get("profile.add"));
      addForm =
          kit.form(newValue, addButton)
              .param(kind.equals("email") ? "email_address" : "phone_number", newValue);
      Runnable submitAdd =
          () ->
              addForm.run(
                  () ->
                      add.apply(newValue.getText().strip())
                          .thenCompose(created -> prepare.apply(id.apply(created))),
                  created -> {
                    newValue.clear();
                    startVerify(created);
                  });
      addButton.setOnAction(e -> submitAdd.run());
      newValue.setOnAction(e -> submitAdd.run());
      VBox addField = FormKit.field(kit.words.get("profile." + kind + ".add"), newValue);
      HBox addRow = new HBox(8, addField, addButton, addForm.progress);
      addRow.setAlignment(Pos.BOTTOM_LEFT);

      code = FormKit.text("clerk-profile-" + kind + "-code");
      Button check =
          FormKit.primary("clerk-profile-" + kind + "-verify", kit.words.get("profile.verify"));
      Button resend =
          FormKit.secondary("clerk-profile-" + kind + "-resend", kit.words.get("profile.resend"));
      Button cancel =
          FormKit.secondary("clerk-profile-" + kind + "-cancel", kit.common.get("common.cancel"));
      verifyForm = kit.form(code, check, resend, cancel).param("code", code);
      Runnable submitCode =
          () ->
              verifyForm.run(
                  () -> attempt.apply(pendingId, code.getText().strip()),
                  done -> {
                    pendingId = null;
                    verify.setVisible(false);
                    listForm.message.showInfo(kit.words.get("profile.verified", value.apply(done)));
                  });
      check.setOnAction(e -> submitCode.run());
      code.setOnAction(e -> submitCode.run());
      resend.setOnAction(
          e ->
              verifyForm.run(
                  () -> prepare.apply(pendingId),
                  t ->
                      verifyForm.message.showInfo(
                          kit.words.get("profile.codeSent", value.apply(t)))));
      cancel.setOnAction(
          e -> {
            pendingId = null;
            verify.setVisible(false);
          });
      verifyPrompt.setWrapText(true);
      verify
          .getChildren()
          .addAll(
              verifyPrompt,
              code,
              FormKit.actions(verifyForm.progress, cancel, resend, check),
              verifyForm.message);
      verify.getStyleClass().add("clerk-profile-verify");
      verify.setVisible(false);
      verify.managedProperty().bind(verify.visibleProperty());

      section
          .getChildren()
          .addAll(list, listForm.progress, listForm.message, verify, addRow, addForm.message);
    }

    private void startVerify(T item) {
      pendingId = id.apply(item);
      verifyPrompt.setText(kit.words.get("profile.codeSent", value.apply(item)));
      code.setAccessibleText(verifyPrompt.getText());
      code.clear();
      verify.setVisible(true);
      code.requestFocus();
    }

    void update(List<T> items, String primaryId) {
      list.getChildren().clear();
      for (T item : items) {
        String itemId = id.apply(item);
        String text = value.apply(item);
        Label label = new Label(text);
        HBox content = new HBox(8, label);
        content.setAlignment(Pos.CENTER_LEFT);
        boolean primary = itemId.equals(primaryId);
        boolean ok = verified.apply(item);
        if (primary)
          content.getChildren().add(FormKit.badge(kit.words.get("profile.primary"), false));
        if (!ok)
          content.getChildren().add(FormKit.badge(kit.words.get("profile.unverified"), true));
        HBox buttons = new HBox(6);
        if (!ok) {
          Button b =
              FormKit.secondary(
                  "clerk-profile-" + kind + "-verify-" + itemId, kit.words.get("profile.verify"));
          b.setOnAction(e -> listForm.run(() -> prepare.apply(itemId), this::startVerify));
          buttons.getChildren().add(b);
        } else if (!primary) {
          buttons
              .getChildren()
              .add(
                  FormKit.rowAction(
                      "clerk-profile-" + kind + "-primary-" + itemId,
                      kit.words.get("profile.makePrimary"),
                      kit.words.get("profile.makePrimaryOf", text),
                      () -> listForm.run(() -> makePrimary.apply(itemId), u -> {})));
        }
        buttons
            .getChildren()
            .add(
                FormKit.rowAction(
                    "clerk-profile-" + kind + "-remove-" + itemId,
                    kit.words.get("profile.remove"),
                    kit.words.get("profile.removeOf", text),
                    () -> listForm.run(() -> remove.apply(itemId), u -> {})));
        list.getChildren().add(FormKit.row(content, buttons));
      }
      if (pendingId != null
          && items.stream().noneMatch(i -> Objects.equals(id.apply(i), pendingId))) {
        pendingId = null;
        verify.setVisible(false);
      }
    }
  }
}
