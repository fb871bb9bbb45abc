/**
 * clerk-fx: the Clerk SDK for JavaFX desktop apps.
 *
 * <p>Public API lives in {@code dev.clerkfx} (entry points, state, errors), {@code
 * dev.clerkfx.auth} (sign-in and sign-up), {@code dev.clerkfx.account} (the signed-in user's
 * account and organizations), {@code dev.clerkfx.model} (immutable Frontend API resources), {@code
 * dev.clerkfx.store} (where the client token is kept), {@code dev.clerkfx.browser} (how browser
 * sign-in opens URLs and receives the redirect) and {@code dev.clerkfx.ui} (prebuilt JavaFX
 * components). OS keychain support is the optional module {@code dev.clerkfx.keychain}. Everything
 * under {@code dev.clerkfx.internal} is implementation and may change in any release.
 */
// "module": the friend module dev.clerkfx.keychain below is built after this one, so javac cannot
// see it here.
@SuppressWarnings("module")
module dev.clerkfx {
  requires transitive javafx.base;
  requires transitive javafx.graphics;
  requires transitive javafx.controls;
  requires transitive okhttp3;
  requires transitive io.reactivex.rxjava3;
  requires com.fasterxml.jackson.annotation;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires java.net.http;
  // Browser sign-in: java.awt.Desktop opens the system browser; the JDK HTTP server is the loopback
  // redirect listener.
  requires java.desktop;
  requires jdk.httpserver;
  requires java.prefs;
  // QR codes of authenticator-app enrolment (dev.clerkfx.ui); an automatic module with a stable
  // name.
  requires com.google.zxing;

  // OS keychains come from the optional module dev.clerkfx.keychain (artifact clerk-fx-keychain);
  // without it,
  // TokenStores.system keeps the client token in an owner-only file.
  uses dev.clerkfx.internal.keychain.KeychainProvider;

  exports dev.clerkfx;
  exports dev.clerkfx.account;
  exports dev.clerkfx.auth;
  exports dev.clerkfx.browser;
  exports dev.clerkfx.model;
  exports dev.clerkfx.store;
  exports dev.clerkfx.ui;
  exports dev.clerkfx.internal.keychain to
      dev.clerkfx.keychain;

  // Jackson reads and writes the model records (and ClerkError) reflectively.
  opens dev.clerkfx to
      com.fasterxml.jackson.databind;
  opens dev.clerkfx.model to
      com.fasterxml.jackson.databind;
  // The offline snapshot record (client + environment) is written and read with the same mapper.
  opens dev.clerkfx.internal.session to
      com.fasterxml.jackson.databind;
  opens dev.clerkfx.internal.fapi to
      com.fasterxml.jackson.databind;
}
