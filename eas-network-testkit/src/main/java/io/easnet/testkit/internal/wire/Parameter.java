package io.easnet.testkit.internal.wire;

import java.util.ArrayList;
import java.util.List;

/** One decoded name/value pair of a query string or a form body, in the order it came. */
record Parameter(String name, String value) {
  /**
   * Parses {@code a=1&b=&c} (names and values percent-decoded, {@code +} as a space).
   *
   * @throws IllegalArgumentException for malformed percent-encoding, naming where
   */
  static List<Parameter> parseForm(String encoded) {
    List<Parameter> out = new ArrayList<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String pair : encoded.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(new Parameter(Percent.decode(name, true), Percent.decode(value, true)));
    }
    return out;
  }
}
