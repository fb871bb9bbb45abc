package dev.clerkfx.testkit;

import dev.clerkfx.testsupport.ApiSignatures;
import org.junit.jupiter.api.Test;

/**
 * The public API of module {@code dev.clerkfx.testkit} matches the checked-in {@code
 * clerk-fx-testkit/api/clerk-fx-testkit.api}. After an intended change, regenerate it with {@link
 * ApiSignatures#UPDATE_COMMAND} and commit it with the change.
 */
class ApiSignatureTest {
  @Test
  void publicApiMatchesTheSignatureFile() {
    ApiSignatures.verify(ClerkEmulator.class, "clerk-fx-testkit.api");
  }
}
