/**
 * clerk-fx-testkit: a local emulator of Clerk's Frontend API for tests and offline development.
 *
 * <p>Public API lives in {@code dev.clerkfx.testkit}; everything under {@code
 * dev.clerkfx.testkit.internal} is implementation and may change in any release. JUnit is needed
 * only for {@link dev.clerkfx.testkit.ClerkEmulatorExtension}: apps that embed the emulator do
 * without it.
 */
module dev.clerkfx.testkit {
  requires com.fasterxml.jackson.databind;
  requires com.nimbusds.jose.jwt;
  // TOTP (RFC 6238); an automatic module with a declared Automatic-Module-Name.
  requires com.eatthepath.otp;
  // Generated PNG avatars (java.awt, javax.imageio).
  requires java.desktop;
  requires static transitive org.junit.jupiter.api;

  exports dev.clerkfx.testkit;
}
