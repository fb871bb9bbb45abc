package dev.clerkfx.internal.session;

/**
 * Identifies one cached session token: session, organization ({@code ""} = personal account) and
 * JWT template (null = the plain session token).
 */
record TokenKey(String sessionId, String organizationId, String template) {
  TokenKey {
    organizationId = organizationId == null ? "" : organizationId;
  }
}
