package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.CloudServiceException;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Invariant: whatever SNAT requests arrive, no entry names both a vSwitch and a CIDR as its source (as created), no
 * vSwitch or CIDR is the source of two entries, and a request with both or neither source is refused as invalid.
 */
class SnatFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void snatEntriesKeepTheirSourceRules(FuzzedDataProvider data) {
    SplittableRandom r = new SplittableRandom(data.consumeLong());
    for (int run = 0; run < 30; run++) {
      FakeCloud fake = FakeCloud.builder().seed(r.nextLong()).build();
      fake.estate().vpc("v", "10.0.0.0/16").vSwitch("a", "10.0.1.0/24").vSwitch("b", "10.0.2.0/24")
          .vSwitch("c", "10.0.3.0/24").natGateway("nat").eip("nat", "47.1.1.1").eip("nat", "47.1.1.2");
      SnatTableId table = fake.inventory().natGateway(fake.id(NatGatewayId.class, "nat")).orElseThrow().snatTableIds().get(0);
      List<VSwitchId> vsws = List.of(fake.id(VSwitchId.class, "a"), fake.id(VSwitchId.class, "b"), fake.id(VSwitchId.class, "c"));
      int ops = r.nextInt(1, 40);
      for (int op = 0; op < ops; op++) {
        SnatEntryRequest.Builder b = SnatEntryRequest.builder().snatTableId(table)
            .addSnatIp(r.nextBoolean() ? "47.1.1.1" : "47.1.1.2");
        int shape = r.nextInt(4);
        if (shape == 0 || shape == 2) {
          b.sourceVSwitchId(vsws.get(r.nextInt(vsws.size())));
        }
        if (shape == 1 || shape == 2) {
          b.sourceCidr("10.0." + r.nextInt(1, 4) + ".0/" + (24 + r.nextInt(2) * 4));
        }
        if (r.nextBoolean()) {
          b.name("e" + r.nextInt(3));
        }
        SnatEntryRequest req = b.build();
        try {
          fake.vpc().createSnatEntry(req);
          assertThat(shape).isIn(0, 1);
        } catch (CloudServiceException e) {
          if (shape >= 2) {
            assertThat(e.kind()).isEqualTo(Kind.INVALID_PARAMETER);
          } else {
            assertThat(e.kind()).isEqualTo(Kind.ALREADY_EXISTS);
          }
        }
        if (r.nextInt(10) == 0) {
          fake.advance();
        }
        List<SnatEntry> entries = fake.vpc().describeSnatEntries(fake.id(NatGatewayId.class, "nat"));
        Set<String> sources = new HashSet<>();
        for (SnatEntry e : entries) {
          assertThat(e.sourceVSwitchId().isPresent()).isNotEqualTo(e.sourceCidr().isPresent());
          assertThat(sources.add(e.sourceVSwitchId().map(Object::toString)
              .orElseGet(() -> e.sourceCidr().orElseThrow().toString()))).isTrue();
        }
      }
    }
  }
}
