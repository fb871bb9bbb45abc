package dev.clerkfx;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the client is in loading its state from Clerk and keeping it fresh, so a UI can tell
 * "loading" from "offline, showing the last known state" from "can't reach Clerk, retrying in 8 s".
 *
 * <pre>{@code
 * clerk.loadStates().observeOn(Schedulers.from(Platform::runLater)).subscribe(s -> {
 *   if (s.phase() == LoadState.Phase.FAILED) {
 *     banner.setText("Can't reach Clerk (" + s.error().orElseThrow().getMessage() + ")");
 *     retryButton.setOnAction(e -> clerk.refresh());
 *   }
 * });
 * }</pre>
 *
 * @param phase the phase
 * @param error the typed error of the last attempt, present exactly when {@link Phase#FAILED}
 * @param nextRetryAt when the next automatic attempt starts, present exactly when {@link
 *     Phase#FAILED}
 */
public record LoadState(
    Phase phase, Optional<ClerkException> error, Optional<Instant> nextRetryAt) {
  private static final LoadState LOADING =
      new LoadState(Phase.LOADING, Optional.empty(), Optional.empty());
  private static final LoadState FROM_CACHE =
      new LoadState(Phase.LOADED_FROM_CACHE, Optional.empty(), Optional.empty());
  private static final LoadState LOADED =
      new LoadState(Phase.LOADED, Optional.empty(), Optional.empty());

  /** The phases of loading. */
  public enum Phase {
    /**
     * Nothing is known yet: the stored state is being read and the first network load is under way.
     */
    LOADING,
    /** The state stored at the last run is shown; the network load has not succeeded yet. */
    LOADED_FROM_CACHE,
    /** The state came from Clerk, and Clerk answered the last request. */
    LOADED,
    /**
     * Clerk cannot be reached: the network load failed, or, once loaded, a refresh of the signed-in
     * session's token failed for network or server reasons. The SDK retries by itself at {@link
     * #nextRetryAt()} ({@code ClerkClient.refresh()} retries at once); the state stays as it was
     * (nobody is signed out by an outage) and the phase returns to {@code LOADED} when Clerk
     * answers.
     */
    FAILED
  }

  /**
   * Rejects a null phase, an error without {@code FAILED} and {@code FAILED} without an error and
   * retry time.
   */
  public LoadState {
    Objects.requireNonNull(phase, "phase");
    error = error == null ? Optional.empty() : error;
    nextRetryAt = nextRetryAt == null ? Optional.empty() : nextRetryAt;
    if ((phase == Phase.FAILED) != (error.isPresent() && nextRetryAt.isPresent())) {
      throw new IllegalArgumentException(
          "FAILED, and only FAILED, carries an error and a retry time");
    }
  }

  /** Returns the state before anything is known. */
  public static LoadState loading() {
    return LOADING;
  }

  /** Returns the state of showing the stored snapshot while the network load has not succeeded. */
  public static LoadState loadedFromCache() {
    return FROM_CACHE;
  }

  /** Returns the state of having loaded from Clerk. */
  public static LoadState loaded() {
    return LOADED;
  }

  /**
   * Returns the state of a failed load.
   *
   * @param error what went wrong
   * @param nextRetryAt when the load retries by itself
   * @return the state
   */
  public static LoadState failed(ClerkException error, Instant nextRetryAt) {
    return new LoadState(
        Phase.FAILED,
        Optional.of(Objects.requireNonNull(error, "error")),
        Optional.of(Objects.requireNonNull(nextRetryAt, "nextRetryAt")));
  }
}
