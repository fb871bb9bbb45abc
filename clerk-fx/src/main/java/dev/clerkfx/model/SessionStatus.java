package dev.clerkfx.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a session. Only {@link #ACTIVE} sessions can mint session tokens; {@link #PENDING}
 * ones are signed in with tasks left.
 *
 * <p>On the wire each constant is its lower-case name; a value this SDK version does not know reads
 * as {@link #UNKNOWN}.
 */
public enum SessionStatus {
  /** Signed in and usable. */
  ACTIVE,
  /** Signed in, but tasks (such as choosing an organization) remain; cannot mint tokens. */
  PENDING,
  /** Ended by the user (kept in the client). */
  ENDED,
  /** Past its lifetime. */
  EXPIRED,
  /** Removed from the client. */
  REMOVED,
  /** Abandoned after inactivity. */
  ABANDONED,
  /** Replaced by another session. */
  REPLACED,
  /** Revoked (for example from another device or the dashboard). */
  REVOKED,
  /** A value this SDK version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
