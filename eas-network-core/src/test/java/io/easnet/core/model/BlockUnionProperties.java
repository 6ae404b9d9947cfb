package io.easnet.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BlockUnion#covers} agrees with address-by-address enumeration inside 10.0.0.0/24 (seeded). */
class BlockUnionProperties {
  @Test
  void coversAgreesWithEnumeration() {
    Random random = new Random(20261201L);
    int covered = 0;
    for (int run = 0; run < 2_000; run++) {
      List<Cidr> blocks = new ArrayList<>();
      BitSet addresses = new BitSet(256);
      int n = random.nextInt(6);
      for (int i = 0; i < n; i++) {
        Cidr b = randomBlock(random);
        blocks.add(b);
        int first = b.first().intValue() & 0xff;
        addresses.set(first, first + b.size().intValue());
      }
      Cidr target = randomBlock(random);
      int first = target.first().intValue() & 0xff;
      boolean expected = addresses.get(first, first + target.size().intValue()).cardinality() == target.size()
          .intValue();
      covered += expected ? 1 : 0;
      assertThat(BlockUnion.covers(blocks, target)).as("%s covers %s", blocks, target).isEqualTo(expected);
    }
    assertThat(covered).as("both outcomes are exercised").isBetween(100, 1_900);
  }

  @Test
  void otherFamiliesAreIgnored() {
    assertThat(BlockUnion.covers(List.of(Cidr.parse("::/0")), Cidr.parse("10.0.0.0/24"))).isFalse();
    assertThat(BlockUnion.covers(List.of(Cidr.parse("10.0.0.0/25"), Cidr.parse("10.0.0.128/25")),
        Cidr.parse("10.0.0.0/24"))).isTrue();
  }

  private static Cidr randomBlock(Random random) {
    int prefix = 24 + random.nextInt(9);
    int size = 1 << (32 - prefix);
    int start = random.nextInt(256 / size) * size;
    return Cidr.parse("10.0.0." + start + "/" + prefix);
  }
}
