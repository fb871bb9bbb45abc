package dev.clerkfx.internal.ui;

import dev.clerkfx.ClerkClient;
import java.util.Locale;

/** The language a component shows for a client. */
public final class UiLocale {
  private UiLocale() {}

  /** The locale of {@code client}'s components. */
  public static Locale of(ClerkClient client) {
    return Locale.getDefault();
  }

  /** The {@code family} words for {@code client}'s locale. */
  public static UiText text(ClerkClient client, String family) {
    return UiText.load(family, of(client));
  }
}
