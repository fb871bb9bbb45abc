package dev.clerkfx.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance's configuration as a client needs it ({@code GET /v1/environment}): which
 * identifiers and factors are enabled, display settings, user and organization settings.
 *
 * @param authConfig authentication settings
 * @param displayConfig display settings (application name, logo, instance type)
 * @param userSettings which user attributes, social providers and password rules apply
 * @param organizationSettings organization settings, when sent
 * @param maintenanceMode whether the instance is in maintenance mode
 */
public record Environment(
    AuthConfig authConfig,
    DisplayConfig displayConfig,
    UserSettings userSettings,
    Optional<OrganizationSettings> organizationSettings,
    boolean maintenanceMode) {

  /** Rejects a missing {@code auth_config}; normalises the rest. */
  public Environment {
    if (authConfig == null) throw new IllegalArgumentException("environment has no auth_config");
    displayConfig = displayConfig == null ? DisplayConfig.EMPTY : displayConfig;
    userSettings = userSettings == null ? UserSettings.EMPTY : userSettings;
    organizationSettings = Models.opt(organizationSettings);
  }

  /**
   * Authentication settings ({@code auth_config}).
   *
   * @param id the auth config id ({@code aac_…})
   * @param singleSessionMode whether only one session may be signed in at a time
   * @param identificationStrategies identifiers accepted to sign in
   * @param firstFactors first factors enabled
   * @param secondFactors second factors enabled
   * @param sessionMinter whether token requests must carry the previous token ({@code
   *     session_minter})
   * @param testMode whether test identifiers (code 424242) work
   * @param reverification whether step-up reverification is enabled
   * @param nativeSettings the Native API settings, when sent
   */
  public record AuthConfig(
      Optional<String> id,
      boolean singleSessionMode,
      List<String> identificationStrategies,
      List<String> firstFactors,
      List<String> secondFactors,
      boolean sessionMinter,
      boolean testMode,
      boolean reverification,
      Optional<NativeSettings> nativeSettings) {

    /** Normalises nulls. */
    public AuthConfig {
      id = Models.opt(id);
      identificationStrategies = Models.list(identificationStrategies);
      firstFactors = Models.list(firstFactors);
      secondFactors = Models.list(secondFactors);
      nativeSettings = Models.opt(nativeSettings);
    }
  }

  /**
   * The Native API settings ({@code auth_config.native_settings}).
   *
   * @param apiEnabled whether the Native API is enabled (else FAPI answers {@code
   *     native_api_disabled})
   */
  public record NativeSettings(boolean apiEnabled) {}

  /**
   * Display settings ({@code display_config}).
   *
   * @param id the display config id
   * @param instanceEnvironmentType {@code development} or {@code production}
   * @param applicationName the application name
   * @param logoImageUrl the logo URL
   * @param preferredSignInStrategy {@code password} or {@code otp}
   * @param homeUrl the app's home URL
   * @param supportEmail the support email address
   * @param privacyPolicyUrl the privacy policy URL
   * @param termsUrl the terms URL
   * @param branded whether Clerk branding is shown
   * @param showDevmodeWarning whether to show the development-mode warning
   */
  public record DisplayConfig(
      Optional<String> id,
      Optional<String> instanceEnvironmentType,
      Optional<String> applicationName,
      Optional<String> logoImageUrl,
      Optional<String> preferredSignInStrategy,
      Optional<String> homeUrl,
      Optional<String> supportEmail,
      Optional<String> privacyPolicyUrl,
      Optional<String> termsUrl,
      boolean branded,
      boolean showDevmodeWarning) {

    /** Nothing sent. */
    public static final DisplayConfig EMPTY =
        new DisplayConfig(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            false);

    /** Normalises nulls. */
    public DisplayConfig {
      id = Models.opt(id);
      instanceEnvironmentType = Models.opt(instanceEnvironmentType);
      applicationName = Models.opt(applicationName);
      logoImageUrl = Models.opt(logoImageUrl);
      preferredSignInStrategy = Models.opt(preferredSignInStrategy);
      homeUrl = Models.opt(homeUrl);
      supportEmail = Models.opt(supportEmail);
      privacyPolicyUrl = Models.opt(privacyPolicyUrl);
      termsUrl = Models.opt(termsUrl);
    }
  }

  /**
   * User settings ({@code user_settings}).
   *
   * @param attributes per attribute ({@code email_address}, {@code phone_number}, {@code username},
   *     {@code password}, {@code first_name}…): whether enabled and how it is used
   * @param social per OAuth strategy ({@code oauth_google}…): the provider settings
   * @param signUp sign-up settings
   * @param passwordSettings password rules
   */
  public record UserSettings(
      Map<String, Attribute> attributes,
      Map<String, SocialProvider> social,
      Optional<SignUpSettings> signUp,
      Optional<PasswordSettings> passwordSettings) {

    /** Nothing sent. */
    public static final UserSettings EMPTY =
        new UserSettings(Map.of(), Map.of(), Optional.empty(), Optional.empty());

    /** Normalises nulls. */
    public UserSettings {
      attributes = Models.map(attributes);
      social = Models.map(social);
      signUp = Models.opt(signUp);
      passwordSettings = Models.opt(passwordSettings);
    }

    /** Returns the enabled social providers, in the order sent. */
    public List<SocialProvider> enabledSocialProviders() {
      return social.values().stream().filter(SocialProvider::enabled).toList();
    }
  }

  /**
   * How one user attribute is used.
   *
   * @param enabled whether it is enabled
   * @param required whether it is required at sign-up
   * @param usedForFirstFactor whether it can sign in
   * @param firstFactors first-factor strategies it supports
   * @param usedForSecondFactor whether it can be a second factor
   * @param secondFactors second-factor strategies it supports
   * @param verifications verification strategies
   * @param verifyAtSignUp whether it is verified during sign-up
   */
  public record Attribute(
      boolean enabled,
      boolean required,
      boolean usedForFirstFactor,
      List<String> firstFactors,
      boolean usedForSecondFactor,
      List<String> secondFactors,
      List<String> verifications,
      boolean verifyAtSignUp) {

    /** Normalises nulls. */
    public Attribute {
      firstFactors = Models.list(firstFactors);
      secondFactors = Models.list(secondFactors);
      verifications = Models.list(verifications);
    }
  }

  /**
   * One OAuth provider's settings.
   *
   * @param enabled whether it is enabled
   * @param required whether it is required
   * @param authenticatable whether it can be used to sign in
   * @param strategy the strategy, such as {@code oauth_google}
   * @param name the display name, such as {@code Google}
   * @param logoUrl the provider's logo URL
   */
  public record SocialProvider(
      boolean enabled,
      boolean required,
      boolean authenticatable,
      String strategy,
      Optional<String> name,
      Optional<String> logoUrl) {

    /** Normalises nulls. */
    public SocialProvider {
      strategy = strategy == null ? "" : strategy;
      name = Models.opt(name);
      logoUrl = Models.opt(logoUrl);
    }
  }

  /**
   * Sign-up settings ({@code user_settings.sign_up}).
   *
   * @param mode {@code public}, {@code restricted} or {@code waitlist}
   * @param progressive whether progressive sign-up is on
   * @param legalConsentEnabled whether users must accept legal terms
   */
  public record SignUpSettings(
      Optional<String> mode, boolean progressive, boolean legalConsentEnabled) {

    /** Normalises nulls. */
    public SignUpSettings {
      mode = Models.opt(mode);
    }
  }

  /**
   * Password rules ({@code user_settings.password_settings}).
   *
   * @param minLength minimum length
   * @param maxLength maximum length ({@code 0} = none)
   * @param requireSpecialChar whether a special character is required
   * @param requireNumbers whether a digit is required
   * @param requireUppercase whether an upper-case letter is required
   * @param requireLowercase whether a lower-case letter is required
   * @param allowedSpecialCharacters the special characters that count
   */
  public record PasswordSettings(
      Optional<Integer> minLength,
      Optional<Integer> maxLength,
      boolean requireSpecialChar,
      boolean requireNumbers,
      boolean requireUppercase,
      boolean requireLowercase,
      Optional<String> allowedSpecialCharacters) {

    /** Normalises nulls. */
    public PasswordSettings {
      minLength = Models.opt(minLength);
      maxLength = Models.opt(maxLength);
      allowedSpecialCharacters = Models.opt(allowedSpecialCharacters);
    }
  }

  /**
   * Organization settings ({@code organization_settings}).
   *
   * @param enabled whether organizations are enabled
   * @param maxAllowedMemberships membership limit per organization
   * @param forceOrganizationSelection whether users must pick an organization (pending-session
   *     task)
   */
  public record OrganizationSettings(
      boolean enabled,
      Optional<Integer> maxAllowedMemberships,
      boolean forceOrganizationSelection) {

    /** Normalises nulls. */
    public OrganizationSettings {
      maxAllowedMemberships = Models.opt(maxAllowedMemberships);
    }
  }
}
