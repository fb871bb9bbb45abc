package dev.clerkfx;

/**
 * The kind of Clerk instance a publishable key belongs to: {@code pk_test_} keys are development,
 * {@code pk_live_} production.
 */
public enum InstanceType {
  /**
   * A development instance ({@code pk_test_} key): test emails and phone numbers, relaxed redirect
   * rules.
   */
  DEVELOPMENT,
  /** A production instance ({@code pk_live_} key). */
  PRODUCTION
}
