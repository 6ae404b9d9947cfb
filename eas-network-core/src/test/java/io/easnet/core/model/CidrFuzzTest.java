package io.easnet.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.SplittableRandom;

/**
 * Invariants of the CIDR parser. In regression mode (plain {@code mvn verify}) each run also walks a fixed, seeded
 * set of cases derived from the fuzzer's bytes, so the properties are exercised on every build.
 */
class CidrFuzzTest {

  /** parse(toString(x)) == x for every block; the parser accepts nothing but canonical-able text. */
  @FuzzTest(maxDuration = "10s")
  void formatThenParseIsTheIdentity(FuzzedDataProvider data) {
    SplittableRandom random = new SplittableRandom(data.consumeLong());
    for (int i = 0; i < 300; i++) {
      int prefix = random.nextInt(33);
      long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
      long address = random.nextLong(1L << 32) & mask;
      Cidr c = Cidr.ofIpv4(address, prefix);
      Cidr again = Cidr.parse(c.toString());
      assertThat(again).isEqualTo(c);
      assertThat(again.firstIpv4()).isEqualTo(address);
      assertThat(again.contains(c)).isTrue();
      assertThat(Cidr.ANY_IPV4.contains(c)).isTrue();
    }
  }

  /** Arbitrary text either parses or fails with IllegalArgumentException — never another exception. */
  @FuzzTest(maxDuration = "10s")
  void arbitraryTextFailsOnlyWithIllegalArgument(FuzzedDataProvider data) {
    SplittableRandom random = new SplittableRandom(data.consumeLong());
    String alphabet = "0123456789./:abcdefx-* %";
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(24);
      for (int j = 0; j < len; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      check(sb.toString());
    }
    check(data.consumeRemainingAsString());
  }

  private static void check(String text) {
    try {
      Cidr c = Cidr.parse(text);
      assertThat(Cidr.parse(c.toString())).isEqualTo(c);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
