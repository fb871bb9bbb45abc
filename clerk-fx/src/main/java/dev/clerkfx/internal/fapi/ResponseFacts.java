package dev.clerkfx.internal.fapi;

import dev.clerkfx.model.Client;
import java.time.Instant;
import java.util.Optional;

/**
 * What one response of the configured Frontend API said about state, read once from its headers and
 * body.
 *
 * @param sentToken the client token the request was sent with, empty when none
 * @param rotatedToken the response's {@code Authorization} header when it has one: the new client
 *     token, or {@code ""} when it clears the token (an empty value or a bare {@code Bearer})
 * @param clientSeen true when the body said something about the client (a client, or an explicit
 *     "no client")
 * @param client the client the body carried; empty with {@code clientSeen} means "no client any
 *     more"
 * @param serverDate the response's {@code Date}, when present
 */
public record ResponseFacts(
    Optional<String> sentToken,
    Optional<String> rotatedToken,
    boolean clientSeen,
    Optional<Client> client,
    Optional<Instant> serverDate) {

  /** Normalises nulls to empty. */
  public ResponseFacts {
    sentToken = sentToken == null ? Optional.empty() : sentToken;
    rotatedToken = rotatedToken == null ? Optional.empty() : rotatedToken;
    client = client == null ? Optional.empty() : client;
    serverDate = serverDate == null ? Optional.empty() : serverDate;
  }

  /** True when the response says nothing about state. */
  public boolean isEmpty() {
    return rotatedToken.isEmpty() && !clientSeen;
  }

  /** Describes the facts without the tokens. */
  @Override
  public String toString() {
    return "ResponseFacts[sentToken="
        + (sentToken.isPresent() ? "<redacted>" : "none")
        + ", rotatedToken="
        + rotatedToken.map(t -> t.isEmpty() ? "<cleared>" : "<redacted>").orElse("none")
        + ", client="
        + (clientSeen ? client.map(Client::id).orElse("<none>") : "not seen")
        + ", serverDate="
        + serverDate.map(Instant::toString).orElse("unknown")
        + "]";
  }
}
