package dev.clerkfx.sample;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The clerk-fx showcase app. (Placeholder window until the session manager lands.) */
public final class SampleApp extends Application {

  @Override
  public void start(Stage stage) {
    stage.setTitle("clerk-fx sample");
    stage.setScene(new Scene(new StackPane(new Label("clerk-fx sample — coming soon")), 480, 320));
    stage.show();
  }

  /**
   * Launches the sample.
   *
   * @param args command-line arguments passed to JavaFX
   */
  public static void main(String[] args) {
    launch(args);
  }
}
