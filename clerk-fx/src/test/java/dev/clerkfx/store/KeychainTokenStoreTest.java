package dev.clerkfx.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clerkfx.internal.store.LogCapture;
import org.junit.jupiter.api.Test;

class KeychainTokenStoreTest {
  private static final String TOKEN =
      "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6ImNsaWVudF8yeCJ9.CLIENTSECRETSIG";
  private static final String SERVICE = "clerk-fx:my-app";

  private final FakeKeychain keychain = new FakeKeychain();
  private final KeychainTokenStore store = new KeychainTokenStore(keychain, SERVICE);

  @Test
  void savesUnderTheServiceAndTheClientTokenAccount() {
    assertThat(store.load()).isEmpty();

    store.save(TOKEN);

    assertThat(keychain.entries)
        .containsExactly(java.util.Map.entry(FakeKeychain.key(SERVICE, "client-token"), TOKEN));
    assertThat(store.load()).contains(TOKEN);
    assertThat(store.service()).isEqualTo(SERVICE);
    assertThat(store.keychainName()).isEqualTo("FAKE_KEYCHAIN");
  }

  @Test
  void saveReplacesTheToken() {
    store.save(TOKEN);
    store.save(TOKEN + "2");

    assertThat(store.load()).contains(TOKEN + "2");
  }

  @Test
  void aKeychainThatCannotBeReadMeansSignedOutWithAWarning() {
    store.save(TOKEN);
    keychain.failReads = true;

    try (LogCapture log = LogCapture.start()) {
      assertThat(store.load()).isEmpty();
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains("FAKE_KEYCHAIN", SERVICE, "locked", "starting signed out");
      assertThat(log.allText()).doesNotContain(TOKEN).doesNotContain("CLIENTSECRETSIG");
    }
  }

  @Test
  void anEntryThatIsNotAClientTokenMeansSignedOutWithAWarning() {
    keychain.entries.put(FakeKeychain.key(SERVICE, "client-token"), "not a token\nCLIENTSECRETSIG");

    try (LogCapture log = LogCapture.start()) {
      assertThat(store.load()).isEmpty();
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains(SERVICE)
          .contains("does not hold a client token");
      assertThat(log.allText()).doesNotContain("CLIENTSECRETSIG");
    }
  }

  @Test
  void aRefusedWriteIsATypedErrorWithoutTheToken() {
    keychain.failWrites = true;

    assertThatThrownBy(() -> store.save(TOKEN))
        .isInstanceOfSatisfying(
            TokenStoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo(TokenStoreException.WRITE_FAILED);
              assertThat(e.getMessage())
                  .contains(SERVICE, "refused the write")
                  .doesNotContain(TOKEN);
            });
  }

  @Test
  void invalidTokensAreRejectedBeforeReachingTheKeychain() {
    for (String bad :
        new String[] {null, "", "two words", "line\nbreak", "tab\t", "ünïcode", "x".repeat(8193)}) {
      assertThatThrownBy(() -> store.save(bad))
          .isInstanceOfSatisfying(
              TokenStoreException.class,
              e -> assertThat(e.code()).isEqualTo(TokenStoreException.INVALID_VALUE));
    }
    assertThat(keychain.entries).isEmpty();
  }

  @Test
  void clearRemovesTheEntryAndClearingNothingIsFine() {
    store.save(TOKEN);

    store.clear();
    store.clear(); // the fake, like java-keyring, refuses to delete a missing entry: still not an
    // error

    assertThat(keychain.entries).isEmpty();
    assertThat(store.load()).isEmpty();
  }

  @Test
  void clearFailsWhenTheTokenIsStillThere() {
    store.save(TOKEN);
    keychain.failDeletes = true;

    assertThatThrownBy(store::clear)
        .isInstanceOfSatisfying(
            TokenStoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo(TokenStoreException.WRITE_FAILED);
              assertThat(e.getMessage()).contains("refused the delete").doesNotContain(TOKEN);
            });
  }

  @Test
  void clearFailsWhenTheKeychainCanNeitherDeleteNorBeRead() {
    store.save(TOKEN);
    keychain.failDeletes = true;
    keychain.failReads = true;

    assertThatThrownBy(store::clear).isInstanceOf(TokenStoreException.class);
  }

  @Test
  void toStringNamesTheEntryNeverTheToken() {
    store.save(TOKEN);

    assertThat(store.toString())
        .contains("FAKE_KEYCHAIN", SERVICE, "client-token")
        .doesNotContain(TOKEN);
  }
}
