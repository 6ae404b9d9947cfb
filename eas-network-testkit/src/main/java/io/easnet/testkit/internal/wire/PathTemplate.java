package io.easnet.testkit.internal.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An ROA path such as {@code /api/v2/services/{ClusterId}/{ServiceName}}: literal and parameter segments. */
final class PathTemplate {
  private final String text;
  private final List<String> segments;

  private PathTemplate(String text, List<String> segments) {
    this.text = text;
    this.segments = segments;
  }

  static PathTemplate of(String text) {
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("an ROA path starts with '/': " + text);
    }
    return new PathTemplate(text, split(text));
  }

  /** The raw segments of a path, without the leading empty one and one trailing slash. */
  static List<String> split(String rawPath) {
    String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    List<String> out = new ArrayList<>();
    if (!p.isEmpty()) {
      for (String s : p.split("/", -1)) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  List<String> segments() {
    return segments;
  }

  /** The names of the path parameters, in order. */
  List<String> parameterNames() {
    List<String> out = new ArrayList<>();
    for (String s : segments) {
      if (isParameter(s)) {
        out.add(s.substring(1, s.length() - 1));
      }
    }
    return out;
  }

  /**
   * The percent-decoded path parameters when {@code rawPath} fits this template, else null. Segments are split on
   * a literal {@code /} before decoding, so {@code %2F} inside a parameter stays part of it.
   */
  Map<String, String> match(String rawPath) {
    List<String> actual = split(rawPath);
    if (actual.size() != segments.size()) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String want = segments.get(i);
      String got = actual.get(i);
      if (isParameter(want)) {
        if (got.isEmpty()) {
          return null;
        }
        String value;
        try {
          value = Percent.decode(got, false);
        } catch (IllegalArgumentException e) {
          return null;
        }
        parameters.put(want.substring(1, want.length() - 1), value);
      } else if (!want.equals(got)) {
        return null;
      }
    }
    return parameters;
  }

  /**
   * How far {@code rawPath} is from this template: the edit distance over literal segments, parameters matching
   * any non-empty segment, each missing or extra segment costing its length plus one.
   */
  int distance(String rawPath) {
    List<String> actual = split(rawPath);
    int cost = 0;
    int n = Math.max(actual.size(), segments.size());
    for (int i = 0; i < n; i++) {
      String want = i < segments.size() ? segments.get(i) : null;
      String got = i < actual.size() ? actual.get(i) : null;
      if (want == null) {
        cost += got.length() + 1;
      } else if (got == null) {
        cost += (isParameter(want) ? 1 : want.length()) + 1;
      } else if (isParameter(want)) {
        cost += got.isEmpty() ? 1 : 0;
      } else {
        cost += EditDistance.between(want, got);
      }
    }
    return cost;
  }

  @Override
  public String toString() {
    return text;
  }
}
