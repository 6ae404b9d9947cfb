package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.InvalidInputException;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.InventoryLoader.Question;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.Vpc;
import io.easnet.testkit.gen.EstateGenerator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What a capture of the cloud writes, the snapshot reader reads back: a region or a VPC captured from a fake holding
 * a generated estate (what {@code eas-net snapshot} does) is written and read to an equal snapshot. The reader's
 * reference checks refuse only what a capture cannot produce, so none of them may fire here: this is the other face
 * of {@code SnapshotReferencesTest}.
 */
class CapturedSnapshotsReadBackProperties {
  @Test
  void everyCaptureOfARegionOrAVpcReadsBackUnchanged() {
    SplittableRandom r = new SplittableRandom(1515);
    int vpcs = 0;
    for (int i = 0; i < 60; i++) {
      Inventory estate = asTheApiTakesIt(EstateGenerator.estate(r));
      FakeCloud fake = FakeCloud.builder().inventory(estate).build();
      try (InventoryLoader loader = InventoryLoader.builder().port(fake).parallelism(2).build()) {
        readsBack(loader.load(Question.region()), "seed " + i + " region");
        for (Vpc vpc : estate.vpcs()) {
          readsBack(loader.load(Question.everything(vpc.id())), "seed " + i + " " + vpc.id());
          vpcs++;
        }
      }
    }
    assertThat(vpcs).as("VPCs captured").isGreaterThan(60);
  }

  private static void readsBack(Inventory captured, String what) {
    Snapshot snapshot = Snapshot.builder().inventory(captured).build();
    String json = SnapshotJson.toJson(snapshot);
    Snapshot back;
    try {
      back = SnapshotJson.parse(json, what);
    } catch (InvalidInputException e) {
      throw new AssertionError("a capture does not read back: " + e.getMessage(), e);
    }
    assertThat(back).as(what).isEqualTo(snapshot);
  }

  /**
   * The estate with every TCP or UDP rule of {@code -1/-1} written {@code 1/65535}, as the ECS API takes it: the
   * generator draws {@code -1/-1} for TCP and UDP one time in ten, which the cloud refuses (OperationDenied).
   */
  private static Inventory asTheApiTakesIt(Inventory estate) {
    List<SecurityGroup> groups = estate.securityGroups().stream().map(g -> {
      SecurityGroup.Builder b = g.toBuilder().rules(List.of());
      for (SecurityGroupRule rule : g.rules()) {
        b.addRules(rule.protocol().hasPorts() && rule.portRange().isAll()
            ? rule.toBuilder().portRange(PortRange.of(1, 65535)).build() : rule);
      }
      return (SecurityGroup) b.build();
    }).toList();
    return estate.toBuilder().securityGroups(groups).build();
  }
}
