package dev.clerkfx.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.ClerkConfigurationException;
import dev.clerkfx.internal.keychain.KeychainBackend.KeychainException;
import dev.clerkfx.internal.keychain.KeychainProvider;
import dev.clerkfx.internal.store.LogCapture;
import dev.clerkfx.internal.store.StoreLocations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoresTest {
  private static final String TOKEN =
      "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6ImNsaWVudF8yeCJ9.CLIENTSECRETSIG";

  @TempDir Path temp;

  /** Keychain support is the optional clerk-fx-keychain module, which these tests do not have. */
  private static boolean noKeychainHere() {
    try {
      KeychainProvider.openInstalled();
      return false;
    } catch (KeychainException e) {
      return true;
    }
  }

  @Test
  void withoutKeychainSupportSystemUsesTheOwnerOnlyFileAndSaysWhichArtifactAddsIt() {
    assertThat(noKeychainHere()).isTrue();
    Path appDir = temp.resolve("clerk-fx/my-app");
    SystemTokenStore store =
        new SystemTokenStore("my-app", KeychainProvider::openInstalled, appDir);

    try (LogCapture log = LogCapture.start()) {
      store.save(TOKEN);
      assertThat(store.load()).contains(TOKEN);

      assertThat(store.chosen())
          .isInstanceOfSatisfying(
              FileTokenStore.class,
              file ->
                  assertThat(file.path())
                      .isEqualTo(appDir.resolve("client-token").toAbsolutePath()));
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains(
              "No OS keychain is available",
              "keychain support is not installed",
              "dev.clerkfx:clerk-fx-keychain",
              appDir.resolve("client-token").toAbsolutePath().toString(),
              "readable only by this user");
      assertThat(log.allText()).doesNotContain("CLIENTSECRETSIG");
    }
    assertThat(appDir.resolve("client-token")).exists();
  }

  @Test
  void withoutKeychainSupportThePublicSystemFactoryUsesTheConfigDirectoryFile() {
    TokenStore store = TokenStores.system("clerk-fx-test-app");
    assertThat(store.toString()).contains("not probed yet");

    // Only choose the store: reading or writing here would touch the real config directory.
    TokenStore chosen = ((SystemTokenStore) store).chosen();

    assertThat(chosen)
        .isInstanceOfSatisfying(
            FileTokenStore.class,
            file ->
                assertThat(file.path())
                    .isEqualTo(
                        StoreLocations.configRoot()
                            .resolve("clerk-fx/clerk-fx-test-app/client-token")
                            .toAbsolutePath()));
    assertThat(store.toString()).contains("FileTokenStore");
  }

  @Test
  void systemUsesTheKeychainWhenOneAnswersAndSaysSoAtInfo() {
    FakeKeychain keychain = new FakeKeychain();
    SystemTokenStore store = new SystemTokenStore("my-app", () -> keychain, temp);

    try (LogCapture log = LogCapture.start()) {
      store.save(TOKEN);

      assertThat(store.chosen()).isInstanceOf(KeychainTokenStore.class);
      assertThat(keychain.entries)
          .containsEntry(FakeKeychain.key("clerk-fx:my-app", "client-token"), TOKEN);
      assertThat(log.messages(Level.INFO))
          .singleElement()
          .asString()
          .contains("OS keychain", "FAKE_KEYCHAIN", "clerk-fx:my-app", "client-token");
      assertThat(log.warnings()).isEmpty();
      assertThat(log.allText()).doesNotContain("CLIENTSECRETSIG");
    }
    assertThat(temp.resolve("client-token")).doesNotExist();
  }

  @Test
  void aKeychainThatRefusesWritesFallsBackToTheFileAndStillSignsTheUserIn() {
    FakeKeychain keychain = new FakeKeychain();
    keychain.failWrites = true;
    SystemTokenStore store = new SystemTokenStore("my-app", () -> keychain, temp);

    try (LogCapture log = LogCapture.start()) {
      store.save(TOKEN);

      assertThat(keychain.entries).isEmpty();
      assertThat(store.file().load()).contains(TOKEN);
      assertThat(store.load()).contains(TOKEN);
      assertThat(new SystemTokenStore("my-app", () -> keychain, temp).load())
          .contains(TOKEN); // next run
      assertThat(log.warnings())
          .isNotEmpty()
          .allSatisfy(w -> assertThat(w).contains("refused the write"));
      assertThat(log.warnings().get(0)).contains(temp.resolve("client-token").toString());
      assertThat(log.allText()).doesNotContain("CLIENTSECRETSIG");
    }
  }

  @Test
  void aTokenFileFromBeforeTheKeychainMovesIntoTheKeychain() {
    TokenStores.file(temp.resolve("client-token")).save(TOKEN);
    FakeKeychain keychain = new FakeKeychain();
    SystemTokenStore store = new SystemTokenStore("my-app", () -> keychain, temp);

    try (LogCapture log = LogCapture.start()) {
      assertThat(store.load()).contains(TOKEN);

      assertThat(keychain.entries)
          .containsEntry(FakeKeychain.key("clerk-fx:my-app", "client-token"), TOKEN);
      assertThat(temp.resolve("client-token")).doesNotExist();
      assertThat(log.messages(Level.INFO))
          .anySatisfy(m -> assertThat(m).contains("Moved the client token"));
      assertThat(log.allText()).doesNotContain("CLIENTSECRETSIG");
    }
    assertThat(store.load()).contains(TOKEN);
  }

  @Test
  void aKeychainSaveRemovesAStaleTokenFileAndClearEmptiesBoth() {
    FakeKeychain keychain = new FakeKeychain();
    SystemTokenStore store = new SystemTokenStore("my-app", () -> keychain, temp);
    keychain.failWrites = true;
    store.save(TOKEN + "old");
    keychain.failWrites = false;

    store.save(TOKEN);
    assertThat(temp.resolve("client-token")).doesNotExist();
    assertThat(store.load()).contains(TOKEN);

    keychain.failWrites = true;
    store.save(TOKEN + "new"); // the file gets the newer token; the older one leaves the keychain
    assertThat(keychain.entries).isEmpty();
    assertThat(store.load()).contains(TOKEN + "new");

    store.clear();

    assertThat(keychain.entries).isEmpty();
    assertThat(temp.resolve("client-token")).doesNotExist();
    assertThat(store.load()).isEmpty();
  }

  @Test
  void invalidTokensAreRejectedNotWrittenToTheFallback() {
    SystemTokenStore store = new SystemTokenStore("my-app", FakeKeychain::new, temp);

    assertThatThrownBy(() -> store.save("not a token"))
        .isInstanceOfSatisfying(
            TokenStoreException.class,
            e -> assertThat(e.code()).isEqualTo(TokenStoreException.INVALID_VALUE));
    assertThat(temp.resolve("client-token")).doesNotExist();
  }

  @Test
  void aKeychainLibraryThatCannotLoadMeansTheFile() {
    SystemTokenStore broken =
        new SystemTokenStore(
            "a",
            () -> {
              throw new NoClassDefFoundError("com/github/javakeyring/Keyring");
            },
            temp);
    SystemTokenStore throwing =
        new SystemTokenStore(
            "b",
            () -> {
              throw new IllegalStateException("JNA exploded");
            },
            temp.resolve("b"));

    try (LogCapture log = LogCapture.start()) {
      assertThat(broken.chosen()).isInstanceOf(FileTokenStore.class);
      assertThat(throwing.chosen()).isInstanceOf(FileTokenStore.class);
      assertThat(log.warnings())
          .hasSize(2)
          .allSatisfy(w -> assertThat(w).contains("failed to load"));
    }
  }

  @Test
  void theKeychainIsProbedOnceEvenUnderConcurrentFirstUse() throws Exception {
    AtomicInteger probes = new AtomicInteger();
    FakeKeychain keychain = new FakeKeychain();
    SystemTokenStore store =
        new SystemTokenStore(
            "my-app",
            () -> {
              probes.incrementAndGet();
              return keychain;
            },
            temp);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.load();
                }));
      }
      start.countDown();
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
      store.save(TOKEN);
      store.clear();
    } finally {
      pool.shutdownNow();
    }

    assertThat(probes).hasValue(1);
  }

  @Test
  void withoutKeychainSupportTheKeychainStoreIsUnavailableAsATypedError() {
    assertThatThrownBy(() -> TokenStores.keychain("clerk-fx:my-app"))
        .isInstanceOfSatisfying(
            TokenStoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo(TokenStoreException.UNAVAILABLE);
              assertThat(e.getMessage()).contains("dev.clerkfx:clerk-fx-keychain");
            });
  }

  @Test
  void badArgumentsAreConfigurationErrorsNotNullPointers() {
    assertThatThrownBy(() -> TokenStores.file(null))
        .isInstanceOfSatisfying(
            ClerkConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("invalid_token_store"));
    assertThatThrownBy(() -> TokenStores.keychain(null))
        .isInstanceOf(ClerkConfigurationException.class);
    assertThatThrownBy(() -> TokenStores.keychain(" "))
        .isInstanceOf(ClerkConfigurationException.class);
    assertThatThrownBy(() -> TokenStores.system(null))
        .isInstanceOfSatisfying(
            ClerkConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("invalid_app_id"));
    assertThatThrownBy(() -> TokenStores.system("../escape"))
        .isInstanceOf(ClerkConfigurationException.class);
    assertThatThrownBy(() -> TokenStores.keychainService("a/b"))
        .isInstanceOf(ClerkConfigurationException.class);
  }

  @Test
  void namesAreDerivedFromTheFapiHost() {
    String appId = TokenStores.appIdForFapiHost("127.0.0.1:54321");

    assertThat(appId).isEqualTo("127.0.0.1_54321");
    assertThat(TokenStores.keychainService(appId)).isEqualTo("clerk-fx:127.0.0.1_54321");
    assertThat(TokenStores.appDirectory(appId))
        .isEqualTo(StoreLocations.configRoot().resolve("clerk-fx/" + appId));
    assertThat(TokenStores.appIdForFapiHost("clean-gecko-12.clerk.accounts.dev"))
        .isNotEqualTo(TokenStores.appIdForFapiHost("other-app-7.clerk.accounts.dev"));
  }

  @Test
  void theInMemoryStoreRoundTripsAndNeverShowsTheToken() {
    InMemoryTokenStore store = TokenStores.inMemory();
    assertThat(store.load()).isEmpty();
    assertThat(store.toString()).contains("empty");

    store.save(TOKEN);
    assertThat(store.load()).contains(TOKEN);
    assertThat(store.toString()).contains("holding a token").doesNotContain(TOKEN);

    store.clear();
    assertThat(store.load()).isEmpty();

    assertThat(TokenStores.inMemory(TOKEN).load()).contains(TOKEN);
    assertThatThrownBy(() -> TokenStores.inMemory(""))
        .isInstanceOfSatisfying(
            TokenStoreException.class,
            e -> assertThat(e.code()).isEqualTo(TokenStoreException.INVALID_VALUE));
    assertThatThrownBy(() -> store.save(null)).isInstanceOf(TokenStoreException.class);
  }

  @Test
  void everyBuiltInStoreIsUsableThroughTheInterface() {
    List<TokenStore> stores =
        List.of(
            TokenStores.inMemory(),
            TokenStores.file(temp.resolve("t")),
            new KeychainTokenStore(new FakeKeychain(), "clerk-fx:x"),
            new SystemTokenStore("x", () -> new FakeKeychain(), temp));

    for (TokenStore store : stores) {
      store.save(TOKEN);
      assertThat(store.load()).as(store.toString()).contains(TOKEN);
      store.clear();
      assertThat(store.load()).as(store.toString()).isEmpty();
      assertThat(store.toString()).doesNotContain(TOKEN);
    }
  }
}
