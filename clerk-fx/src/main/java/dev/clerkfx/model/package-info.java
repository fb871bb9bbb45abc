/**
 * Immutable records of Clerk Frontend API resources: {@link dev.clerkfx.model.Client}, {@link
 * dev.clerkfx.model.Session}, {@link dev.clerkfx.model.User}, sign-in and sign-up attempts, the
 * {@link dev.clerkfx.model.Environment}, session tokens and their decoded claims.
 *
 * <p>Conventions, the same in every record:
 *
 * <ul>
 *   <li>an id is always present (a record without one is rejected when read);
 *   <li>every other scalar that Clerk may leave out or send as {@code null} is an {@link
 *       java.util.Optional}; booleans Clerk leaves out read as {@code false};
 *   <li>lists and maps are never null (empty when absent) and unmodifiable; metadata maps are
 *       deeply unmodifiable;
 *   <li>timestamps (epoch milliseconds on the wire) are {@link java.time.Instant}s;
 *   <li>status enums have an {@code UNKNOWN} constant for values this SDK version does not know;
 *   <li>unknown JSON fields are ignored; no {@code toString()} prints a token.
 * </ul>
 */
package dev.clerkfx.model;
