package dev.clerkfx;

import dev.clerkfx.testsupport.ApiSignatures;
import org.junit.jupiter.api.Test;

/**
 * The public API of module {@code dev.clerkfx} (every package its descriptor exports) matches the
 * checked-in {@code clerk-fx/api/clerk-fx.api}. After an intended change, regenerate it with {@link
 * ApiSignatures#UPDATE_COMMAND} and commit it with the change.
 */
class ApiSignatureTest {
  @Test
  void publicApiMatchesTheSignatureFile() {
    ApiSignatures.verify(ClerkClient.class, "clerk-fx.api");
  }
}
