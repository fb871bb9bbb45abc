package dev.clerkfx.store;

import dev.clerkfx.internal.keychain.KeychainBackend;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory keychain with switchable failures, standing in for the OS keychain. */
final class FakeKeychain implements KeychainBackend {
  final Map<String, String> entries = new ConcurrentHashMap<>();
  volatile boolean failReads;
  volatile boolean failWrites;
  volatile boolean failDeletes;

  /** Like java-keyring on Secret Service and Windows: deleting what is not there is an error. */
  volatile boolean failDeletesOfMissingEntries = true;

  @Override
  public String name() {
    return "FAKE_KEYCHAIN";
  }

  @Override
  public Optional<String> read(String service, String account) throws KeychainException {
    if (failReads) {
      throw new KeychainException("FAKE_KEYCHAIN is locked", null);
    }
    return Optional.ofNullable(entries.get(key(service, account)));
  }

  @Override
  public void write(String service, String account, String secret) throws KeychainException {
    if (failWrites) {
      throw new KeychainException("FAKE_KEYCHAIN refused the write", null);
    }
    entries.put(key(service, account), secret);
  }

  @Override
  public void delete(String service, String account) throws KeychainException {
    if (failDeletes) {
      throw new KeychainException("FAKE_KEYCHAIN refused the delete", null);
    }
    if (entries.remove(key(service, account)) == null && failDeletesOfMissingEntries) {
      throw new KeychainException("FAKE_KEYCHAIN has no such entry", null);
    }
  }

  static String key(String service, String account) {
    return service + "|" + account;
  }
}
