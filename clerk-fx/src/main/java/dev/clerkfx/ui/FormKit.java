package dev.clerkfx.ui;

import dev.clerkfx.internal.ui.FxAsync;
import dev.clerkfx.internal.ui.InlineMessage;
import dev.clerkfx.internal.ui.Problem;
import dev.clerkfx.internal.ui.UiText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The building blocks of the profile's forms: sections, labelled fields, buttons, and {@link Form},
 * which runs an action with progress, reverification and an inline message. FX Application Thread
 * only.
 */
final class FormKit {
  static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

  final UserProfileView view;
  final UiText words;
  final UiText common;
  private int running;

  FormKit(UserProfileView view) {
    this.view = view;
    this.words = UiText.load("account", view.getClient().locale());
    this.common = UiText.load("common", view.getClient().locale());
  }

  /** A titled section with an optional one-line description. */
  VBox section(String id, String title, String description) {
    Label t = new Label(title);
    t.getStyleClass().add("clerk-profile-section-title");
    VBox box = new VBox(t);
    box.setId(id);
    box.getStyleClass().add("clerk-profile-section");
    if (description != null) {
      Label d = new Label(description);
      d.setWrapText(true);
      d.getStyleClass().add("clerk-secondary");
      box.getChildren().add(d);
    }
    return box;
  }

  /** A field under its label; the label names the field for screen readers and mnemonics. */
  static VBox field(String label, Control input) {
    Label l = new Label(label);
    l.setLabelFor(input);
    l.setMnemonicParsing(true);
    input.setAccessibleText(label.replace("_", ""));
    input.setMaxWidth(Double.MAX_VALUE);
    VBox box = new VBox(3, l, input);
    box.getStyleClass().add("clerk-field");
    HBox.setHgrow(box, Priority.ALWAYS);
    return box;
  }

  static TextField text(String id) {
    TextField f = new TextField();
    f.setId(id);
    return f;
  }

  static Button primary(String id, String text) {
    return button(id, text, "clerk-button-primary");
  }

  static Button secondary(String id, String text) {
    return button(id, text, "clerk-button-secondary");
  }

  /**
   * A secondary button of a list row: its text, what a screen reader says of it (naming the row's
   * item), and its action.
   */
  static Button rowAction(String id, String text, String accessibleText, Runnable action) {
    Button b = secondary(id, text);
    b.setAccessibleText(accessibleText);
    b.setOnAction(e -> action.run());
    return b;
  }

  static Button danger(String id, String text) {
    return button(id, text, "clerk-button-danger");
  }

  private static Button button(String id, String text, String style) {
    Button b = new Button(text);
    b.setId(id);
    b.getStyleClass().add(style);
    b.setMnemonicParsing(false);
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }

  /**
   * Buttons in a row, right-aligned, with the progress indicator first; they wrap when the view is
   * narrow.
   */
  static FlowPane actions(Node... nodes) {
    FlowPane row = new FlowPane(8, 8, nodes);
    row.setAlignment(Pos.CENTER_RIGHT);
    row.getStyleClass().add("clerk-actions");
    return row;
  }

  /** A small label in a rounded box ("Primary", "Unverified"). */
  static Label badge(String text, boolean warning) {
    Label b = new Label(text);
    b.getStyleClass().add("clerk-badge");
    if (warning) b.getStyleClass().add("clerk-badge-warning");
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }

  /** A list row: content growing on the left, buttons on the right. */
  static HBox row(Node content, Node... buttons) {
    HBox row = new HBox(10);
    row.getStyleClass().add("clerk-profile-row");
    HBox.setHgrow(content, Priority.ALWAYS);
    if (content instanceof Region r) r.setMaxWidth(Double.MAX_VALUE);
    row.getChildren().add(content);
    row.getChildren().addAll(buttons);
    return row;
  }

  Form form(Node... inputs) {
    return new Form(List.of(inputs));
  }

  private void busy(boolean on) {
    running += on ? 1 : -1;
    view.setBusy(running > 0);
  }

  /**
   * One form's way of running actions: its inputs are disabled (their text kept) and a progress
   * indicator shows while an action runs; a reverification Clerk asks for is prompted and the
   * action retried; the outcome shows in the form's message line, the field Clerk names marked.
   */
  final class Form {
    final InlineMessage message = new InlineMessage(common);
    final ProgressIndicator progress = new ProgressIndicator();
    private final List<Node> inputs;
    private final Map<String, Node> byParam = new LinkedHashMap<>();
    private final List<Node> marked = new ArrayList<>();

    private Form(List<Node> inputs) {
      this.inputs = new ArrayList<>(inputs);
      progress.getStyleClass().add("clerk-progress");
      progress.setPrefSize(18, 18);
      progress.setVisible(false);
      progress.managedProperty().bind(progress.visibleProperty());
      progress.setAccessibleText(common.get("common.working"));
    }

    /** Names the field Clerk's {@code meta.param_name} refers to. */
    Form param(String name, Node field) {
      byParam.put(name, field);
      return this;
    }

    /** Adds nodes disabled while an action runs. */
    Form also(Node... more) {
      inputs.addAll(List.of(more));
      return this;
    }

    /**
     * Runs a sensitive action; see the class comment. {@code done} runs on the FX thread on
     * success.
     */
    <T> void run(Supplier<CompletableFuture<T>> action, Consumer<T> done) {
      run(action, done, error -> null);
    }

    /**
     * Runs a sensitive action as {@link #run(Supplier, Consumer)} does, with the form's own words
     * for some failures: {@code explain} runs on the FX thread with the unwrapped failure (a
     * cancellation included) and returns the text to show, or null for the usual message (none for
     * a cancellation).
     */
    <T> void run(
        Supplier<CompletableFuture<T>> action,
        Consumer<T> done,
        Function<Throwable, String> explain) {
      clearMarks();
      message.clear();
      set(true);
      CompletableFuture<T> f =
          view.getClient()
              .account()
              .withReverification(
                  action, needed -> ReverifyPrompt.ask(view, words, common, needed));
      FxAsync.onFx(
          f,
          (value, error) -> {
            set(false);
            String words = error == null ? null : explain.apply(error);
            if (error == null) {
              done.accept(value);
            } else if (words != null) {
              message.showProblem(words);
            } else if (!(error instanceof CancellationException)) {
              Problem p = message.showError(error);
              p.field()
                  .map(byParam::get)
                  .ifPresent(
                      n -> {
                        n.pseudoClassStateChanged(ERROR, true);
                        marked.add(n);
                        n.requestFocus();
                      });
            }
          });
    }

    private void set(boolean on) {
      progress.setVisible(on);
      for (Node n : inputs) n.setDisable(on);
      busy(on);
    }

    private void clearMarks() {
      for (Node n : marked) n.pseudoClassStateChanged(ERROR, false);
      marked.clear();
    }
  }
}
