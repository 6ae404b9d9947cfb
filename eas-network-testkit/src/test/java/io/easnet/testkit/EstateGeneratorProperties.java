package io.easnet.testkit;

import static io.easnet.testkit.assertions.EasAssertions.assertThat;

import io.easnet.core.model.Inventory;
import io.easnet.testkit.gen.EstateGenerator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariant: generated estates are consistent and survive a load into the fake and a snapshot back unchanged. */
class EstateGeneratorProperties {
  @Test
  void generatedEstatesAreConsistentAndRoundTripThroughTheFake() {
    SplittableRandom r = new SplittableRandom(31);
    for (int i = 0; i < 300; i++) {
      Inventory estate = EstateGenerator.estate(r);
      assertThat(estate).isConsistent().hasNoDuplicateRules();
      org.assertj.core.api.Assertions.assertThat(FakeCloud.builder().inventory(estate).build().inventory())
          .isEqualTo(estate);
    }
  }

  @Test
  void sameSeedGivesTheSameEstate() {
    for (long seed = 0; seed < 100; seed++) {
      org.assertj.core.api.Assertions.assertThat(EstateGenerator.estate(new SplittableRandom(seed)))
          .isEqualTo(EstateGenerator.estate(new SplittableRandom(seed)));
    }
  }
}
