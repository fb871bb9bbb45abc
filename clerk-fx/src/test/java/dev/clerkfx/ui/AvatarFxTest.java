package dev.clerkfx.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clerkfx.internal.ui.Avatar;
import dev.clerkfx.testkit.ClerkEmulator;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Avatars: initials on a circle until the picture has loaded in the background, and when it cannot
 * load.
 */
@ExtendWith(ApplicationExtension.class)
class AvatarFxTest {
  private final ClerkEmulator emulator = ClerkEmulator.start();
  private Avatar online;
  private Avatar offline;

  @Start
  void start(Stage stage) {
    online = new Avatar(40);
    offline = new Avatar(40);
    stage.setScene(new Scene(new HBox(online, offline), 200, 80));
    stage.show();
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  @Test
  void showsInitialsUntilThePictureLoadsAndKeepsThemWhenItCannot() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String picture = emulator.frontendApiUrl() + "/v1/avatars/ada.png";
    String unreachable = "http://127.0.0.1:" + closedPort + "/v1/avatars/ada.png";
    onFx(
        () -> {
          online.show("Ada Lovelace", "user_1", picture);
          offline.show("Ada Lovelace", "user_1", unreachable);
          return null;
        });
    assertThat(onFx(online::getInitials)).isEqualTo("AL");
    await().atMost(Duration.ofSeconds(10)).until(() -> onFx(online::isShowingPicture));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> emulator.journal().count("GET", "/v1/avatars/*") >= 1);
    // the unreachable one fails and keeps its initials
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                onFx(
                    () ->
                        offline.getChildrenUnmodifiable().stream()
                            .filter(n -> n instanceof javafx.scene.control.Label)
                            .allMatch(javafx.scene.Node::isVisible)));
    assertThat(onFx(offline::isShowingPicture)).isFalse();

    // a second avatar of the same picture comes from the cache: no second download
    int downloads = emulator.journal().count("GET", "/v1/avatars/*");
    Avatar again =
        onFx(
            () -> {
              Avatar a = new Avatar(24);
              a.show("Ada Lovelace", "user_1", picture);
              return a;
            });
    assertThat(onFx(again::isShowingPicture)).isTrue();
    assertThat(emulator.journal().count("GET", "/v1/avatars/*")).isEqualTo(downloads);
  }

  @Test
  void initialsOfNames() {
    assertThat(Avatar.initialsOf("Ada Lovelace")).isEqualTo("AL");
    assertThat(Avatar.initialsOf("grace")).isEqualTo("G");
    assertThat(Avatar.initialsOf("jean-luc.picard@example.com")).isEqualTo("JP");
    assertThat(Avatar.initialsOf("Élodie von Stein")).isEqualTo("ÉS");
    assertThat(Avatar.initialsOf("  ")).isEqualTo("?");
  }

  private static <T> T onFx(Callable<T> call) throws Exception {
    FutureTask<T> task = new FutureTask<>(call);
    Platform.runLater(task);
    return task.get();
  }
}
