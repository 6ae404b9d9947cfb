package io.easnet.core.analysis;

import io.easnet.core.analysis.internal.IntentSyntax;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.core.fuzz.FuzzContract;

/**
 * Whatever the text of an intent (command line or intents file), {@link IntentSyntax#parse(String, String, String)}
 * gives an intent whose {@link IntentSyntax#format(Intent) text form} reads back to the same intent, or an
 * {@link io.easnet.core.InvalidInputException} naming the file and pointer, short and printable. The structured
 * target assembles intent-shaped text from the grammar's pieces, so the fuzzer reaches every form.
 */
class IntentSyntaxFuzzTest {
  private static final String[] KINDS = {"rds", "redis", "ecs", "ip", "internet", "from", "from:ecs", "RDS", "",
    "internet?allowlist=", "x"};
  private static final String[] PIECES = {"rm-1", "pgm-2", "r-9", "i-db", "i-", "rm-", "10.0.0.5", "[fd00::1]",
    "fd00::1", "[", "]", "8.8.8.8", "203.0.113.0/24", "0.0.0.0/0", "oss-cn-hangzhou.aliyuncs.com", "a..b", "-a.com",
    "3306", "0", "65535", "65536", "-1", "99999999999", "443", "?allowlist=", "A,B", ",", "", " ", ":", "::", "%",
    "\u00e9", "\u001b]0;x\u0007", "\u202e", "\ud800"};

  @FuzzTest(maxDuration = "60s")
  void anyTextIsAnIntentThatFormatsBackOrIsRefused(FuzzedDataProvider data) {
    check(data.consumeRemainingAsString());
  }

  @FuzzTest(maxDuration = "60s")
  void intentShapedTextIsAnIntentThatFormatsBackOrIsRefused(FuzzedDataProvider data) {
    StringBuilder b = new StringBuilder(data.pickValue(KINDS));
    int n = data.consumeInt(0, 5);
    for (int i = 0; i < n; i++) {
      b.append(data.consumeBoolean() ? ":" : "").append(data.consumeBoolean()
          ? data.pickValue(PIECES) : data.consumeString(12));
    }
    check(b.toString());
  }

  private static void check(String text) {
    Intent intent = FuzzContract.readsOrRefuses("intents.json", text,
        () -> IntentSyntax.parse(text, "intents.json", "/services/0/intents/0"));
    if (intent != null) {
      String formatted = IntentSyntax.format(intent);
      assertThat(IntentSyntax.parse(formatted)).as(formatted).isEqualTo(intent);
      assertThat(IntentSyntax.format(IntentSyntax.parse(formatted))).isEqualTo(formatted);
    }
  }
}
