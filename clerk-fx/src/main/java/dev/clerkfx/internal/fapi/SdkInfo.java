package dev.clerkfx.internal.fapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Versions the transport sends: the FAPI API version and this SDK's version (from a build-filtered
 * resource).
 */
public final class SdkInfo {
  /**
   * The {@code clerk-api-version} header value: the FAPI version clerk-android and clerk-ios send.
   */
  public static final String API_VERSION = "2026-05-12";

  /** The SDK version header name. */
  public static final String SDK_VERSION_HEADER = "x-clerk-fx-sdk-version";

  /** This SDK's version, such as {@code 0.1.0-SNAPSHOT}, or {@code unknown}. */
  public static final String SDK_VERSION = loadVersion();

  private SdkInfo() {}

  private static String loadVersion() {
    try (InputStream in = SdkInfo.class.getResourceAsStream("clerk-fx-version.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown").strip();
      return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
