package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Each reader limit gives its own problem and its own fix: only the nesting limit advises about nesting. */
class ReaderLimitsTest {
  private static InvalidInputException refusal(String json) {
    try {
      SnapshotJson.parse(json, "big.json");
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("read");
  }

  @Test
  void aTooLongStringSaysShortenTheString() {
    String name = "x".repeat(20_000_001);
    InvalidInputException e = refusal("{\"schemaVersion\": 1, \"vpcs\": [{\"id\": \"vpc-a\", \"cidrBlock\":"
        + " \"10.0.0.0/16\", \"name\": \"" + name + "\"}]}");

    assertThat(e.problem()).isEqualTo("malformed JSON: a string is too long.");
    assertThat(e.fix()).isEqualTo("shorten the string: eas-network reads strings of at most 20,000,000 characters.")
        .doesNotContain("nest");
    assertThat(e.getMessage()).startsWith("big.json").hasSizeLessThan(1_000);
  }

  @Test
  void aNumberOfTooManyDigitsSaysHowManyAreRead() {
    InvalidInputException e = refusal("{\"schemaVersion\": 1" + "0".repeat(1_001) + "}");

    assertThat(e.problem()).isEqualTo("malformed JSON: a number has too many digits.");
    assertThat(e.fix()).isEqualTo("write the number with at most 1000 digits.");
  }

  @Test
  void aTooLongKeySaysShortenTheKey() {
    InvalidInputException e = refusal("{\"schemaVersion\": 1, \"" + "k".repeat(50_001) + "\": 1}");

    assertThat(e.problem()).isEqualTo("malformed JSON: a key is too long.");
    assertThat(e.fix()).startsWith("shorten the key").doesNotContain("nest");
  }

  @Test
  void onlyTooDeepNestingAdvisesFlattening() {
    assertThatThrownBy(() -> SnapshotJson.parse("[".repeat(401) + "]".repeat(401), "deep.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fix())
            .isEqualTo("flatten the document; eas-network reads at most 400 levels of nesting."));
  }
}
