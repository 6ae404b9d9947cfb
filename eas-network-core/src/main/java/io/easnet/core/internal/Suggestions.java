package io.easnet.core.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the candidate with the smallest Levenshtein distance, when it is close enough. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The known JSON key nearest to an unknown {@code key}, case-insensitive, within an edit distance of max(2, a third
   * of the key's length); on a tie the first candidate wins. A key differing only in case is suggested.
   */
  public static Optional<String> nearestKey(String key, Collection<String> candidates) {
    return nearest(key.toLowerCase(Locale.ROOT), candidates, Math.max(2, key.length() / 3), true, 0);
  }

  /**
   * The id nearest to {@code wanted} among {@code candidates}, case-sensitive, within an edit distance of max(2, a
   * fifth of its length) and never {@code wanted} itself; on a tie the smaller id wins.
   */
  public static Optional<String> nearestId(String wanted, Collection<String> candidates) {
    return nearest(wanted, candidates, Math.max(2, wanted.length() / 5), false, 1);
  }

  private static Optional<String> nearest(String wanted, Iterable<String> candidates, int limit, boolean ignoreCase,
      int minDistance) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      String other = ignoreCase ? c.toLowerCase(Locale.ROOT) : c;
      if (Math.abs(wanted.length() - other.length()) > limit) {
        continue; // the distance is at least the difference in length: skip the quadratic work
      }
      int d = distanceWithin(wanted, other, limit);
      if (d >= minDistance && d <= limit
          && (d < bestDistance || d == bestDistance && !ignoreCase && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The Levenshtein distance when it is at most {@code limit}, else {@code limit + 1}: a row whose every cell exceeds
   * the limit ends the computation, so far-apart strings cost a few rows, not the whole table.
   */
  static int distanceWithin(String a, String b, int limit) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[b.length()], limit + 1);
  }

  /** The Levenshtein distance: insertions, deletions and substitutions of single characters. */
  public static int distance(String a, String b) {
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
}
