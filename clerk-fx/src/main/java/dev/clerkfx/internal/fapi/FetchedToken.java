package dev.clerkfx.internal.fapi;

import dev.clerkfx.model.Token;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session token as fetched, with the response's {@code Date} so expiry can be judged against
 * server time (the token's {@code iat}/{@code exp} relative to that date), whatever the local clock
 * says.
 *
 * @param token the token
 * @param serverDate the response {@code Date} header, when present
 */
public record FetchedToken(Token token, Optional<Instant> serverDate) {

  /** Rejects a null token; normalises a null date. */
  public FetchedToken {
    Objects.requireNonNull(token, "token");
    serverDate = serverDate == null ? Optional.empty() : serverDate;
  }

  /** Returns {@code FetchedToken[token=<redacted>, serverDate=…]}. */
  @Override
  public String toString() {
    return "FetchedToken[token=<redacted>, serverDate="
        + serverDate.map(Instant::toString).orElse("unknown")
        + "]";
  }
}
