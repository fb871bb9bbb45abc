package dev.clerkfx.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A way to complete a sign-in step, from {@code supported_first_factors} / {@code
 * supported_second_factors}.
 *
 * @param strategy the strategy, such as {@code password}, {@code email_code}, {@code phone_code},
 *     {@code totp}, {@code oauth_google}
 * @param safeIdentifier the masked identifier to show, such as {@code j***@example.com}
 * @param emailAddressId for email strategies: the id to pass to {@code prepare_*_factor}
 * @param phoneNumberId for phone strategies: the id to pass to {@code prepare_*_factor}
 * @param web3WalletId for web3 strategies: the wallet id
 * @param passkeyId for passkeys: the passkey id
 * @param primary whether this is the user's primary identifier
 * @param isDefault whether this is the default second factor (JSON {@code default})
 */
public record Factor(
    String strategy,
    Optional<String> safeIdentifier,
    Optional<String> emailAddressId,
    Optional<String> phoneNumberId,
    Optional<String> web3WalletId,
    Optional<String> passkeyId,
    boolean primary,
    @JsonProperty("default") boolean isDefault) {

  /** Normalises nulls. */
  public Factor {
    strategy = strategy == null ? "" : strategy;
    safeIdentifier = Models.opt(safeIdentifier);
    emailAddressId = Models.opt(emailAddressId);
    phoneNumberId = Models.opt(phoneNumberId);
    web3WalletId = Models.opt(web3WalletId);
    passkeyId = Models.opt(passkeyId);
  }
}
