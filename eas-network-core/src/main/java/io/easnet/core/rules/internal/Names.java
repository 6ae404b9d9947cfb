package io.easnet.core.rules.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** Near-miss suggestions and environment names. */
final class Names {
  private Names() {}

  /** The closest candidate within a small edit distance, for "did you mean"; ties go to the smaller id. */
  static Optional<String> closest(String wanted, Collection<String> candidates) {
    int limit = Math.max(2, wanted.length() / 5);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : new TreeSet<>(candidates)) {
      int d = distance(wanted, c);
      if (d > 0 && d <= limit && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * The environment a name or tag value denotes: {@code prod}, {@code staging}, {@code test} or {@code dev}, from
   * a whole token of the name ({@code recsys-prod}, {@code dev_ranker}).
   */
  static Optional<String> environment(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (String token : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      switch (token) {
        case "prod", "production", "prd", "live" -> {
          return Optional.of("prod");
        }
        case "staging", "stage", "stg", "preprod", "pre" -> {
          return Optional.of("staging");
        }
        case "test", "testing", "qa", "uat" -> {
          return Optional.of("test");
        }
        case "dev", "develop", "development", "sandbox" -> {
          return Optional.of("dev");
        }
        default -> {
          // not an environment word
        }
      }
    }
    return Optional.empty();
  }
}
