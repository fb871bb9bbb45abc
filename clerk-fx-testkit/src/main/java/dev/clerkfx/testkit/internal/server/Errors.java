package dev.clerkfx.testkit.internal.server;

/** Factories for the Clerk errors the emulator answers with, worded like real FAPI. */
public final class Errors {
  private Errors() {}

  /**
   * 404 {@code resource_not_found}.
   *
   * @param what the what
   * @return the error
   */
  public static FapiException notFound(String what) {
    return new FapiException(404, "resource_not_found", "not found", what + " not found");
  }

  /**
   * 401 {@code signed_out}: a route that needs a client got none.
   *
   * @return the error
   */
  public static FapiException signedOut() {
    return new FapiException(
        401, "signed_out", "Signed out", "You are signed out. Please sign in again to continue.");
  }

  /**
   * 401 {@code authentication_invalid}: the client token is not one the emulator issued.
   *
   * @return the error
   */
  public static FapiException authenticationInvalid() {
    return new FapiException(
        401,
        "authentication_invalid",
        "Invalid authentication",
        "Unable to authenticate the request, you need to supply an active session");
  }

  /**
   * 422 {@code form_param_missing}.
   *
   * @param param the param
   * @return the error
   */
  public static FapiException paramMissing(String param) {
    return new FapiException(422, "form_param_missing", "is missing", param + " must be included.")
        .param(param);
  }

  /**
   * 422 {@code form_param_nil}: present but empty.
   *
   * @param param the param
   * @return the error
   */
  public static FapiException paramNil(String param) {
    return new FapiException(
            422, "form_param_nil", "is missing", "Enter " + param.replace('_', ' ') + ".")
        .param(param);
  }

  /**
   * 422 {@code form_param_format_invalid}.
   *
   * @param param the param
   * @param longMessage the longMessage
   * @return the error
   */
  public static FapiException paramFormat(String param, String longMessage) {
    return new FapiException(422, "form_param_format_invalid", "is invalid", longMessage)
        .param(param);
  }

  /**
   * 422 {@code form_param_value_invalid}.
   *
   * @param param the param
   * @param longMessage the longMessage
   * @return the error
   */
  public static FapiException paramValue(String param, String longMessage) {
    return new FapiException(422, "form_param_value_invalid", "is invalid", longMessage)
        .param(param);
  }

  /**
   * 400 {@code form_param_format_invalid}: the body is not a form.
   *
   * @param detail the detail
   * @return the error
   */
  public static FapiException malformedBody(String detail) {
    return new FapiException(
        400,
        "form_param_format_invalid",
        "is invalid",
        "The request body could not be parsed as application/x-www-form-urlencoded: " + detail);
  }

  /**
   * 429 {@code too_many_requests} with {@code Retry-After}.
   *
   * @param retryAfterSeconds the retryAfterSeconds
   * @return the error
   */
  public static FapiException tooManyRequests(long retryAfterSeconds) {
    return new FapiException(
            429, "too_many_requests", "Too many requests", "Too many requests, retry later")
        .header("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
  }

  /**
   * A generic error for an injected status.
   *
   * @param status the status
   * @return the error
   */
  public static FapiException forStatus(int status) {
    return switch (status) {
      case 400 -> new FapiException(400, "bad_request", "Bad request", "The request was invalid.");
      case 401 -> authenticationInvalid();
      case 403 ->
          new FapiException(
              403,
              "authorization_invalid",
              "Unauthorized request",
              "You are not authorized to perform this request");
      case 404 -> notFound("Resource");
      case 409 ->
          new FapiException(
              409, "conflict", "Conflict", "The request conflicts with the current state.");
      case 422 ->
          new FapiException(
              422, "form_param_value_invalid", "is invalid", "A parameter is invalid.");
      case 429 -> tooManyRequests(1);
      case 502 -> new FapiException(502, "bad_gateway", "Bad gateway", "Bad gateway.");
      case 503 ->
          new FapiException(
              503,
              "service_unavailable",
              "Service unavailable",
              "The service is temporarily unavailable. Please try again later.");
      case 504 -> new FapiException(504, "gateway_timeout", "Gateway timeout", "Gateway timeout.");
      default ->
          new FapiException(
              status,
              status >= 500 ? "internal_clerk_error" : "bad_request",
              status >= 500 ? "Oops, an unexpected error occurred" : "Bad request",
              status >= 500
                  ? "There was an internal error on our servers. We've been notified and are working on fixing it."
                  : "The request was invalid.");
    };
  }

  /**
   * 500 {@code internal_clerk_error}: a bug in the emulator.
   *
   * @return the error
   */
  public static FapiException internal() {
    return forStatus(500);
  }
}
