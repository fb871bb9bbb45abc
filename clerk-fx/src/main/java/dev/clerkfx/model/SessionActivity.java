package dev.clerkfx.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * Where and with what a session was last used: device, browser or app, and rough location, as Clerk
 * records it from the request's {@code User-Agent} and IP address.
 *
 * @param id the activity id ({@code sess_activity_…})
 * @param deviceType the device type (for example {@code Macintosh}, {@code Windows})
 * @param mobile whether the device is a mobile one
 * @param browserName the browser name, or for a desktop app the product name it sends in {@code
 *     User-Agent}
 * @param browserVersion the browser or app version
 * @param ipAddress the IP address
 * @param city the city, when Clerk could locate the address
 * @param country the country code, when Clerk could locate the address
 */
public record SessionActivity(
    String id,
    Optional<String> deviceType,
    @JsonProperty("is_mobile") boolean mobile,
    Optional<String> browserName,
    Optional<String> browserVersion,
    Optional<String> ipAddress,
    Optional<String> city,
    Optional<String> country) {

  /** Normalises nulls. */
  public SessionActivity {
    id = id == null ? "" : id;
    deviceType = Models.opt(deviceType);
    browserName = Models.opt(browserName);
    browserVersion = Models.opt(browserVersion);
    ipAddress = Models.opt(ipAddress);
    city = Models.opt(city);
    country = Models.opt(country);
  }

  /**
   * Returns browser (or app) name and version joined by a space, for display.
   *
   * @return for example {@code "Acme Notes 2.1"}, or empty when unknown
   */
  public Optional<String> browser() {
    String s = (browserName.orElse("") + " " + browserVersion.orElse("")).strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /**
   * Returns city and country joined by a comma, for display.
   *
   * @return for example {@code "Berlin, DE"}, or empty when unknown
   */
  public Optional<String> location() {
    String c = city.orElse("");
    String k = country.orElse("");
    String s = c.isEmpty() ? k : k.isEmpty() ? c : c + ", " + k;
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
