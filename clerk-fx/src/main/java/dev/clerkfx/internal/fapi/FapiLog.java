package dev.clerkfx.internal.fapi;

/**
 * The transport's logger ({@code dev.clerkfx.fapi}); nothing logged through it carries a secret.
 */
final class FapiLog {
  static final System.Logger LOG = System.getLogger("dev.clerkfx.fapi");

  private FapiLog() {}
}
