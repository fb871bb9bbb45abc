package dev.clerkfx.testkit.internal.totp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A user's backup codes: each code signs in once, then it is gone. {@link #generate()} makes ten
 * 8-character lowercase alphanumeric codes (Clerk documents neither count nor format; its spec only
 * says {@code codes} is a list of strings, so this is the emulator's choice).
 *
 * <p>Thread-safe. {@link #toString()} shows only how many codes remain.
 *
 * <pre>{@code
 * BackupCodes codes = BackupCodes.generate();
 * List<String> shown = codes.remaining();   // show once to the user
 * codes.consume(shown.get(0));              // true
 * codes.consume(shown.get(0));              // false: single use
 * }</pre>
 */
public final class BackupCodes {
  /** How many codes {@link #generate()} makes. */
  public static final int DEFAULT_COUNT = 10;

  /** Characters per code. */
  public static final int CODE_LENGTH = 8;

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Set<String> codes;

  private BackupCodes(Collection<String> codes) {
    this.codes = new LinkedHashSet<>(codes);
  }

  /**
   * Generates ten random codes.
   *
   * @return the codes
   */
  public static BackupCodes generate() {
    return generate(DEFAULT_COUNT);
  }

  /**
   * Generates {@code count} distinct random codes.
   *
   * @param count how many (1–100)
   * @return the codes
   * @throws IllegalArgumentException if {@code count} is out of range
   */
  public static BackupCodes generate(int count) {
    if (count < 1 || count > 100) {
      throw new IllegalArgumentException("Backup code count must be 1–100, got " + count);
    }
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < count) {
      char[] c = new char[CODE_LENGTH];
      for (int i = 0; i < c.length; i++) {
        c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
      }
      out.add(new String(c));
    }
    return new BackupCodes(out);
  }

  /**
   * Uses the given codes (for example from a users file), normalised to trimmed lowercase.
   *
   * @param codes the codes
   * @return the codes
   * @throws IllegalArgumentException if the collection is missing or holds a blank code
   */
  public static BackupCodes of(Collection<String> codes) {
    if (codes == null) {
      throw new IllegalArgumentException("Backup codes must not be missing");
    }
    List<String> normalised = new ArrayList<>(codes.size());
    for (String code : codes) {
      if (code == null || code.isBlank()) {
        throw new IllegalArgumentException("A backup code must not be blank");
      }
      normalised.add(normalise(code));
    }
    return new BackupCodes(normalised);
  }

  /**
   * Uses a code: if it is still unused it is removed and {@code true} returned.
   *
   * @param code the typed code (case and surrounding spaces ignored)
   * @return whether the code was valid and unused
   */
  public synchronized boolean consume(String code) {
    return code != null && codes.remove(normalise(code));
  }

  /**
   * Returns the unused codes, in generation order.
   *
   * @return the unused codes, in generation order
   */
  public synchronized List<String> remaining() {
    return List.copyOf(codes);
  }

  /**
   * Returns how many codes are unused.
   *
   * @return how many codes are unused
   */
  public synchronized int remainingCount() {
    return codes.size();
  }

  private static String normalise(String code) {
    return code.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public synchronized String toString() {
    return "BackupCodes[remaining=" + codes.size() + "]";
  }
}
