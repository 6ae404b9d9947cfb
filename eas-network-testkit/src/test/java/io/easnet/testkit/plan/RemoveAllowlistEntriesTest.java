package io.easnet.testkit.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.plan.Applier.ChangeResult;
import io.easnet.core.plan.Plan;
import io.easnet.core.plan.PlannedChange;
import io.easnet.core.plan.Planner;
import io.easnet.core.plan.Planner.PlanOptions;
import io.easnet.testkit.FakeCloud;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The removal of single EAS instance addresses (issue 17, item 4): planned only with removals allowed, after the
 * append of the block that replaces them, never when the removal would empty a group; and its check before the
 * first write refuses a removal whose entry or group is gone or whose replacement is neither there nor planned.
 */
class RemoveAllowlistEntriesTest {
  private static final List<ServiceInput> SERVICES = List.of(PlanFixtures.service("svc", "vsw-a", "rds:rm-1"));
  private static final PlanOptions REMOVALS = PlanOptions.defaults().allowRemovals(true);

  /** The bare estate with rm-1's allowlist groups replaced by {@code groups}. */
  private static Inventory withGroups(AllowlistGroup... groups) {
    Inventory bare = PlanFixtures.bare();
    return bare.toBuilder().rdsInstances(List.of(RdsInstance.builder().from(bare.rdsInstances().get(0))
        .allowlists(List.of(groups)).build())).build();
  }

  private static AllowlistGroup group(String name, String... entries) {
    return AllowlistGroup.builder().name(name).entries(java.util.Arrays.stream(entries).map(Cidr::parse).toList())
        .build();
  }

  /** The allowlist changes of the plan (the bare estate's enterprise group needs an egress rule besides). */
  private static List<ChangeKind> kinds(Inventory inv, PlanOptions options) {
    return allowlistChanges(Planner.of(inv).plan(SERVICES, options).plan().orElseThrow()).stream()
        .map(PlannedChange::kind).toList();
  }

  private static List<PlannedChange> allowlistChanges(Plan plan) {
    return plan.changes().stream().filter(c -> c.kind() == ChangeKind.APPEND_ALLOWLIST_ENTRIES
        || c.kind() == ChangeKind.REMOVE_ALLOWLIST_ENTRIES).toList();
  }

  @Test
  void theRemovalIsPlannedOnlyWhenAllowedAndAfterTheAppendThatReplacesIt() {
    Inventory inv = withGroups(group("default", "127.0.0.1"), group("eas", "192.168.1.23"));
    assertThat(kinds(inv, PlanOptions.defaults())).containsExactly(ChangeKind.APPEND_ALLOWLIST_ENTRIES);
    Plan plan = Planner.of(inv).plan(SERVICES, REMOVALS).plan().orElseThrow();
    List<PlannedChange> changes = allowlistChanges(plan);
    assertThat(changes).extracting(PlannedChange::kind).containsExactly(ChangeKind.APPEND_ALLOWLIST_ENTRIES,
        ChangeKind.REMOVE_ALLOWLIST_ENTRIES);
    assertThat(changes.get(1).dependsOn()).containsExactly(changes.get(0).id());
    assertThat(plan.changes().indexOf(changes.get(1))).isGreaterThan(plan.changes().indexOf(changes.get(0)));
    assertThat(changes.get(1).description()).startsWith("remove 192.168.1.23 from allowlist group eas of rm-1");

    try (FakeCloud fake = PlanFixtures.fake(inv)) {
      ApplyResult r = PlanFixtures.applier(fake, fake).apply(plan);
      assertThat(r.succeeded()).as("%s", r).isTrue();
      assertThat(fake.inventory().rdsInstances().get(0).allowlists()).containsExactly(group("default", "127.0.0.1"),
          group("eas", "192.168.1.0/24"));
      assertThat(Planner.of(fake.inventory()).plan(SERVICES, REMOVALS).plan().orElseThrow().isEmpty()).isTrue();
    }
  }

  @Test
  void afterTheBlockIsAdmittedOnlyTheRemovalIsLeftAndOnlyWhenAllowed() {
    // the state after the four-command fix of allowlist-one-instance-ip: the /24 is there, the /32 still too
    Inventory inv = withGroups(group("default", "127.0.0.1"), group("eas", "192.168.1.23", "192.168.1.0/24"));
    assertThat(kinds(inv, PlanOptions.defaults())).isEmpty();
    assertThat(kinds(inv, REMOVALS)).containsExactly(ChangeKind.REMOVE_ALLOWLIST_ENTRIES);
  }

  @Test
  void aRemovalThatWouldEmptyItsGroupIsNotPlanned() {
    Inventory inv = withGroups(group("old", "192.168.1.23"), group("eas", "192.168.1.0/24"));
    assertThat(kinds(inv, REMOVALS)).isEmpty();
  }

  @Test
  void theCheckBeforeTheFirstWriteRefusesAGoneEntryAGoneGroupAndAMissingReplacement() {
    Inventory inv = withGroups(group("default", "127.0.0.1"), group("eas", "192.168.1.7", "192.168.1.23"));
    assertRefused(inv, "eas", "192.168.1.99", "EntryNotFound", "no longer holds [192.168.1.99/32]");
    assertRefused(inv, "gone", "192.168.1.23", "NotFound", "allowlist group gone of RDS instance rm-1 does not exist");
    assertRefused(inv, "eas", "192.168.1.23", "ReplacementMissing",
        "does not hold 192.168.1.0/24 and no earlier change of the plan appends it");
  }

  private static void assertRefused(Inventory inv, String group, String entry, String code, String message) {
    Plan plan = Plan.parse("""
        {"version": 3, "allowBilled": false, "changes": [{"id": "change-1", "kind": "RemoveAllowlistEntries",
          "parameters": {"product": "rds", "instanceId": "rm-1", "group": "%s", "entries": ["%s/32"],
          "keptGroup": "eas", "keptBlock": "192.168.1.0/24"}}]}""".formatted(group, entry), "plan.json");
    ApplyResult dry;
    try (FakeCloud fake = PlanFixtures.fake(inv)) {
      dry = PlanFixtures.applier(fake, fake).dryRun(plan);
    }
    try (FakeCloud fake = PlanFixtures.fake(inv)) {
      Inventory before = fake.inventory();
      ApplyResult apply = PlanFixtures.applier(fake, fake).apply(plan);
      for (ApplyResult r : List.of(dry, apply)) {
        ChangeResult c = r.results().get(0);
        assertThat(c.status()).as(code).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(c.error()).as(code).contains(code);
        assertThat(c.message()).as(code).contains(message);
      }
      assertThat(fake.inventory()).as("nothing written").isEqualTo(before);
    }
  }
}
