package dev.clerkfx;

/** Why the user was signed out, carried by {@code AuthEvent.SignedOut}. */
public enum SignOutReason {
  /** The app called {@code signOut()}. */
  USER_ACTION,
  /**
   * Clerk says the session was revoked (dashboard, backend API, or another device's "sign out
   * everywhere").
   */
  REVOKED,
  /** The session reached its lifetime or inactivity limit. */
  EXPIRED,
  /** The session was ended or removed from another app or browser sharing this client. */
  SIGNED_OUT_ELSEWHERE,
  /** The user deleted their own account ({@code Account.deleteAccount()}). */
  ACCOUNT_DELETED
}
