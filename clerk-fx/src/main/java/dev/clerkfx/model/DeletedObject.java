package dev.clerkfx.model;

/**
 * What FAPI returns for a deleted resource, such as {@code DELETE /v1/me}: {@code
 * {"object","id","deleted"}}.
 *
 * @param object the deleted object's type, such as {@code user} or {@code email_address}
 * @param id the deleted object's id
 * @param deleted whether it was deleted
 */
public record DeletedObject(String object, String id, boolean deleted) {

  /** Normalises nulls to empty strings. */
  public DeletedObject {
    object = object == null ? "" : object;
    id = id == null ? "" : id;
  }
}
