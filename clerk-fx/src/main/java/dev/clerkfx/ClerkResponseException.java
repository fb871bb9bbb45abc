package dev.clerkfx;

/**
 * Clerk (or something in between, such as a proxy or captive portal) answered with a body clerk-fx
 * cannot read: an HTML page, truncated JSON, a wrong content type, an empty 5xx. Never surfaces as
 * a {@code NullPointerException}.
 */
public final class ClerkResponseException extends ClerkException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * Creates an unreadable-response error.
   *
   * @param status the HTTP status of the response, or 0 when the data did not come from a response
   *     (a stored snapshot, a token decoded locally)
   * @param message what was wrong with it (no body content that could hold a secret)
   * @param cause the parse failure, or null
   */
  public ClerkResponseException(int status, String message, Throwable cause) {
    super("invalid_response", message, cause);
    this.status = status;
  }

  /**
   * Returns the HTTP status of the unreadable response, or 0 when it did not come from a response.
   */
  public int status() {
    return status;
  }
}
