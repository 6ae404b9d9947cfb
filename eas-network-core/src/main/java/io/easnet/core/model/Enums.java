package io.easnet.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

final class Enums {
  private Enums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String s, String what) {
    if (s != null) {
      E[] constants = type.getEnumConstants();
      for (E e : constants) {
        if (e.name().equalsIgnoreCase(s)) { // ASCII names: as toUpperCase(Locale.ROOT), without allocating
          return e;
        }
      }
      String key = s.trim();
      for (E e : constants) {
        if (e.name().equalsIgnoreCase(key)) {
          return e;
        }
      }
    }
    throw new IllegalArgumentException(
        "\"" + s + "\" is not a " + what + ": use one of "
            + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }
}
