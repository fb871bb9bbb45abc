package dev.clerkfx.model;

/**
 * A link from an email address or phone number to another identification ({@code linked_to}), such
 * as the OAuth account it came from.
 *
 * @param type the linked identification type, such as {@code oauth_google}
 * @param id the linked identification id
 */
public record IdentificationLink(String type, String id) {

  /** Normalises nulls to empty. */
  public IdentificationLink {
    type = type == null ? "" : type;
    id = id == null ? "" : id;
  }
}
