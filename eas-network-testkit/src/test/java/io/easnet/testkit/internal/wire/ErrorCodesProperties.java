package io.easnet.testkit.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.core.CloudServiceException.Kind;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Invariants of the error-code mapping over arbitrary codes: it always answers; a 5xx is a server error unless the
 * code says throttling; a {@code Throttling*} code is throttled at any status; the answer ignores case.
 */
class ErrorCodesProperties {
  private static final List<String> PARTS = List.of("OperationConflict", "IncorrectStatus",
      ".LastTokenProcessing", "Incorrect", "Status", "Throttling", "Invalid", "VpcId", ".NotFound", "Forbidden", ".RAM", "QuotaExceeded", "LimitExceed", "AlreadyExist", "InternalError", "Parameter", ".Malformed", "", "x");

  @FuzzTest
  void mappingIsTotalAndConsistent(FuzzedDataProvider data) {
    SplittableRandom random = new SplittableRandom(data.consumeLong());
    String fuzzed = data.consumeRemainingAsString();
    for (int i = 0; i < 300; i++) {
      String code = i == 0 ? fuzzed : code(random);
      int status = random.nextInt(600);
      Kind kind = ErrorCodes.kindOf(code, status);
      assertThat(kind).isNotNull();
      if (i > 0) {
        assertThat(ErrorCodes.kindOf(code.toUpperCase(Locale.ROOT), status))
            .isEqualTo(ErrorCodes.kindOf(code.toLowerCase(Locale.ROOT), status));
      }
      boolean throttling = code.trim().toLowerCase(Locale.ROOT).startsWith("throttling");
      if (throttling) {
        assertThat(kind).isEqualTo(Kind.THROTTLED);
      } else if (status >= 500) {
        assertThat(kind).isEqualTo(Kind.SERVER_ERROR);
      }
      assertThat(ErrorCodes.kindOf("Throttling" + code, status)).isEqualTo(Kind.THROTTLED);
      assertThat(ErrorCodes.kindOf(code, ErrorCodes.httpStatusOf(code)))
          .as("the status a fake answers %s with keeps its kind", code)
          .isEqualTo(ErrorCodes.kindOf(code, 0));
    }
  }

  private static String code(SplittableRandom random) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(PARTS.get(random.nextInt(PARTS.size())));
    }
    return sb.toString();
  }
}
