package dev.clerkfx.internal.fapi;

import dev.clerkfx.model.Client;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link FapiFacts} for transport tests: a settable client token, and every reported fact in
 * order.
 */
final class RecordingFacts implements FapiFacts {
  volatile String token;
  final List<ResponseFacts> seen = new CopyOnWriteArrayList<>();

  RecordingFacts() {}

  RecordingFacts(String token) {
    this.token = token;
  }

  @Override
  public Optional<String> clientToken() {
    return Optional.ofNullable(token);
  }

  @Override
  public void responseSeen(ResponseFacts facts) {
    seen.add(facts);
  }

  /** The newest fact reported. */
  ResponseFacts last() {
    return seen.get(seen.size() - 1);
  }

  /** The clients reported, in order (empty = an explicit "no client"). */
  List<Optional<Client>> clients() {
    return seen.stream().filter(ResponseFacts::clientSeen).map(ResponseFacts::client).toList();
  }
}
