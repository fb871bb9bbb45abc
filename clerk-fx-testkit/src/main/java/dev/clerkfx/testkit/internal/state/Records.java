package dev.clerkfx.testkit.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mutable records the {@link Store} holds; touched only under the store's lock. */
public final class Records {
  private Records() {}

  /** An email address of a user. */
  public static final class Email {
    public String id;
    public String address;
    public boolean verified = true;

    /** A verification in progress or done through FAPI; null means "set up by an admin". */
    public Verification verification;

    public long createdAt;
    public long updatedAt;
  }

  /** A phone number of a user. */
  public static final class Phone {
    public String id;
    public String number;
    public boolean verified = true;

    /** A verification in progress or done through FAPI; null means "set up by an admin". */
    public Verification verification;

    public boolean secondFactor;
    public long createdAt;
    public long updatedAt;
  }

  /** An OAuth account linked to a user. */
  public static final class ExternalAccount {
    public String id;
    public String provider;
    public String email;
    public String providerUserId;
    public long createdAt;

    /**
     * False while a connection started from {@code /v1/me/external_accounts} waits for the
     * provider.
     */
    public boolean verified = true;

    /** Where the provider page returns to after a connection is approved. */
    public String redirectUrl;
  }

  /** A user. */
  public static final class User {
    public String id;
    public final List<Email> emails = new ArrayList<>();
    public final List<Phone> phones = new ArrayList<>();
    public final List<ExternalAccount> externalAccounts = new ArrayList<>();
    public String primaryEmailId;
    public String primaryPhoneId;
    public String username;
    public String password;
    public String firstName;
    public String lastName;
    public String imageUrl;
    public boolean hasImage;
    public String totpSecret;

    /** A TOTP secret handed out by {@code POST /v1/me/totp}, waiting for its first code. */
    public String pendingTotpSecret;

    public String totpId;
    public final Set<String> backupCodes = new LinkedHashSet<>();
    public final List<Membership> memberships = new ArrayList<>();
    public boolean banned;
    public long lockedUntil;
    public ObjectNode publicMetadata;
    public ObjectNode unsafeMetadata;
    public ObjectNode privateMetadata;
    public long createdAt;
    public long updatedAt;
    public Long lastSignInAt;
    public Long lastActiveAt;
    public Long passwordUpdatedAt;
    public Long legalAcceptedAt;
    public Long mfaEnabledAt;
    public boolean deleted;

    /**
     * Returns the primary email record, or null.
     *
     * @return the primary email record, or null
     */
    public Email primaryEmail() {
      return emails.stream().filter(e -> e.id.equals(primaryEmailId)).findFirst().orElse(null);
    }

    /**
     * Returns the primary phone record, or null.
     *
     * @return the primary phone record, or null
     */
    public Phone primaryPhone() {
      return phones.stream().filter(p -> p.id.equals(primaryPhoneId)).findFirst().orElse(null);
    }

    /**
     * Returns whether a phone is enrolled as a second factor.
     *
     * @return whether a phone is enrolled as a second factor
     */
    public boolean phoneSecondFactor() {
      return phones.stream().anyMatch(p -> p.secondFactor);
    }

    /**
     * Returns whether any second factor is enrolled.
     *
     * @return whether any second factor is enrolled
     */
    public boolean twoFactorEnabled() {
      return totpSecret != null || !backupCodes.isEmpty() || phoneSecondFactor();
    }
  }

  /** An organization. */
  public static final class Organization {
    public String id;
    public String name;
    public String slug;
    public final Map<String, List<String>> roles = new LinkedHashMap<>();
    public long createdAt;
  }

  /** A user's membership in an organization. */
  public static final class Membership {
    public String id;
    public String organizationId;
    public String role;
    public long createdAt;
  }

  /** An invitation to join an organization, sent to an email address. */
  public static final class Invitation {
    public String id;
    public String organizationId;
    public String emailAddress;
    public String role;

    /** {@code pending}, {@code accepted}, {@code revoked} or {@code expired}. */
    public String status = "pending";

    public long createdAt;
    public long updatedAt;
  }

  /**
   * A suggestion for a user to join an organization (its verified domain matches the user's email).
   */
  public static final class Suggestion {
    public String id;
    public String organizationId;
    public String userId;

    /** {@code pending} or {@code accepted}. */
    public String status = "pending";

    public long createdAt;
    public long updatedAt;
  }

  /** A client (one device / app install). */
  public static final class Client {
    public String id;
    public long createdAt;
    public long updatedAt;
    public final List<String> sessionIds = new ArrayList<>();
    public String lastActiveSessionId;
    public String signInId;
    public String signUpId;
    public String lastAuthenticationStrategy;
    public boolean ended;

    /** The {@code User-Agent} this client last sent: its sessions' latest activity. */
    public String userAgent;

    /**
     * Users who have completed a sign-in on this client (client trust treats the device as known).
     */
    public final Set<String> knownUserIds = new LinkedHashSet<>();
  }

  /** A session. */
  public static final class Session {
    public String id;
    public String clientId;
    public String userId;
    public String status = "active";
    public long createdAt;
    public long updatedAt;
    public long lastActiveAt;
    public long expireAt;
    public long abandonAt;
    public String activeOrganizationId;
    public long firstFactorAt;
    public long secondFactorAt = -1;
    public String lastActiveToken;

    /** Whether a session task is outstanding: tokens then say {@code sts: pending}. */
    public boolean pending;

    /**
     * Tasks left before the session is fully signed in ({@code choose-organization}, {@code
     * setup-mfa}); while any remain the session is rendered {@code pending} (and its tokens carry
     * {@code sts: pending}), though it is kept {@code active} here so every route treats it as
     * signed in.
     */
    public final List<String> tasks = new ArrayList<>();

    /** A step-up reverification in progress, or null. */
    public Reverification reverification;
  }

  /** A session reverification (step-up): the level asked for and the factors verified so far. */
  public static final class Reverification {
    public String level;
    public String status;
    public Verification firstFactor;
    public Verification secondFactor;
  }

  /** A verification in progress (one factor of a sign-in, or one field of a sign-up). */
  public static final class Verification {
    public String object;
    public String strategy;
    public String status = "unverified";
    public int attempts;
    public Long expireAt;

    /** The email or phone the code went to (lower-cased email / E.164 phone). */
    public String target;

    public String targetId;
    public String code;
    public String externalUrl;
    public String nonce;
    public String channel;

    /**
     * Why an external verification failed or became transferable (Clerk error code), and its
     * message.
     */
    public String errorCode;

    public String errorMessage;

    /** Email links: the client the link was opened for. */
    public String verifiedAtClient;
  }

  /** A sign-in attempt. */
  public static final class SignIn {
    public String id;
    public String clientId;
    public String status = "needs_identifier";
    public String identifier;
    public String userId;
    public Verification firstFactor;
    public Verification secondFactor;
    public String createdSessionId;
    public long createdAt;
    public long abandonAt;
    public boolean clientTrust;
    public String redirectUrl;
    public String oauthProvider;

    /** Set when a reset-password code was verified: the next step is {@code reset_password}. */
    public boolean resetVerified;
  }

  /** A sign-up attempt. */
  public static final class SignUp {
    public String id;
    public String clientId;
    public String status = "missing_requirements";
    public String emailAddress;
    public String phoneNumber;
    public String username;
    public String password;
    public String firstName;
    public String lastName;
    public ObjectNode unsafeMetadata;
    public Long legalAcceptedAt;
    public Verification emailVerification;
    public Verification phoneVerification;
    public Verification externalVerification;
    public String externalProvider;
    public String externalEmail;

    /** OAuth sign-up: the provider being asked and the app's redirect URL. */
    public String oauthProvider;

    public String redirectUrl;
    public String createdSessionId;
    public String createdUserId;
    public long createdAt;
    public long abandonAt;
  }

  /** A hosted-auth request waiting for its PKCE redemption. */
  public static final class HostedAuth {
    public String id;
    public String clientId;
    public String redirectUrl;
    public String codeChallenge;
    public String state;
    public String mode;
    public String nonce;
    public String sessionId;
    public String userId;
    public boolean redeemed;
    public long expireAt;
  }
}
