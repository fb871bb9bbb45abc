package dev.clerkfx;

import dev.clerkfx.browser.UrlSchemeHandoff;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The second app process the OS starts with a custom-scheme URL: claims the hand-off like an app's
 * {@code main} and exits 0 when it forwarded its arguments to the running instance, 3 when it
 * became the first instance.
 */
public final class HandoffMain {
  private HandoffMain() {}

  /**
   * Runs the process.
   *
   * @param args the hand-off folder, then the process arguments
   */
  public static void main(String[] args) {
    Optional<UrlSchemeHandoff> handoff =
        UrlSchemeHandoff.claim(Path.of(args[0]), Arrays.copyOfRange(args, 1, args.length));
    if (handoff.isPresent()) {
      handoff.get().close();
      System.exit(3);
    }
    System.exit(0);
  }
}
