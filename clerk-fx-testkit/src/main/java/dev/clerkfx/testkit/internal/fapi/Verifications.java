package dev.clerkfx.testkit.internal.fapi;

import dev.clerkfx.testkit.internal.server.FapiException;
import dev.clerkfx.testkit.internal.state.Records;
import dev.clerkfx.testkit.internal.state.Store;

/**
 * One-time-code verifications as every flow uses them (sign-in, sign-up, {@code /v1/me},
 * reverification): issuing an OTP, checking a code against it, and the Clerk errors a failed check
 * answers with.
 */
final class Verifications {
  /** How long an issued code stays valid. */
  static final long OTP_LIFETIME_MS = 10 * 60_000L;

  private static final int MAX_CODE_ATTEMPTS = 5;

  private Verifications() {}

  /**
   * Issues a code to a target and returns its {@code verification_otp}.
   *
   * @param store the state (clock and code issuing)
   * @param strategy {@code email_code}, {@code phone_code}, …
   * @param target the email address or phone number
   * @param targetId the identification id, or null
   * @return the unverified verification
   */
  static Records.Verification otp(Store store, String strategy, String target, String targetId) {
    Records.Verification v = new Records.Verification();
    v.object = "verification_otp";
    v.strategy = strategy;
    v.target = target;
    v.targetId = targetId;
    v.expireAt = store.now() + OTP_LIFETIME_MS;
    v.code = store.issueCode(target);
    return v;
  }

  /**
   * Checks a code against an OTP verification: marks it verified, or throws the Clerk error on
   * mismatch, expiry or too many attempts.
   *
   * @param store the state (clock and code matching)
   * @param v the verification
   * @param code the code the user typed
   */
  static void checkCode(Store store, Records.Verification v, String code) {
    if ("failed".equals(v.status)) {
      throw new FapiException(
              422,
              "verification_failed",
              "Too many failed attempts",
              "Too many failed attempts. You have to try again with the same or another method.")
          .param("code");
    }
    long now = store.now();
    if ("expired".equals(v.status) || (v.expireAt != null && now >= v.expireAt)) {
      v.status = "expired";
      throw new FapiException(
              422,
              "verification_expired",
              "Verification expired",
              "This verification has expired. You need to request a new code.")
          .param("code");
    }
    v.attempts++;
    if (!store.codeMatches(v, code)) {
      if (v.attempts >= MAX_CODE_ATTEMPTS) {
        v.status = "failed";
      }
      throw incorrectCode();
    }
    v.status = "verified";
  }

  /**
   * Returns the verification an attempt names, failing with {@link #notSent} when no code was
   * prepared for that strategy.
   *
   * @param v the verification prepared so far, or null
   * @param strategy the strategy the attempt names
   * @return {@code v}
   */
  static Records.Verification requireSent(Records.Verification v, String strategy) {
    if (v == null || !strategy.equals(v.strategy)) {
      throw notSent("strategy");
    }
    return v;
  }

  /**
   * 422 {@code verification_not_sent}: an attempt before any code was prepared.
   *
   * @param param the param the error names
   * @return the error
   */
  static FapiException notSent(String param) {
    return new FapiException(
            422,
            "verification_not_sent",
            "Verification not sent",
            "You need to send a verification code before attempting to verify.")
        .param(param);
  }

  /**
   * 422 {@code form_code_incorrect}.
   *
   * @return the error
   */
  static FapiException incorrectCode() {
    return new FapiException(422, "form_code_incorrect", "Incorrect code", "Incorrect code")
        .param("code");
  }

  /**
   * 422 {@code form_password_incorrect}.
   *
   * @return the error
   */
  static FapiException passwordIncorrect() {
    return new FapiException(
            422,
            "form_password_incorrect",
            "Password is incorrect. Try again, or use another method.",
            "Password is incorrect. Try again, or use another method.")
        .param("password");
  }
}
