package dev.clerkfx.sample;

import dev.clerkfx.AuthEvent;
import dev.clerkfx.ClerkClient;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.scene.control.ListView;

/**
 * A live log of the client's {@link AuthEvent}s (signed in, token refreshed, session changed, user
 * updated, signed out with its reason) and of the developer panel's actions, newest last. Entries
 * are added on the FX thread.
 */
final class EventLog extends ListView<String> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final int MAX_ENTRIES = 200;

  private final Disposable events;

  EventLog(ClerkClient client) {
    setId("event-log");
    getStyleClass().addAll("event-log", "dense");
    setPlaceholder(new javafx.scene.control.Label("No events yet"));
    events =
        client
            .events()
            .observeOn(Schedulers.from(Platform::runLater))
            .subscribe(event -> add(UiText.describe(event)));
  }

  /**
   * Adds an entry with the time of day; FX thread only.
   *
   * @param text what happened
   */
  void add(String text) {
    getItems().add(LocalTime.now(ZoneId.systemDefault()).format(TIME) + "  " + text);
    if (getItems().size() > MAX_ENTRIES) {
      getItems().remove(0);
    }
    scrollTo(getItems().size() - 1);
  }

  /** Stops listening to the client's events. */
  void dispose() {
    events.dispose();
  }
}
