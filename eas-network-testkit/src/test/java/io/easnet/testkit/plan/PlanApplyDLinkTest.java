package io.easnet.testkit.plan;

import static io.easnet.testkit.plan.PlanFixtures.applier;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.internal.IntentSyntax;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.plan.Applier.ChangeResult;
import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.plan.Plan;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.EasApi.DLinkStatus;
import io.easnet.testkit.FakeCloud;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A target outside a resource group's direct connection: the plan updates the DLink and polls it to READY. */
class PlanApplyDLinkTest {
  @Test
  void theDirectConnectionIsUpdatedAndPolledUntilReady() {
    Inventory inv = PlanFixtures.bare().toBuilder().addResourceGroup(ResourceGroup.builder().id("eas-r-1")
        .dlink(DLink.builder().vpcId("vpc-a").vSwitchId("vsw-a").securityGroupId("sg-eas").build()).build()).build();
    List<ServiceInput> services = List.of(ServiceInput.builder()
        .spec(ServiceSpec.builder().name("svc").resourceGroupId("eas-r-1").build())
        .addIntent(IntentSyntax.parse("rds:rm-1")).build());
    try (FakeCloud fake = PlanFixtures.fake(inv)) {
      Plan plan = PlanApplyFakeCloudTest.plan(fake, services);
      assertThat(plan.changes()).extracting(c -> c.kind()).contains(ChangeKind.UPDATE_DLINK);

      ApplyResult r = applier(fake, fake).apply(plan);
      assertThat(r.succeeded()).as("%s", r).isTrue();
      assertThat(r.results()).filteredOn(c -> c.kind() == ChangeKind.UPDATE_DLINK).singleElement()
          .satisfies(c -> assertThat(c.status()).isEqualTo(ChangeResult.Status.APPLIED));
      assertThat(fake.eas().describeResourceDLinkStatus(ResourceGroupId.of("eas-r-1"))).isEqualTo(DLinkStatus.READY);
      assertThat(fake.callCount(CloudActions.UPDATE_RESOURCE_DLINK)).isEqualTo(1);
      assertThat(PlanApplyFakeCloudTest.verdicts(fake, services)).containsOnly(Verdict.REACHABLE);
      assertThat(PlanApplyFakeCloudTest.plan(fake, services).isEmpty()).isTrue();

      ApplyResult again = applier(fake, fake).apply(plan);
      assertThat(again.results()).extracting(ChangeResult::status).containsOnly(ChangeResult.Status.ALREADY_IN_PLACE);
      assertThat(fake.callCount(CloudActions.UPDATE_RESOURCE_DLINK)).isEqualTo(1);
    }
  }
}
