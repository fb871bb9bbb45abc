/**
 * JMH benchmarks and behaviour runs for clerk-fx: the emulator's session-token throughput, the
 * SDK's cached {@code getToken()} hot path, and the token refresher's request counts under an
 * emulated clock.
 *
 * <p>Build with {@code mvn -B -pl benchmarks -am package -DskipTests}, then run {@code java -jar
 * benchmarks/target/benchmarks.jar <regex>}; see {@code benchmarks/README.md}.
 */
package dev.clerkfx.benchmarks;
