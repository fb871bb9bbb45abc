package dev.clerkfx.internal.fapi;

import java.util.Optional;

/**
 * The transport's only link to state: where it reads the client token to send, and where it reports
 * what each response of the configured Frontend API says ({@link ResponseFacts}). The session state
 * machine implements it; the transport itself keeps no state and calls no app code.
 */
public interface FapiFacts {
  /** Reports nothing and sends no client token (a transport used on its own). */
  FapiFacts NONE =
      new FapiFacts() {
        @Override
        public Optional<String> clientToken() {
          return Optional.empty();
        }

        @Override
        public void responseSeen(ResponseFacts facts) {}
      };

  /**
   * Returns the client token to send now, if one is held. Called on OkHttp threads; must not block.
   */
  Optional<String> clientToken();

  /**
   * Hears the facts of one response. Called on the OkHttp thread that read the response, before the
   * caller's future completes; returns once the facts are applied, so whatever the caller does next
   * sees them.
   *
   * @param facts what the response said
   */
  void responseSeen(ResponseFacts facts);
}
