package dev.clerkfx.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A fresh set of single-use backup codes ({@code POST /v1/me/backup_codes}); generating them
 * replaces any earlier set. The codes are never printed by {@link #toString()}.
 *
 * @param id the set's id
 * @param codes the codes, to show the user once
 * @param createdAt creation time
 * @param updatedAt last update
 */
public record BackupCodes(
    String id, List<String> codes, Optional<Instant> createdAt, Optional<Instant> updatedAt) {

  /** Normalises nulls. */
  public BackupCodes {
    id = id == null ? "" : id;
    codes = Models.list(codes);
    createdAt = Models.opt(createdAt);
    updatedAt = Models.opt(updatedAt);
  }

  @Override
  public String toString() {
    return "BackupCodes[id=" + id + ", codes=" + codes.size() + "]";
  }
}
