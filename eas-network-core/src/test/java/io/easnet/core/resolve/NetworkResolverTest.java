package io.easnet.core.resolve;

import io.easnet.core.resolve.EffectiveNetwork.Provenance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkResolverTest {
  private final NetworkResolver resolver = NetworkResolver.create();

  private static final ServiceNetworking SERVICE_BLOCK = ServiceNetworking.of("vpc-svc", "vsw-svc", "sg-svc");

  private static ResourceGroup groupWithDLink() {
    return ResourceGroup.builder().id("eas-r-group")
        .dlink(DLink.builder().vpcId("vpc-rg").vSwitchId("vsw-rg").securityGroupId("sg-rg")
            .addAuxVSwitchId("vsw-aux1").addAuxVSwitchId("vsw-aux2").addDestinationCidr("172.16.0.0/16"))
        .build();
  }

  private static ServiceSpec.Builder service() {
    return ServiceSpec.builder().name("svc").resourceGroupId("eas-r-group");
  }

  @Test
  void serviceOnlyUsesTheServiceBlock() {
    EffectiveNetwork n = resolver.resolve(ServiceSpec.builder().name("svc").networking(SERVICE_BLOCK).build());
    assertThat(n.provenance()).isEqualTo(Provenance.SERVICE);
    assertThat(n.vpcId()).contains(VpcId.of("vpc-svc"));
    assertThat(n.vSwitchId()).contains(VSwitchId.of("vsw-svc"));
    assertThat(n.securityGroupId()).contains(SecurityGroupId.of("sg-svc"));
    assertThat(n.shadowedResourceGroupConfig()).isEmpty();
    assertThat(n.hasVpc()).isTrue();
  }

  @Test
  void groupOnlyPutsInstancesInThePrimaryVSwitchAndTheListedOnesInTheReturnRoute() {
    EffectiveNetwork n = resolver.resolve(service().build(), groupWithDLink());
    assertThat(n.provenance()).isEqualTo(Provenance.RESOURCE_GROUP);
    assertThat(n.vpcId()).contains(VpcId.of("vpc-rg"));
    assertThat(n.vSwitchId()).contains(VSwitchId.of("vsw-rg"));
    assertThat(n.returnRouteVSwitchIds()).containsExactly(VSwitchId.of("vsw-aux1"), VSwitchId.of("vsw-aux2"));
    assertThat(n.securityGroupId()).contains(SecurityGroupId.of("sg-rg"));
    assertThat(n.destinationCidrs()).extracting(Object::toString).containsExactly("172.16.0.0/16");
    assertThat(n.resourceGroupId()).contains(ResourceGroupId.of("eas-r-group"));
    assertThat(n.reasons()).anySatisfy(r -> assertThat(r).contains("return route also covers the client vSwitches"));
  }

  @Test
  void bothSetServiceWinsAsAWholeAndTheGroupIsReportedShadowed() {
    EffectiveNetwork n = resolver.resolve(service().networking(SERVICE_BLOCK).build(), groupWithDLink());
    assertThat(n.provenance()).isEqualTo(Provenance.SERVICE);
    assertThat(n.vSwitchId()).contains(VSwitchId.of("vsw-svc"));
    assertThat(n.securityGroupId()).contains(SecurityGroupId.of("sg-svc"));
    assertThat(n.destinationCidrs()).isEmpty();
    assertThat(n.shadowedResourceGroupConfig()).contains(groupWithDLink().dlink().orElseThrow());
    assertThat(n.reasons()).anySatisfy(r -> assertThat(r).contains("shadowed"));
  }

  @Test
  void partialServiceBlockIsAnErrorNamingTheMissingKeysNeverAMerge() {
    ServiceSpec partial = service().networking(ServiceNetworking.builder().vpcId("vpc-svc")).build();
    assertThatThrownBy(() -> resolver.resolve(partial, groupWithDLink()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/cloud/networking")
        .hasMessageContaining("vswitch_id, security_group_id missing")
        .hasMessageContaining("does not merge");
  }

  @Test
  void neitherMeansNoVpc() {
    EffectiveNetwork n = resolver.resolve(ServiceSpec.builder().name("svc").build());
    assertThat(n.provenance()).isEqualTo(Provenance.NONE);
    assertThat(n.hasVpc()).isFalse();
    assertThat(n.vpcId()).isEmpty();
    assertThat(n.vSwitchId()).isEmpty();
    assertThat(n.reasons()).anySatisfy(r -> assertThat(r).contains("no private access and no internet egress"));
  }

  @Test
  void groupWithoutDLinkMeansNoVpc() {
    EffectiveNetwork n = resolver.resolve(service().build(), ResourceGroup.builder().id("eas-r-group").build());
    assertThat(n.provenance()).isEqualTo(Provenance.NONE);
    assertThat(n.resourceGroupId()).contains(ResourceGroupId.of("eas-r-group"));
  }

  @Test
  void aNamedGroupThatIsNotKnownMakesTheNetworkUnknownNotAbsent() {
    EffectiveNetwork alone = resolver.resolve(service().build());
    EffectiveNetwork missing = resolver.resolve(service().build(), io.easnet.core.model.Inventory.empty());
    for (EffectiveNetwork n : List.of(alone, missing)) {
      assertThat(n.provenance()).isEqualTo(Provenance.UNKNOWN);
      assertThat(n.hasVpc()).isFalse();
      assertThat(n.resourceGroupId()).contains(ResourceGroupId.of("eas-r-group"));
    }
    assertThat(missing.reasons()).anySatisfy(r -> assertThat(r).contains("not in the inventory"));
  }

  @Test
  void emptyServiceBlockIsTreatedAsAbsent() {
    ServiceSpec s = service().networking(ServiceNetworking.builder().build()).build();
    EffectiveNetwork n = resolver.resolve(s, groupWithDLink());
    assertThat(n.provenance()).isEqualTo(Provenance.RESOURCE_GROUP);
    assertThat(n.reasons()).anySatisfy(r -> assertThat(r).contains("present but empty"));
  }

  @Test
  void aResourceGroupOtherThanTheOneTheServiceNamesIsRejected() {
    ServiceSpec s = ServiceSpec.builder().name("svc").resourceGroupId("eas-r-other").build();
    assertThatThrownBy(() -> resolver.resolve(s, groupWithDLink()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eas-r-other");
  }

  @Test
  void inventoryLookupFindsTheGroupAndDerivesTheVpcFromTheVSwitch() {
    ResourceGroup group = ResourceGroup.builder().id("eas-r-group")
        .dlink(DLink.builder().vSwitchId("vsw-rg").securityGroupId("sg-rg")).build();
    Inventory inv = Inventory.builder()
        .addVSwitch(VSwitch.builder().id("vsw-rg").vpcId("vpc-rg").cidrBlock("10.0.0.0/24"))
        .addResourceGroup(group)
        .build();
    EffectiveNetwork n = resolver.resolve(service().build(), inv);
    assertThat(n.provenance()).isEqualTo(Provenance.RESOURCE_GROUP);
    assertThat(n.vpcId()).contains(VpcId.of("vpc-rg"));
  }

  @Test
  void missingGroupInTheInventoryIsExplained() {
    EffectiveNetwork n = resolver.resolve(service().build(), Inventory.empty());
    assertThat(n.provenance()).isEqualTo(Provenance.UNKNOWN);
    assertThat(n.reasons()).anySatisfy(r -> assertThat(r).contains("eas-r-group is not in the inventory"));
  }
}
