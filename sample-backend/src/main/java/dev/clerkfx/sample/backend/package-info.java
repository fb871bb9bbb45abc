/**
 * The server half of clerk-fx's {@code getToken()}: {@link
 * dev.clerkfx.sample.backend.SampleBackend}, a small HTTP API that verifies Clerk session tokens
 * with Clerk's Java backend SDK ({@code com.clerk:backend-api}) and answers {@code GET /api/me}
 * like {@code getAuth(req)} and {@code GET /api/profile} like {@code currentUser()}; {@link
 * dev.clerkfx.sample.backend.BackendMain} runs it alone.
 */
package dev.clerkfx.sample.backend;
