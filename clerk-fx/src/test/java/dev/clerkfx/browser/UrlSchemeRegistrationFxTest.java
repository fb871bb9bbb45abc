package dev.clerkfx.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clerkfx.ClerkUsageException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class UrlSchemeRegistrationFxTest {

  @Test
  void refusesToBlockTheFxApplicationThread() throws Exception {
    UrlSchemeRegistration registration =
        UrlSchemeRegistration.of("com.example.app", "com.example.app")
            .withLauncher("/opt/example/bin/example");
    CompletableFuture<Throwable> register = new CompletableFuture<>();
    CompletableFuture<Throwable> unregister = new CompletableFuture<>();

    Platform.runLater(
        () -> {
          register.complete(thrown(registration::register));
          unregister.complete(thrown(registration::unregister));
        });

    for (CompletableFuture<Throwable> call : java.util.List.of(register, unregister)) {
      assertThat(call.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ClerkUsageException.class)
          .hasFieldOrPropertyWithValue("code", UrlSchemeRegistration.ON_FX_THREAD)
          .hasMessageContaining("Application.init()");
    }
  }

  private static Throwable thrown(Runnable call) {
    try {
      call.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
