package dev.clerkfx.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a sign-in attempt; {@link #COMPLETE} means a session was created.
 *
 * <p>On the wire each constant is its lower-case name; a value this SDK version does not know reads
 * as {@link #UNKNOWN}.
 */
public enum SignInStatus {
  /** No identifier given yet. */
  NEEDS_IDENTIFIER,
  /** A first factor (password, code, link) is needed. */
  NEEDS_FIRST_FACTOR,
  /** A second factor (TOTP, SMS code, backup code) is needed. */
  NEEDS_SECOND_FACTOR,
  /** A new device must be verified with a second factor. */
  NEEDS_CLIENT_TRUST,
  /** The password must be reset. */
  NEEDS_NEW_PASSWORD,
  /** A protection check must be passed. */
  NEEDS_PROTECT_CHECK,
  /** Signed in; the created session is in the client. */
  COMPLETE,
  /** The attempt was abandoned. */
  ABANDONED,
  /** A value this SDK version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
