package dev.clerkfx.sample;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What the sample shows instead of its views when a setting is wrong (a malformed {@code
 * CLERK_PUBLISHABLE_KEY}, say): the problem in the words of the exception that names the variable,
 * and a Quit button. No stack trace.
 */
final class ConfigurationProblemView extends VBox {
  ConfigurationProblemView(String problem, Runnable quit) {
    setSpacing(16);
    setPadding(new Insets(32));
    setAlignment(Pos.TOP_LEFT);
    Label title = new Label("The sample cannot start");
    title.getStyleClass().add("title-2");
    Label message = new Label(problem);
    message.setId("configuration-problem");
    message.setWrapText(true);
    Label hint =
        new Label(
            "Fix the environment variable named above, or unset CLERK_PUBLISHABLE_KEY to run on the "
                + "embedded emulator, then start the sample again.");
    hint.setWrapText(true);
    hint.getStyleClass().add("text-muted");
    Button close = new Button("Quit");
    close.setId("quit");
    close.setDefaultButton(true);
    close.setOnAction(e -> quit.run());
    getChildren().addAll(title, message, hint, close);
  }
}
