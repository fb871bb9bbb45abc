/**
 * The emulator's HTTP plumbing: the JDK {@code HttpServer}, request parsing, routing, fault
 * injection, journaling and Clerk-shaped error responses.
 */
package dev.clerkfx.testkit.internal.server;
