package dev.clerkfx;

/**
 * No usable answer reached clerk-fx: the machine is offline, the host does not resolve, the
 * connection was refused or reset, or the request timed out. Transient: stored credentials are kept
 * and the call may be retried.
 */
public final class ClerkNetworkException extends ClerkException {
  private static final long serialVersionUID = 1L;

  /** What went wrong on the network, in words a user would use. */
  public enum Kind {
    /** The host name did not resolve (offline, or a wrong host). */
    DNS,
    /** The connection was refused or could not be made. */
    CONNECT,
    /** The request timed out. */
    TIMEOUT,
    /** The connection broke while the request or response was in flight. */
    CONNECTION_RESET,
    /** The TLS handshake failed. */
    TLS,
    /** Any other I/O failure. */
    OTHER
  }

  private final Kind kind;

  /**
   * Creates a network error.
   *
   * @param kind what went wrong
   * @param message a plain description, such as "Could not reach Clerk: the request timed out"
   * @param cause the I/O exception
   */
  public ClerkNetworkException(Kind kind, String message, Throwable cause) {
    super("network_error", message, cause);
    this.kind = kind;
  }

  /** Returns what went wrong on the network. */
  public Kind kind() {
    return kind;
  }
}
