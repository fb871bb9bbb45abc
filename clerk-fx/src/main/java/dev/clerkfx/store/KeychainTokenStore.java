package dev.clerkfx.store;

import dev.clerkfx.internal.keychain.KeychainBackend;
import dev.clerkfx.internal.keychain.KeychainBackend.KeychainException;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Keeps the client token in the OS keychain (macOS Keychain, Windows Credential Manager, or the
 * Linux Secret Service) as a generic password: service {@code clerk-fx:<appId>}, account {@value
 * #ACCOUNT}.
 *
 * <p>A keychain that cannot be read, or that holds something that is not a client token, loads as
 * empty with a WARNING naming the service. A keychain may show the user a prompt (to unlock it, or
 * to allow this app), so calls can block; they are serialised, and are made off the JavaFX
 * Application Thread by the session manager.
 */
public final class KeychainTokenStore implements TokenStore {
  /** The account name the token is stored under. */
  public static final String ACCOUNT = "client-token";

  private static final System.Logger LOG = System.getLogger("dev.clerkfx.store");

  private final KeychainBackend backend;
  private final String service;

  KeychainTokenStore(KeychainBackend backend, String service) {
    this.backend = backend;
    this.service = service;
  }

  /** Returns the keychain service name the token is stored under. */
  public String service() {
    return service;
  }

  /**
   * Returns which keychain holds the token, such as {@code OSX_KEYCHAIN} or {@code
   * WINDOWS_CREDENTIAL_STORE}.
   */
  public String keychainName() {
    return backend.name();
  }

  @Override
  public Optional<String> load() {
    Optional<String> value;
    synchronized (backend) {
      try {
        value = backend.read(service, ACCOUNT);
      } catch (KeychainException | RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Could not read the client token from the OS keychain ({0}, service {1}): {2};"
                + " starting signed out",
            backend.name(),
            service,
            reason(e));
        return Optional.empty();
      }
    }
    if (value.isPresent() && !ClientTokenFormat.isWellFormed(value.get())) {
      LOG.log(
          Level.WARNING,
          "The OS keychain entry {0}/{1} ({2}) does not hold a client token; starting signed out",
          service,
          ACCOUNT,
          backend.name());
      return Optional.empty();
    }
    return value;
  }

  @Override
  public void save(String clientToken) {
    String token = ClientTokenFormat.require(clientToken);
    synchronized (backend) {
      try {
        backend.write(service, ACCOUNT, token);
      } catch (KeychainException | RuntimeException e) {
        throw new TokenStoreException(
            TokenStoreException.WRITE_FAILED,
            "Could not store the client token in the OS"
                + " keychain ("
                + backend.name()
                + ", service "
                + service
                + "): "
                + reason(e),
            e);
      }
    }
  }

  @Override
  public void clear() {
    synchronized (backend) {
      try {
        backend.delete(service, ACCOUNT);
      } catch (KeychainException | RuntimeException deleteFailure) {
        // Some keychains refuse to delete what is not there: only a token still readable is a
        // failure.
        boolean stillThere;
        try {
          stillThere = backend.read(service, ACCOUNT).isPresent();
        } catch (KeychainException | RuntimeException readFailure) {
          stillThere = true;
        }
        if (stillThere) {
          throw new TokenStoreException(
              TokenStoreException.WRITE_FAILED,
              "Could not remove the client token from"
                  + " the OS keychain ("
                  + backend.name()
                  + ", service "
                  + service
                  + "): "
                  + reason(deleteFailure),
              deleteFailure);
        }
      }
    }
  }

  /** Names the keychain and service, never the token. */
  @Override
  public String toString() {
    return "KeychainTokenStore{"
        + backend.name()
        + ", service="
        + service
        + ", account="
        + ACCOUNT
        + "}";
  }

  private static String reason(Exception e) {
    return e instanceof KeychainException ? e.getMessage() : e.getClass().getName();
  }
}
