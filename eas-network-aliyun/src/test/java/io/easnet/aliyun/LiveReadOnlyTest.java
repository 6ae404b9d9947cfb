package io.easnet.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.Vpc;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.EcsApi.SecurityGroupSummary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Read-only calls against the real cloud, opt-in: runs only when {@code ALIBABA_CLOUD_ACCESS_KEY_ID} is set (the
 * default credentials chain supplies the rest), in {@code ALIBABA_CLOUD_REGION_ID} (default {@code cn-hangzhou}).
 * It never writes: describeVpcs, describeSecurityGroups of the first VPC, describeResourceGroups.
 */
@EnabledIfEnvironmentVariable(named = "ALIBABA_CLOUD_ACCESS_KEY_ID", matches = ".+")
class LiveReadOnlyTest {
  private static String region() {
    String r = System.getenv("ALIBABA_CLOUD_REGION_ID");
    return r == null || r.isBlank() ? "cn-hangzhou" : r;
  }

  @Test
  void readsTheNetworkAndTheResourceGroupsOfTheRegion() {
    List<RequestEvent> events = new CopyOnWriteArrayList<>();
    AliyunCloudPort port = AliyunCloudPort.create(AliyunOptions.builder(region()).requestListener(events::add)
        .build());

    List<Vpc> vpcs = port.vpc().describeVpcs();
    if (!vpcs.isEmpty()) {
      List<SecurityGroupSummary> groups = port.ecs().describeSecurityGroups(vpcs.get(0).id());
      assertThat(groups).allSatisfy(g -> assertThat(g.vpcId()).isEqualTo(vpcs.get(0).id()));
    }
    List<ResourceGroup> resourceGroups = port.eas().describeResourceGroups();

    assertThat(resourceGroups).doesNotContainNull();
    assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.succeeded()).isTrue());
  }
}
