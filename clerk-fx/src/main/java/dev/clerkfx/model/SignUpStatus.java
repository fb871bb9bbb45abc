package dev.clerkfx.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a sign-up attempt; {@link #COMPLETE} means the user and a session were created.
 *
 * <p>On the wire each constant is its lower-case name; a value this SDK version does not know reads
 * as {@link #UNKNOWN}.
 */
public enum SignUpStatus {
  /** Fields are missing or unverified. */
  MISSING_REQUIREMENTS,
  /** The user and a session were created. */
  COMPLETE,
  /** The attempt was abandoned. */
  ABANDONED,
  /** A value this SDK version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
