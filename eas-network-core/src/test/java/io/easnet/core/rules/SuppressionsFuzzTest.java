package io.easnet.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.core.fuzz.FuzzContract;

/**
 * Whatever a suppressions file holds, {@link Suppressions#parse(String)} gives the suppressions or an
 * {@link io.easnet.core.InvalidInputException} with the pointer and the fix, short and printable. The structured
 * target fills suppression-shaped documents with fuzzed ids, scopes, reasons and dates.
 */
class SuppressionsFuzzTest {
  private static final String[] IDS = {"EASNET-014", "EASNET-1", "EASNET-0000", "easnet-014", "", "X"};
  private static final String[] SCOPES = {"*", "service:svc", "resource:sg-1", "service:", "resource:", "all", "",
    "service:*"};
  private static final String[] DATES = {"2027-01-31", "2027-02-30", "27-01-31", "", "2027-1-1", "+999999999-12-31",
    "-999999999-01-01", "2027-01-31T00:00"};

  @FuzzTest(maxDuration = "60s")
  void anySuppressionsTextParsesOrIsRefused(FuzzedDataProvider data) {
    check(data.consumeRemainingAsString());
  }

  @FuzzTest(maxDuration = "60s")
  void suppressionShapedDocumentsParseOrAreRefused(FuzzedDataProvider data) {
    StringBuilder b = new StringBuilder("{\"suppressions\": [");
    int n = data.consumeInt(0, 3);
    for (int i = 0; i < n; i++) {
      b.append(i > 0 ? ", " : "").append('{');
      b.append("\"id\": ").append(value(data, IDS));
      b.append(", \"scope\": ").append(value(data, SCOPES));
      if (data.consumeBoolean()) {
        b.append(", \"reason\": ").append(value(data, new String[] {"accepted", " ", ""}));
      }
      b.append(", \"expires\": ").append(value(data, DATES));
      b.append('}');
    }
    b.append("]}");
    check(b.toString());
  }

  private static String value(FuzzedDataProvider data, String[] pool) {
    return switch (data.consumeInt(0, 4)) {
      case 0 -> "null";
      case 1 -> String.valueOf(data.consumeInt());
      case 2 -> "\"" + escape(data.consumeString(40)) + "\"";
      default -> "\"" + escape(data.pickValue(pool)) + "\"";
    };
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\' || c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static void check(String json) {
    Suppressions s = FuzzContract.readsOrRefuses(null, json, () -> Suppressions.parse(json));
    if (s != null) {
      assertThat(s).isNotNull();
    }
  }
}
