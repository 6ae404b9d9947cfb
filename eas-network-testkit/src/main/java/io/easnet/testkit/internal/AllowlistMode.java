package io.easnet.testkit.internal;

import java.util.Locale;
import java.util.Optional;

/** {@code ModifySecurityIps}' {@code ModifyMode}: overwrite a group, add to it, or remove from it. */
public enum AllowlistMode {
  /** Overwrite the group with the entries (the API's default). */
  COVER,
  /** Add the entries; present ones are skipped. */
  APPEND,
  /** Remove the entries; the group keeps at least one. */
  DELETE;

  /** The mode the API spells {@code Cover}, {@code Append} or {@code Delete} (any case); empty for anything else. */
  public static Optional<AllowlistMode> parse(String text) {
    for (AllowlistMode m : values()) {
      if (m.name().equals(text.toUpperCase(Locale.ROOT))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
