package dev.clerkfx.internal.fapi;

/**
 * The answer to {@code POST /v1/client/hosted_auth}: the Account Portal URL to open in the system
 * browser.
 *
 * @param url the URL to open
 */
public record HostedAuth(String url) {

  /** Rejects a missing URL. */
  public HostedAuth {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("hosted_auth has no url");
  }
}
