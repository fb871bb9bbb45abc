package dev.clerkfx.account;

import java.util.Locale;

/** How much a reverification must prove, as Clerk's {@code level}. */
public enum ReverificationLevel {
  /** A first factor: password, or an email or phone code. */
  FIRST_FACTOR,
  /** A second factor when the user has one enrolled, else a first factor. */
  SECOND_FACTOR,
  /** A first factor and, when the user has one enrolled, a second factor. */
  MULTI_FACTOR;

  /**
   * Returns Clerk's wire value ({@code first_factor}, {@code second_factor}, {@code multi_factor}).
   */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads Clerk's wire value.
   *
   * @param value {@code first_factor}, {@code second_factor} or {@code multi_factor}
   * @return the level; {@link #SECOND_FACTOR} (Clerk's default) when the value is absent or unknown
   */
  public static ReverificationLevel fromWire(String value) {
    if (value != null) {
      for (ReverificationLevel l : values()) {
        if (l.wireValue().equalsIgnoreCase(value.strip())) return l;
      }
    }
    return SECOND_FACTOR;
  }
}
