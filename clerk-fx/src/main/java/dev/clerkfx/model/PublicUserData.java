package dev.clerkfx.model;

import java.util.Optional;

/**
 * The public part of a user shown beside a session or a sign-in attempt ({@code public_user_data},
 * {@code user_data}).
 *
 * @param firstName first name
 * @param lastName last name
 * @param imageUrl profile image URL
 * @param hasImage whether the user uploaded an image
 * @param identifier the identifier used to sign in (email, phone or username)
 * @param username the username
 * @param userId the user id
 */
public record PublicUserData(
    Optional<String> firstName,
    Optional<String> lastName,
    Optional<String> imageUrl,
    boolean hasImage,
    Optional<String> identifier,
    Optional<String> username,
    Optional<String> userId) {

  /** Normalises nulls to empty. */
  public PublicUserData {
    firstName = Models.opt(firstName);
    lastName = Models.opt(lastName);
    imageUrl = Models.opt(imageUrl);
    identifier = Models.opt(identifier);
    username = Models.opt(username);
    userId = Models.opt(userId);
  }
}
