package dev.clerkfx.internal.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One step of a prebuilt form: a title and subtitle, labelled fields each with its own inline
 * error, a primary button with a progress indicator, an error line for the whole step, and links.
 *
 * <p>Enter anywhere inside the step runs the step's primary action (never another step's); while
 * busy every field and button is disabled but keeps its content. FX Application Thread only.
 */
public final class StepForm extends VBox {
  /** Set while a network action of this step runs. */
  public static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");

  /** Set on a field row (and the step) that shows an error. */
  public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

  private final String name;
  private final Label title = new Label();
  private final Label subtitle = new Label();
  private final VBox body = new VBox();
  private final Map<String, FieldRow> fields = new LinkedHashMap<>();
  private final List<Node> controls = new ArrayList<>();
  private final Label stepError = new Label();
  private final Button primary = new Button();
  private final ProgressIndicator progress = new ProgressIndicator();
  private final VBox links = new VBox();
  private Runnable action = () -> {};
  private boolean busy;
  private Node focusBeforeBusy;
  private final java.util.Set<Node> blocked = new java.util.HashSet<>();

  /**
   * Creates a step.
   *
   * @param name the step's name, used for its id ({@code clerk-step-<name>}) and style class
   * @param titleText the heading
   * @param subtitleText the line under the heading, or null
   */
  public StepForm(String name, String titleText, String subtitleText) {
    this.name = name;
    setId("clerk-step-" + name);
    getStyleClass().addAll("clerk-step", "clerk-step-" + name);
    title.setText(titleText);
    title.getStyleClass().add("clerk-title");
    title.setWrapText(true);
    title.setAccessibleRole(AccessibleRole.TEXT);
    getChildren().add(title);
    if (subtitleText != null && !subtitleText.isEmpty()) {
      subtitle.setText(subtitleText);
      subtitle.getStyleClass().add("clerk-subtitle");
      subtitle.setWrapText(true);
      getChildren().add(subtitle);
    }
    body.getStyleClass().add("clerk-step-body");
    stepError.getStyleClass().add("clerk-step-error");
    stepError.setId("clerk-step-error");
    stepError.setWrapText(true);
    stepError.setManaged(false);
    stepError.setVisible(false);
    primary.getStyleClass().add("clerk-primary-button");
    primary.setId("clerk-continue");
    primary.setMaxWidth(Double.MAX_VALUE);
    primary.setOnAction(e -> submit());
    progress.getStyleClass().add("clerk-progress");
    progress.setVisible(false);
    progress.setMaxSize(18, 18);
    StackPane.setAlignment(progress, Pos.CENTER_RIGHT);
    StackPane primaryRow = new StackPane(primary, progress);
    primaryRow.getStyleClass().add("clerk-primary-row");
    links.getStyleClass().add("clerk-links");
    links.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(body, stepError, primaryRow, links);
    controls.add(primary);
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER
              && !(e.getTarget() instanceof Button)
              && !(e.getTarget() instanceof Hyperlink)) {
            e.consume();
            submit();
          }
        });
  }

  /** The step's name. */
  public String name() {
    return name;
  }

  /**
   * Sets the primary button's text and what it does.
   *
   * @param text the button text
   * @param onSubmit the action (also run by Enter)
   * @return this step
   */
  public StepForm primary(String text, Runnable onSubmit) {
    primary.setText(text);
    primary.setAccessibleText(text);
    this.action = onSubmit;
    return this;
  }

  /** Hides the primary button (a step of choices only). */
  public StepForm noPrimary() {
    primary.getParent().setManaged(false);
    primary.getParent().setVisible(false);
    return this;
  }

  /** The primary button. */
  public Button primaryButton() {
    return primary;
  }

  /** Runs the primary action unless busy or blocked. */
  public void submit() {
    if (!busy && !blocked.contains(primary) && primary.getParent().isVisible()) {
      action.run();
    }
  }

  /**
   * Adds a text field.
   *
   * @param key the field's name as Clerk's {@code meta.param_name} spells it (also its id: {@code
   *     clerk-<key>})
   * @param label the visible label
   * @param secret whether it is a password
   * @param value the initial text, or null
   * @return the field
   */
  public TextInputControl field(String key, String label, boolean secret, String value) {
    TextInputControl input = secret ? new PasswordField() : new TextField();
    input.setId("clerk-" + key.replace('_', '-'));
    input.setAccessibleText(label);
    if (value != null) {
      input.setText(value);
    }
    addRow(key, label, input);
    input.textProperty().addListener((o, a, b) -> clearError(key));
    return input;
  }

  /**
   * Adds a check box (legal consent, "sign out of other devices").
   *
   * @param key the field's name
   * @param label the text
   * @return the check box
   */
  public CheckBox checkBox(String key, String label) {
    CheckBox box = new CheckBox(label);
    box.setId("clerk-" + key.replace('_', '-'));
    box.setWrapText(true);
    box.setAccessibleText(label);
    addRow(key, null, box);
    box.selectedProperty().addListener((o, a, b) -> clearError(key));
    return box;
  }

  private void addRow(String key, String label, Node input) {
    FieldRow row = new FieldRow(key, label, input);
    fields.put(key, row);
    body.getChildren().add(row);
    controls.add(input);
  }

  /**
   * Adds any node to the body (a list of choices).
   *
   * @param node the node; it (when a button) or the buttons directly in it are disabled while busy
   */
  public void addBody(Node node) {
    body.getChildren().add(node);
    if (node instanceof Button) {
      controls.add(node);
    } else if (node instanceof javafx.scene.layout.Pane pane) {
      pane.getChildren().stream().filter(Button.class::isInstance).forEach(controls::add);
    }
  }

  /**
   * Adds a link under the primary button.
   *
   * @param id the link's id
   * @param text the text
   * @param onAction what it does
   * @return the link
   */
  public Hyperlink link(String id, String text, Runnable onAction) {
    Hyperlink link = new Hyperlink(text);
    link.setId(id);
    link.setAccessibleText(text);
    link.setWrapText(true);
    link.setOnAction(
        e -> {
          if (!busy) onAction.run();
        });
    links.getChildren().add(link);
    controls.add(link);
    return link;
  }

  /**
   * Adds a line of text and a link on one row (such as "No account? Sign up").
   *
   * @param id the link's id
   * @param prompt the text before the link
   * @param text the link text
   * @param onAction what it does
   * @return the link
   */
  public Hyperlink footer(String id, String prompt, String text, Runnable onAction) {
    Hyperlink link = link(id, text, onAction);
    links.getChildren().remove(link);
    Label lead = new Label(prompt);
    lead.getStyleClass().add("clerk-footer-text");
    lead.setWrapText(true);
    HBox row = new HBox(lead, link);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add("clerk-footer");
    getChildren().add(row);
    return link;
  }

  /** Returns the input of a field, when the step has it. */
  public Optional<Node> input(String key) {
    return Optional.ofNullable(fields.get(key)).map(r -> r.input);
  }

  /** Returns the text of a text field ({@code ""} when absent). */
  public String text(String key) {
    return input(key)
        .filter(TextInputControl.class::isInstance)
        .map(n -> ((TextInputControl) n).getText())
        .map(String::strip)
        .orElse("");
  }

  /** Returns the raw text of a field, not stripped (passwords). */
  public String rawText(String key) {
    return input(key)
        .filter(TextInputControl.class::isInstance)
        .map(n -> ((TextInputControl) n).getText())
        .orElse("");
  }

  /**
   * Shows a message beside the field it names, or for the whole step when the step has no such
   * field.
   *
   * @param key the field's name, or null
   * @param message the message
   */
  public void showError(String key, String message) {
    FieldRow row = key == null ? null : fields.get(key);
    if (row == null) {
      stepError.setText(message);
      stepError.setManaged(true);
      stepError.setVisible(true);
      pseudoClassStateChanged(ERROR, true);
    } else {
      row.error.setText(message);
      row.error.setManaged(true);
      row.error.setVisible(true);
      row.pseudoClassStateChanged(ERROR, true);
      row.input.requestFocus();
    }
  }

  /** Shows or clears the step-wide message (a countdown updates it in place). */
  public void setStepMessage(String message) {
    boolean show = message != null && !message.isEmpty();
    stepError.setText(show ? message : "");
    stepError.setManaged(show);
    stepError.setVisible(show);
    pseudoClassStateChanged(ERROR, show);
  }

  /** Clears every message. */
  public void clearErrors() {
    fields.keySet().forEach(this::clearError);
    setStepMessage(null);
  }

  private void clearError(String key) {
    FieldRow row = fields.get(key);
    if (row != null && row.error.isVisible()) {
      row.error.setText("");
      row.error.setManaged(false);
      row.error.setVisible(false);
      row.pseudoClassStateChanged(ERROR, false);
    }
  }

  /**
   * Marks the step busy: progress shown, every control disabled, content kept.
   *
   * @param value whether busy
   */
  public void setBusy(boolean value) {
    if (value && !busy) {
      Node owner = getScene() == null ? null : getScene().getFocusOwner();
      focusBeforeBusy = owner != null && isInside(owner) ? owner : null;
    }
    busy = value;
    pseudoClassStateChanged(BUSY, value);
    progress.setVisible(value);
    for (Node c : controls) {
      c.setDisable(value || blocked.contains(c));
    }
    // disabling the focused field moved focus elsewhere: give it back, so Enter keeps meaning this
    // step
    if (!value && focusBeforeBusy != null) {
      Node back = focusBeforeBusy;
      focusBeforeBusy = null;
      if (!back.isDisabled() && back.getScene() == getScene()) {
        back.requestFocus();
      }
    }
  }

  private boolean isInside(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n == this) return true;
    }
    return false;
  }

  /** Tells whether a network action of this step runs. */
  public boolean isBusy() {
    return busy;
  }

  /**
   * Blocks the primary action (a rate-limit countdown runs) or releases it.
   *
   * @param value whether blocked
   */
  public void setPrimaryBlocked(boolean value) {
    setBlocked(primary, value);
  }

  /**
   * Keeps one of the step's controls disabled (a countdown runs) or releases it, whatever the busy
   * state does.
   *
   * @param control the control
   * @param value whether blocked
   */
  public void setBlocked(Node control, boolean value) {
    if (value) {
      blocked.add(control);
    } else {
      blocked.remove(control);
    }
    control.setDisable(value || busy);
  }

  /**
   * Moves focus to the first empty field (else the first field, else the primary button); call once
   * shown.
   */
  public void focusFirst() {
    Platform.runLater(
        () -> {
          Node target = null;
          for (FieldRow row : fields.values()) {
            if (row.input instanceof TextInputControl t
                && t.getText().isEmpty()
                && !t.isDisabled()) {
              target = t;
              break;
            }
          }
          if (target == null) {
            target =
                fields.values().stream()
                    .map(r -> r.input)
                    .filter(n -> n instanceof TextInputControl)
                    .findFirst()
                    .orElse(primary.getParent().isVisible() ? primary : null);
          }
          if (target != null) {
            target.requestFocus();
          }
        });
  }

  /** A label, an input and its inline error. */
  private static final class FieldRow extends VBox {
    final Node input;
    final Label error = new Label();

    FieldRow(String key, String labelText, Node input) {
      this.input = input;
      getStyleClass().add("clerk-field");
      setId("clerk-field-" + key.replace('_', '-'));
      if (labelText != null) {
        Label label = new Label(labelText);
        label.getStyleClass().add("clerk-field-label");
        label.setLabelFor(input);
        label.setWrapText(true);
        getChildren().add(label);
      }
      if (input instanceof Region r) {
        r.setMaxWidth(Double.MAX_VALUE);
      }
      HBox.setHgrow(input, Priority.ALWAYS);
      error.getStyleClass().add("clerk-field-error");
      error.setId("clerk-error-" + key.replace('_', '-'));
      error.setWrapText(true);
      error.setManaged(false);
      error.setVisible(false);
      getChildren().addAll(input, error);
    }
  }
}
