package dev.clerkfx.internal.fapi;

import dev.clerkfx.ClerkNetworkException;
import dev.clerkfx.ClerkNetworkException.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Maps an {@link IOException} from OkHttp to a {@link ClerkNetworkException} whose kind and message
 * say what happened.
 */
public final class NetworkErrors {
  private NetworkErrors() {}

  /**
   * Classifies an I/O failure.
   *
   * @param e the failure
   * @param host the host that was being called, for the message
   * @return the network exception (its cause is {@code e})
   */
  public static ClerkNetworkException classify(IOException e, String host) {
    Kind kind = kind(e);
    String message =
        switch (kind) {
          case DNS ->
              "Could not reach Clerk: the host name "
                  + host
                  + " did not resolve (offline, or a wrong host)";
          case CONNECT ->
              "Could not reach Clerk: the connection to "
                  + host
                  + " was refused or could not be made";
          case TIMEOUT -> "Could not reach Clerk: the request to " + host + " timed out";
          case CONNECTION_RESET ->
              "Could not reach Clerk: the connection to "
                  + host
                  + " broke while the request was in flight";
          case TLS -> "Could not reach Clerk: the secure (TLS) connection to " + host + " failed";
          case OTHER ->
              isCanceled(e)
                  ? "The request to Clerk was cancelled"
                  : "Could not reach Clerk: "
                      + e.getClass().getSimpleName()
                      + " talking to "
                      + host;
        };
    return new ClerkNetworkException(kind, message, e);
  }

  /**
   * Returns the kind of network failure.
   *
   * @param e the failure
   * @return the kind
   */
  public static Kind kind(IOException e) {
    if (e instanceof UnknownHostException) return Kind.DNS;
    if (e instanceof SSLException) return Kind.TLS;
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) return Kind.CONNECT;
    if (e instanceof InterruptedIOException) return isCanceled(e) ? Kind.OTHER : Kind.TIMEOUT;
    if (e instanceof EOFException || e instanceof SocketException) {
      return Kind.CONNECTION_RESET;
    }
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (e instanceof ProtocolException
        || message.contains("unexpected end of stream")
        || message.contains("reset")
        || message.contains("broken pipe")
        || message.contains("stream was reset")
        || message.contains("closed")) {
      return Kind.CONNECTION_RESET;
    }
    if (isCanceled(e)) return Kind.OTHER;
    if (e.getCause() instanceof IOException cause && cause != e) return kind(cause);
    return Kind.OTHER;
  }

  private static boolean isCanceled(IOException e) {
    String m = e.getMessage();
    return m != null && (m.equalsIgnoreCase("canceled") || m.equalsIgnoreCase("cancelled"));
  }
}
