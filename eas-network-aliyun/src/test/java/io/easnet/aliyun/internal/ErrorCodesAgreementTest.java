package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.CloudServiceException.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The adapter's error-code table ({@link ErrorCodes}) and the testkit's ({@code io.easnet.testkit.internal.wire
 * .ErrorCodes}, which the fake cloud and the emulator answer with) are written apart on purpose (docs/design.md §2):
 * they must know the same codes, and classify every code either knows, and every code their family rules reach, as
 * the same {@link Kind} at every status the cloud answers with.
 */
class ErrorCodesAgreementTest {
  private static final Map<String, Kind> ADAPTER = ErrorCodes.TABLE;
  private static final Map<String, Kind> TESTKIT = io.easnet.testkit.internal.wire.ErrorCodes.TABLE;
  private static final int[] STATUSES = {0, 400, 401, 403, 404, 409, 429, 500, 502, 503};

  @Test
  void bothSidesKnowTheSameCodesWithTheSameKinds() {
    Set<String> onlyAdapter = new LinkedHashSet<>(ADAPTER.keySet());
    onlyAdapter.removeAll(TESTKIT.keySet());
    Set<String> onlyTestkit = new LinkedHashSet<>(TESTKIT.keySet());
    onlyTestkit.removeAll(ADAPTER.keySet());
    assertThat(onlyAdapter).as("codes the adapter knows and the fake/emulator does not: add them to the testkit's"
        + " ErrorCodes.TABLE too (and docs/wire.md §8)").isEmpty();
    assertThat(onlyTestkit).as("codes the fake/emulator knows and the adapter does not: add them to the adapter's"
        + " ErrorCodes.TABLE too (and docs/wire.md §8)").isEmpty();
    assertThat(new TreeMap<>(ADAPTER)).isEqualTo(new TreeMap<>(TESTKIT));
  }

  @Test
  void everyKindThePortMapsHasAKnownCode() {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    kinds.addAll(ADAPTER.values());
    assertThat(kinds).as("every kind of CloudServiceException has a code in the table")
        .isEqualTo(EnumSet.allOf(Kind.class));
  }

  @Test
  void bothSidesClassifyEveryKnownCodeAlikeAtEveryStatus() {
    Set<String> codes = new LinkedHashSet<>(ADAPTER.keySet());
    codes.addAll(TESTKIT.keySet());
    for (String code : codes) {
      for (int status : STATUSES) {
        assertThat(ErrorCodes.kindOf(code, status)).as("%s at HTTP %d", code, status)
            .isEqualTo(io.easnet.testkit.internal.wire.ErrorCodes.kindOf(code, status));
      }
      int answered = io.easnet.testkit.internal.wire.ErrorCodes.httpStatusOf(code);
      assertThat(ErrorCodes.kindOf(code, answered)).as("%s as the emulator answers it, HTTP %d, read by the"
          + " adapter", code, answered).isEqualTo(ADAPTER.getOrDefault(code, TESTKIT.get(code)));
    }
  }

  @Test
  void bothSidesClassifyCodesOutsideTheTableAlikeByTheirFamilies() {
    List<String> parts = List.of("Throttling", "Invalid", "VpcId", ".NotFound", "Forbidden", ".RAM",
        "QuotaExceeded", "LimitExceed", "AlreadyExist", "InternalError", "ServiceUnavailable", "UnknownError",
        "OperationConflict", "TaskConflict", "IncorrectStatus", "Incorrect", "Status", ".LastTokenProcessing",
        "NoPermission", "SignatureDoesNotMatch", "InvalidAccessKeyId", ".Malformed", "Parameter", "", "x", ".");
    SplittableRandom random = new SplittableRandom(16);
    List<String> codes = new ArrayList<>();
    for (String code : ADAPTER.keySet()) {
      codes.add(code + ".Sub"); // the family of a known code, outside the table
      codes.add("Sub." + code);
    }
    for (int i = 0; i < 5_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = random.nextInt(5); n > 0; n--) {
        sb.append(parts.get(random.nextInt(parts.size())));
      }
      codes.add(sb.toString());
    }
    for (String code : codes) {
      int status = random.nextInt(600);
      assertThat(ErrorCodes.kindOf(code, status)).as("%s at HTTP %d", code, status)
          .isEqualTo(io.easnet.testkit.internal.wire.ErrorCodes.kindOf(code, status));
      for (int s : STATUSES) {
        assertThat(ErrorCodes.kindOf(code, s)).as("%s at HTTP %d", code, s)
            .isEqualTo(io.easnet.testkit.internal.wire.ErrorCodes.kindOf(code, s));
      }
    }
  }
}
