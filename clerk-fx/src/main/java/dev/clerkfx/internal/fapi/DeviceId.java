package dev.clerkfx.internal.fapi;

import java.util.Objects;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The stable per-install device id sent as {@code x-native-device-id}: a random UUID created once
 * and kept in the user's Java preferences ({@code dev/clerkfx}, key {@code native-device-id}). Not
 * a secret.
 */
public final class DeviceId {
  static final String KEY = "native-device-id";

  private DeviceId() {}

  /**
   * Returns this install's device id from the user's preferences, creating and storing it on first
   * use. When preferences cannot be written, returns a fresh id for this run (and logs why).
   *
   * @return the device id
   */
  public static String fromUserPreferences() {
    return fromPreferences(Preferences.userRoot().node("dev/clerkfx"));
  }

  /**
   * Returns the device id kept in a preferences node, creating and storing it on first use.
   *
   * @param node the node (tests pass their own)
   * @return the device id
   */
  public static String fromPreferences(Preferences node) {
    Objects.requireNonNull(node, "node");
    try {
      String existing = node.get(KEY, null);
      if (existing != null && isUuid(existing)) return existing;
      String created = UUID.randomUUID().toString();
      node.put(KEY, created);
      node.flush();
      return created;
    } catch (BackingStoreException | SecurityException | IllegalStateException e) {
      FapiLog.LOG.log(
          System.Logger.Level.WARNING,
          "Cannot store the device id in Java preferences; using a per-run id: " + e);
      return UUID.randomUUID().toString();
    }
  }

  private static boolean isUuid(String s) {
    try {
      UUID.fromString(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
