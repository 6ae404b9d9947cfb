package io.easnet.testkit;

import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code ModifySecurityIps}' {@code ModifyMode}: overwrite a group, add to it, or remove from it. */
enum AllowlistMode {
  /** Overwrite the group with the entries (the API's default). */
  COVER,
  /** Add the entries; present ones are skipped. */
  APPEND,
  /** Remove the entries; the group keeps at least one. */
  DELETE;

  /** The mode the API spells {@code Cover}, {@code Append} or {@code Delete} (any case); empty for anything else. */
  static Optional<AllowlistMode> parse(String text) {
    for (AllowlistMode m : values()) {
      if (m.name().equals(text.toUpperCase(Locale.ROOT))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Applies this mode to one group of an instance's allowlist in {@code store}. */
  <I extends ResourceId, T extends AllowlistTarget> void apply(AllowlistState<I, T> store, I id, String group,
      List<Cidr> entries) {
    switch (this) {
      case APPEND -> store.append(id, group, entries);
      case DELETE -> store.delete(id, group, entries);
      case COVER -> store.cover(id, group, entries);
      default -> throw new IllegalStateException(name());
    }
  }
}
