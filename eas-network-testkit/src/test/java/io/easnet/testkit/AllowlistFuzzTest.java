package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.CloudServiceException;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Invariant: through any sequence of Append and Delete calls an instance never holds more than 1,000 entries, no
 * group is ever emptied, a group never holds an entry twice, and a refused call changes nothing.
 */
class AllowlistFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void appendAndDeleteKeepTheAllowlistInvariants(FuzzedDataProvider data) {
    SplittableRandom r = new SplittableRandom(data.consumeLong());
    for (int run = 0; run < 15; run++) {
      FakeCloud fake = FakeCloud.builder().seed(r.nextLong()).build();
      fake.estate().vpc("v", "10.0.0.0/16").vSwitch("db", "10.0.1.0/24").rds("db1", "db", "10.0.1.10");
      RdsInstanceId id = fake.id(RdsInstanceId.class, "db1");
      int space = r.nextInt(1, 1400);
      int ops = r.nextInt(1, 60);
      for (int op = 0; op < ops; op++) {
        String group = r.nextInt(4) == 0 ? "extra" : "default";
        List<Cidr> batch = new ArrayList<>();
        int n = r.nextInt(1, r.nextBoolean() ? 8 : 600);
        for (int i = 0; i < n; i++) {
          batch.add(Cidr.ofIpv4(0x0A00_0000L + r.nextInt(space)));
        }
        List<AllowlistGroup> before = fake.rds().describeAllowlists(id);
        boolean append = r.nextBoolean();
        try {
          if (append) {
            fake.rds().appendAllowlistEntries(id, group, batch);
            assertThat(entries(fake, id, group)).containsAll(batch);
          } else {
            fake.rds().deleteAllowlistEntries(id, group, batch);
            assertThat(entries(fake, id, group)).doesNotContainAnyElementsOf(batch);
          }
        } catch (CloudServiceException e) {
          assertThat(e.kind()).isIn(Kind.QUOTA_EXCEEDED, Kind.INVALID_PARAMETER, Kind.NOT_FOUND);
          assertThat(fake.rds().describeAllowlists(id)).isEqualTo(before);
        }
        List<AllowlistGroup> after = fake.rds().describeAllowlists(id);
        assertThat(after.stream().mapToInt(g -> g.entries().size()).sum()).isLessThanOrEqualTo(1000);
        assertThat(after).allSatisfy(g -> assertThat(g.entries()).isNotEmpty().doesNotHaveDuplicates());
      }
    }
  }

  private static List<Cidr> entries(FakeCloud fake, RdsInstanceId id, String group) {
    return fake.rds().describeAllowlists(id).stream().filter(g -> g.name().equals(group))
        .flatMap(g -> g.entries().stream()).toList();
  }
}
