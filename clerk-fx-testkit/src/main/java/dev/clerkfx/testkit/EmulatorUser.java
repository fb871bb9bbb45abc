package dev.clerkfx.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user of the emulated instance, as a test sets it up; immutable, made with {@link #builder()}.
 *
 * <pre>{@code
 * EmulatorUser ada = EmulatorUser.builder()
 *     .email("ada+clerk_test@example.com").password("correct horse")
 *     .firstName("Ada").lastName("Lovelace")
 *     .totpSecret("JBSWY3DPEHPK3PXP")          // enables MFA with an authenticator app
 *     .organization("acme", "org:admin")
 *     .build();
 * }</pre>
 *
 * The first email and phone given are the primary ones. {@link #toString()} never shows the
 * password, TOTP secret or backup codes.
 */
public final class EmulatorUser {
  /**
   * A membership of the user in an organization, by the organization's slug.
   *
   * @param organizationSlug the organization's slug
   * @param role the role key, such as {@code org:admin}
   */
  public record Membership(String organizationSlug, String role) {
    /**
     * Checks both fields are present.
     *
     * @param organizationSlug the organization's slug
     * @param role the role key
     */
    public Membership {
      Objects.requireNonNull(organizationSlug, "organizationSlug");
      Objects.requireNonNull(role, "role");
    }
  }

  private final String id;
  private final List<String> emails;
  private final List<String> phones;
  private final String username;
  private final String password;
  private final String firstName;
  private final String lastName;
  private final String imageUrl;
  private final String totpSecret;
  private final List<String> backupCodes;
  private final boolean phoneSecondFactor;
  private final List<Membership> memberships;
  private final boolean banned;
  private final boolean locked;
  private final Map<String, Object> publicMetadata;
  private final Map<String, Object> unsafeMetadata;

  private EmulatorUser(Builder b) {
    this.id = b.id;
    this.emails = List.copyOf(b.emails);
    this.phones = List.copyOf(b.phones);
    this.username = b.username;
    this.password = b.password;
    this.firstName = b.firstName;
    this.lastName = b.lastName;
    this.imageUrl = b.imageUrl;
    this.totpSecret = b.totpSecret;
    this.backupCodes = List.copyOf(b.backupCodes);
    this.phoneSecondFactor = b.phoneSecondFactor;
    this.memberships = List.copyOf(b.memberships);
    this.banned = b.banned;
    this.locked = b.locked;
    this.publicMetadata = Map.copyOf(b.publicMetadata);
    this.unsafeMetadata = Map.copyOf(b.unsafeMetadata);
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this user's values, to make a changed copy.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.emails.addAll(emails);
    b.phones.addAll(phones);
    b.username = username;
    b.password = password;
    b.firstName = firstName;
    b.lastName = lastName;
    b.imageUrl = imageUrl;
    b.totpSecret = totpSecret;
    b.backupCodes.addAll(backupCodes);
    b.phoneSecondFactor = phoneSecondFactor;
    b.memberships.addAll(memberships);
    b.banned = banned;
    b.locked = locked;
    b.publicMetadata.putAll(publicMetadata);
    b.unsafeMetadata.putAll(unsafeMetadata);
    return b;
  }

  /**
   * Returns the user id ({@code user_…}); empty until the emulator assigns one.
   *
   * @return the user id ({@code user_…}); empty until the emulator assigns one
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * Returns the email addresses, primary first.
   *
   * @return the email addresses, primary first
   */
  public List<String> emails() {
    return emails;
  }

  /**
   * Returns the primary email address, if any.
   *
   * @return the primary email address, if any
   */
  public Optional<String> email() {
    return emails.stream().findFirst();
  }

  /**
   * Returns the phone numbers (E.164), primary first.
   *
   * @return the phone numbers (E.164), primary first
   */
  public List<String> phones() {
    return phones;
  }

  /**
   * Returns the primary phone number, if any.
   *
   * @return the primary phone number, if any
   */
  public Optional<String> phone() {
    return phones.stream().findFirst();
  }

  /**
   * Returns the username, if any.
   *
   * @return the username, if any
   */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /**
   * Returns the password, if the user has one.
   *
   * @return the password, if the user has one
   */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /**
   * Returns the first name, if any.
   *
   * @return the first name, if any
   */
  public Optional<String> firstName() {
    return Optional.ofNullable(firstName);
  }

  /**
   * Returns the last name, if any.
   *
   * @return the last name, if any
   */
  public Optional<String> lastName() {
    return Optional.ofNullable(lastName);
  }

  /**
   * Returns the avatar URL, if one was set.
   *
   * @return the avatar URL, if one was set
   */
  public Optional<String> imageUrl() {
    return Optional.ofNullable(imageUrl);
  }

  /**
   * Returns the base32 TOTP secret, if an authenticator app is enrolled.
   *
   * @return the base32 TOTP secret, if an authenticator app is enrolled
   */
  public Optional<String> totpSecret() {
    return Optional.ofNullable(totpSecret);
  }

  /**
   * Returns the unused backup codes.
   *
   * @return the unused backup codes
   */
  public List<String> backupCodes() {
    return backupCodes;
  }

  /**
   * Returns whether the primary phone number is enrolled as a second factor ({@code phone_code}).
   *
   * @return whether the primary phone number is enrolled as a second factor ({@code phone_code})
   */
  public boolean phoneSecondFactor() {
    return phoneSecondFactor;
  }

  /**
   * Returns whether the user has any second factor, so sign-in needs one.
   *
   * @return whether the user has any second factor, so sign-in needs one
   */
  public boolean twoFactorEnabled() {
    return totpSecret != null || !backupCodes.isEmpty() || (phoneSecondFactor && !phones.isEmpty());
  }

  /**
   * Returns the organization memberships.
   *
   * @return the organization memberships
   */
  public List<Membership> memberships() {
    return memberships;
  }

  /**
   * Returns whether the user is banned.
   *
   * @return whether the user is banned
   */
  public boolean banned() {
    return banned;
  }

  /**
   * Returns whether the user is locked out.
   *
   * @return whether the user is locked out
   */
  public boolean locked() {
    return locked;
  }

  /**
   * Returns the public metadata.
   *
   * @return the public metadata
   */
  public Map<String, Object> publicMetadata() {
    return publicMetadata;
  }

  /**
   * Returns the unsafe (user-writable) metadata.
   *
   * @return the unsafe (user-writable) metadata
   */
  public Map<String, Object> unsafeMetadata() {
    return unsafeMetadata;
  }

  /** Describes the user without its password, TOTP secret or backup codes. */
  @Override
  public String toString() {
    return "EmulatorUser[id="
        + id
        + ", emails="
        + emails
        + ", phones="
        + phones
        + ", username="
        + username
        + ", name="
        + firstName
        + " "
        + lastName
        + ", password="
        + (password == null ? "none" : "<redacted>")
        + ", totp="
        + (totpSecret != null)
        + ", backupCodes="
        + backupCodes.size()
        + ", memberships="
        + memberships
        + ", banned="
        + banned
        + ", locked="
        + locked
        + "]";
  }

  /** Builds an {@link EmulatorUser}. */
  public static final class Builder {
    private String id;
    private final List<String> emails = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();
    private String username;
    private String password;
    private String firstName;
    private String lastName;
    private String imageUrl;
    private String totpSecret;
    private final List<String> backupCodes = new ArrayList<>();
    private boolean phoneSecondFactor;
    private final List<Membership> memberships = new ArrayList<>();
    private boolean banned;
    private boolean locked;
    private final Map<String, Object> publicMetadata = new LinkedHashMap<>();
    private final Map<String, Object> unsafeMetadata = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Fixes the user id (otherwise the emulator assigns one).
     *
     * @param value an id such as {@code user_ada}
     * @return this builder
     */
    public Builder id(String value) {
      this.id = value;
      return this;
    }

    /**
     * Adds an email address (the first one is primary).
     *
     * @param value the address
     * @return this builder
     */
    public Builder email(String value) {
      emails.add(Objects.requireNonNull(value, "email"));
      return this;
    }

    /**
     * Adds a phone number in E.164 form (the first one is primary).
     *
     * @param value the number, such as {@code +15555550100}
     * @return this builder
     */
    public Builder phone(String value) {
      phones.add(Objects.requireNonNull(value, "phone"));
      return this;
    }

    /**
     * Sets the username.
     *
     * @param value the username
     * @return this builder
     */
    public Builder username(String value) {
      this.username = value;
      return this;
    }

    /**
     * Sets the password.
     *
     * @param value the password, or {@code null} for none
     * @return this builder
     */
    public Builder password(String value) {
      this.password = value;
      return this;
    }

    /**
     * Sets the first name.
     *
     * @param value the first name
     * @return this builder
     */
    public Builder firstName(String value) {
      this.firstName = value;
      return this;
    }

    /**
     * Sets the last name.
     *
     * @param value the last name
     * @return this builder
     */
    public Builder lastName(String value) {
      this.lastName = value;
      return this;
    }

    /**
     * Sets the avatar URL.
     *
     * @param value the URL
     * @return this builder
     */
    public Builder imageUrl(String value) {
      this.imageUrl = value;
      return this;
    }

    /**
     * Enrolls an authenticator app (TOTP, RFC 6238, SHA-1, 6 digits, 30 s).
     *
     * @param base32Secret the shared secret in base32
     * @return this builder
     */
    public Builder totpSecret(String base32Secret) {
      this.totpSecret = base32Secret;
      return this;
    }

    /**
     * Sets the single-use backup codes.
     *
     * @param codes the codes
     * @return this builder
     */
    public Builder backupCodes(List<String> codes) {
      backupCodes.clear();
      backupCodes.addAll(codes);
      return this;
    }

    /**
     * Enrolls the primary phone as a second factor ({@code phone_code}).
     *
     * @param value whether to enrol it
     * @return this builder
     */
    public Builder phoneSecondFactor(boolean value) {
      this.phoneSecondFactor = value;
      return this;
    }

    /**
     * Adds a membership in an organization given to the emulator builder.
     *
     * @param organizationSlug the organization's slug
     * @param role the role key, such as {@code org:admin}
     * @return this builder
     */
    public Builder organization(String organizationSlug, String role) {
      memberships.add(new Membership(organizationSlug, role));
      return this;
    }

    /**
     * Bans the user (sign-in fails with {@code user_banned}).
     *
     * @param value whether the user is banned
     * @return this builder
     */
    public Builder banned(boolean value) {
      this.banned = value;
      return this;
    }

    /**
     * Locks the user out (sign-in fails with {@code user_locked}) for an hour of emulator time.
     *
     * @param value whether the user is locked
     * @return this builder
     */
    public Builder locked(boolean value) {
      this.locked = value;
      return this;
    }

    /**
     * Sets a public metadata entry.
     *
     * @param key the key
     * @param value a JSON-compatible value (string, number, boolean, list, map)
     * @return this builder
     */
    public Builder publicMetadata(String key, Object value) {
      publicMetadata.put(key, value);
      return this;
    }

    /**
     * Sets an unsafe metadata entry.
     *
     * @param key the key
     * @param value a JSON-compatible value (string, number, boolean, list, map)
     * @return this builder
     */
    public Builder unsafeMetadata(String key, Object value) {
      unsafeMetadata.put(key, value);
      return this;
    }

    /**
     * Builds the user.
     *
     * @return the user
     * @throws IllegalArgumentException when the user has no email, phone or username to sign in
     *     with
     */
    public EmulatorUser build() {
      if (emails.isEmpty() && phones.isEmpty() && username == null) {
        throw new IllegalArgumentException(
            "An emulator user needs an email, a phone or a username");
      }
      return new EmulatorUser(this);
    }
  }
}
