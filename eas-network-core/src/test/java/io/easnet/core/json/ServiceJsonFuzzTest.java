package io.easnet.core.json;

import static io.easnet.core.json.JsonTestSupport.assertSameTree;
import static io.easnet.core.json.JsonTestSupport.stripWhitespaceOutsideStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.core.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fuzz and property tests of the service JSON reader. In regression mode (plain {@code mvn verify}) each test runs on
 * the empty input and loops over a fixed, seeded set of generated cases; in fuzzing mode the fuzzer's bytes choose
 * the seeds and the raw text as well.
 */
class ServiceJsonFuzzTest {
  private static final List<String> SEEDS = List.of(
      JsonTestSupport.resource("service/seed-example.json"),
      JsonTestSupport.resource("service/full-unmodelled.json"));
  private static final String JSON_CHARS = "{}[]:,\"\\ \n0123456789.-+eEtrufalsn/~";
  private static final String[] NUMBERS = {
    "0", "-1", "42", "1.50", "1e5", "2.5E-3", "-0.0", "9.0e-1", "123456789012345678901234567890",
    "9007199254740993", "-9223372036854775809", "3.141592653589793238462643383279502884197", "1E+2", "0.000"
  };
  private static final String[] STRING_PARTS = {
    "a", "Z", "vpc-", "/", "~", "~1", " ", "\u00e9", "\u4e2d\u6587", "\ud83d\ude80", "\\\"", "\\\\", "\\n", "\\t",
    "%", "20%", "eas-r-", "oss://b/p/", "\u2014"
  };

  /** Whatever the bytes, parsing either succeeds or throws InvalidInputException: never NPE, CCE, or anything else. */
  @FuzzTest(maxDuration = "30s")
  void parseEitherSucceedsOrThrowsInvalidInput(FuzzedDataProvider data) {
    long seed = data.consumeLong();
    String raw = data.consumeRemainingAsString();
    parseOnlyFailsWithInvalidInput(raw);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 400; i++) {
      String base = SEEDS.get(random.nextInt(SEEDS.size()));
      parseOnlyFailsWithInvalidInput(mutate(base, random));
    }
    for (int i = 0; i < 100; i++) {
      parseOnlyFailsWithInvalidInput(randomJsonish(random));
    }
    for (int i = 0; i < 100; i++) {
      parseOnlyFailsWithInvalidInput(wrongTypes(random));
    }
  }

  /**
   * read → write → read is the identity on generated documents, writing is stable, rendering the typed view gives
   * the same view back, and setting the networking block to its current value changes nothing.
   */
  @FuzzTest(maxDuration = "30s")
  void readWriteReadIsTheIdentity(FuzzedDataProvider data) {
    SplittableRandom random = new SplittableRandom(data.consumeLong());
    for (int i = 0; i < 300; i++) {
      String text = generateDocument(random);
      ServiceDocument first;
      try {
        first = ServiceDocument.parse(text, "generated.json");
      } catch (InvalidInputException e) {
        throw new AssertionError("a generated valid document was rejected: " + e.getMessage() + "\n" + text, e);
      }
      ServiceDocument second = ServiceDocument.parse(first.toJson(), "generated.json");

      assertSameTree(second.tree(), first.tree());
      assertThat(second.toJson()).isEqualTo(first.toJson());
      assertThat(second.spec()).isEqualTo(first.spec());
      assertThat(stripWhitespaceOutsideStrings(first.toJson())).as(text).isEqualTo(stripWhitespaceOutsideStrings(text));
      assertThat(ServiceDocument.from(first.spec()).spec()).isEqualTo(first.spec());
      if (first.spec().networking().isPresent()) {
        assertThat(first.withNetworking(first.spec().networking().get())).isEqualTo(first);
      }
    }
  }

  private static void parseOnlyFailsWithInvalidInput(String text) {
    try {
      ServiceDocument doc = ServiceDocument.parse(text, "fuzz.json");
      assertThat(doc.toJson()).isNotEmpty();
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith("fuzz.json at /");
      assertThat(e.pointer()).satisfiesAnyOf(p -> assertThat(p).isEmpty(), p -> assertThat(p).startsWith("/"));
    } catch (RuntimeException | StackOverflowError e) {
      fail("parse threw " + e + " for input: " + text, e);
    }
  }

  private static String mutate(String base, SplittableRandom r) {
    StringBuilder sb = new StringBuilder(base);
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits && sb.length() > 0; e++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(6)) {
        case 0:
          sb.deleteCharAt(at);
          break;
        case 1:
          sb.insert(at, JSON_CHARS.charAt(r.nextInt(JSON_CHARS.length())));
          break;
        case 2:
          sb.setCharAt(at, JSON_CHARS.charAt(r.nextInt(JSON_CHARS.length())));
          break;
        case 3: {
          int end = Math.min(sb.length(), at + r.nextInt(40));
          sb.insert(at, sb.substring(at, end));
          break;
        }
        case 4: {
          int end = Math.min(sb.length(), at + r.nextInt(40));
          sb.delete(at, end);
          break;
        }
        default:
          sb.insert(at, NUMBERS[r.nextInt(NUMBERS.length)]);
          break;
      }
    }
    return sb.toString();
  }

  private static String randomJsonish(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(60);
    for (int i = 0; i < n; i++) {
      sb.append(JSON_CHARS.charAt(r.nextInt(JSON_CHARS.length())));
    }
    return sb.toString();
  }

  /** A metadata-bearing document whose modelled fields get values of random, often wrong, types. */
  private static String wrongTypes(SplittableRandom r) {
    String[] paths = {
      "metadata.name", "metadata.instance", "metadata.cpu", "metadata.memory", "metadata.gpu",
      "metadata.workspace_id", "metadata.resource", "metadata.rolling_strategy", "cloud",
      "cloud.networking", "cloud.computing", "containers", "autoscaler", "storage", "name"
    };
    String[] values = {
      "null", "true", "1", "-1", "1.5", "\"x\"", "\"\"", "[]", "{}", "[1]", "[{}]", "[{\"port\": \"1\"}]",
      "{\"vpc_id\": \"vsw-1\"}", "{\"instances\": [1]}", "{\"min\": 3, \"max\": 1}", "{\"max_surge\": \"x%\"}",
      "[{\"oss\": []}]", "\"eas-r-ok\"", "99999999999", "{\"networking\": {\"security_group_id\": \"sg-A\"}}"
    };
    String path = paths[r.nextInt(paths.length)];
    String value = values[r.nextInt(values.length)];
    String[] parts = path.split("\\.");
    StringBuilder sb = new StringBuilder("{\"metadata\": {\"name\": \"svc\"}");
    if (parts[0].equals("metadata")) {
      sb = new StringBuilder("{\"metadata\": {").append(parts[1].equals("name") ? "" : "\"name\": \"svc\", ");
      sb.append('"').append(parts[1]).append("\": ").append(value).append('}');
    } else if (parts.length == 2) {
      sb.append(", \"").append(parts[0]).append("\": {\"").append(parts[1]).append("\": ").append(value).append('}');
    } else {
      sb.append(", \"").append(parts[0]).append("\": ").append(value);
    }
    return sb.append('}').toString();
  }

  // ---------------------------------------------------------------- generator of valid documents

  private static String generateDocument(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    sb.append('{').append(ws(r));
    boolean legacyName = r.nextInt(4) == 0;
    if (legacyName) {
      sb.append("\"name\":").append(ws(r)).append("\"legacy_").append(r.nextInt(1000)).append("\",");
    }
    sb.append("\"metadata\":").append(ws(r)).append('{');
    if (!legacyName) {
      sb.append("\"name\":\"svc_").append(r.nextInt(1000)).append('"');
    } else {
      sb.append("\"x_order\":1");
    }
    if (r.nextBoolean()) {
      sb.append(",\"instance\":").append(r.nextInt(50));
    }
    if (r.nextBoolean()) {
      sb.append(",\"cpu\":").append(r.nextInt(64)).append(",\"memory\":").append(r.nextInt(100_000));
    }
    if (r.nextBoolean()) {
      sb.append(",\"rolling_strategy\":{\"max_surge\":").append(r.nextBoolean() ? "\"" + r.nextInt(100) + "%\""
          : String.valueOf(r.nextInt(5))).append('}');
    }
    appendRandomMembers(sb, r, 2, new HashSet<>(List.of("name", "instance", "cpu", "memory", "rolling_strategy")));
    sb.append('}');
    if (r.nextBoolean()) {
      sb.append(",\"cloud\":{\"networking\":{\"vpc_id\":\"vpc-g").append(r.nextInt(100))
          .append("\",\"vswitch_id\":\"vsw-g").append(r.nextInt(100))
          .append("\",\"security_group_id\":\"sg-g").append(r.nextInt(100)).append('"');
      appendRandomMembers(sb, r, 1, new HashSet<>(List.of("vpc_id", "vswitch_id", "security_group_id")));
      sb.append("}}");
    }
    if (r.nextBoolean()) {
      sb.append(",\"containers\":[{\"image\":\"img\",\"port\":").append(1 + r.nextInt(65535)).append("}]");
    }
    if (r.nextBoolean()) {
      int min = r.nextInt(5);
      sb.append(",\"autoscaler\":{\"min\":").append(min).append(",\"max\":").append(min + r.nextInt(5))
          .append(",\"scaleStrategies\":[{\"metricName\":\"qps\",\"threshold\":").append(number(r)).append("}]}");
    }
    appendRandomMembers(sb, r, 3, new HashSet<>());
    sb.append(ws(r)).append('}');
    return sb.toString();
  }

  /** Appends {@code ,"x_…": value} members (unknown to the model) with random nesting. */
  private static void appendRandomMembers(StringBuilder sb, SplittableRandom r, int depth, Set<String> used) {
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      String key = "x_" + randomString(r);
      if (!used.add(key)) {
        continue;
      }
      sb.append(',').append(ws(r)).append('"').append(key).append("\":").append(ws(r));
      appendValue(sb, r, depth);
    }
  }

  private static void appendValue(StringBuilder sb, SplittableRandom r, int depth) {
    int kind = r.nextInt(depth > 0 ? 8 : 6);
    switch (kind) {
      case 0:
        sb.append('"').append(randomString(r)).append('"');
        break;
      case 1:
        sb.append(number(r));
        break;
      case 2:
        sb.append(r.nextBoolean());
        break;
      case 3:
        sb.append("null");
        break;
      case 4:
        sb.append(r.nextInt());
        break;
      case 5:
        sb.append(r.nextLong());
        break;
      case 6: {
        sb.append('[').append(ws(r));
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append(',').append(ws(r));
          }
          appendValue(sb, r, depth - 1);
        }
        sb.append(ws(r)).append(']');
        break;
      }
      default: {
        sb.append('{');
        Set<String> used = new HashSet<>();
        int n = r.nextInt(4);
        boolean first = true;
        for (int i = 0; i < n; i++) {
          String key = randomString(r);
          if (!used.add(key)) {
            continue;
          }
          if (!first) {
            sb.append(',');
          }
          first = false;
          sb.append(ws(r)).append('"').append(key).append("\":").append(ws(r));
          appendValue(sb, r, depth - 1);
        }
        sb.append('}');
        break;
      }
    }
  }

  private static String number(SplittableRandom r) {
    if (r.nextBoolean()) {
      return NUMBERS[r.nextInt(NUMBERS.length)];
    }
    return (r.nextBoolean() ? "-" : "") + r.nextInt(1000) + "." + r.nextInt(1000) + "0"
        + (r.nextBoolean() ? "e" + (r.nextBoolean() ? "-" : "") + r.nextInt(30) : "");
  }

  private static String randomString(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      sb.append(STRING_PARTS[r.nextInt(STRING_PARTS.length)]);
    }
    return sb.toString();
  }

  private static String ws(SplittableRandom r) {
    switch (r.nextInt(4)) {
      case 0:
        return "";
      case 1:
        return " ";
      case 2:
        return "\n  ";
      default:
        return "\t";
    }
  }
}
