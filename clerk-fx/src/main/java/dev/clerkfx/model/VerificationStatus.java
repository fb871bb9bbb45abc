package dev.clerkfx.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a verification (of a factor, an email address, a phone number).
 *
 * <p>On the wire each constant is its lower-case name; a value this SDK version does not know reads
 * as {@link #UNKNOWN}.
 */
public enum VerificationStatus {
  /** Not verified yet. */
  UNVERIFIED,
  /** Verified. */
  VERIFIED,
  /** Failed (too many wrong attempts). */
  FAILED,
  /** The code or link expired. */
  EXPIRED,
  /** An external account may be transferred to a sign-up. */
  TRANSFERABLE,
  /** A value this SDK version does not know. */
  @JsonEnumDefaultValue
  UNKNOWN
}
