package io.easnet.core.rules;

import io.easnet.core.rules.Finding.Severity;
import static io.easnet.core.rules.Estate.image;
import static io.easnet.core.rules.Estate.input;
import static io.easnet.core.rules.Estate.inventory;
import static io.easnet.core.rules.Estate.of;
import static io.easnet.core.rules.Estate.run;
import static io.easnet.core.rules.Estate.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.ServiceSpec.StorageMount;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InternetAndTargetRulesTest {

  @Test
  void internetIntentListsEveryMissingPartAtOnce() {
    List<Finding> f = run(of(inventory()
            .natGateways(List.of(NatGateway.builder().id("ngw-a").vpcId("vpc-a").build()))
            .snatEntries(List.of())
            .routeTables(List.of(RouteTable.builder().id("vtb-a").vpcId("vpc-a").build())),
        input(service("svc")).wantsInternetEgress(true)), "EASNET-019");
    // one finding per blocker, every blocker at once, each with its own location and typed fix
    assertThat(f).extracting(Finding::message).containsExactlyInAnyOrder(
        "service svc cannot reach the internet on tcp 443 (UNREACHABLE): NAT gateway ngw-a: ngw-a has no EIP bound",
        "service svc cannot reach the internet on tcp 443 (UNREACHABLE): vSwitch vsw-a1: no SNAT entry of ngw-a"
            + " covers vsw-a1 (192.168.1.0/24)",
        "service svc cannot reach the internet on tcp 443 (UNREACHABLE): route table vtb-a: vtb-a has no route"
            + " matching 0.0.0.0/0");
    assertThat(f).extracting(Finding::remediation).containsExactlyInAnyOrder(
        "bind a new EIP (AllocateEipAddress, billed) to NAT gateway ngw-a (AssociateEipAddress with InstanceType Nat)",
        "create a SNAT entry on NAT gateway ngw-a with SourceVSwitchId vsw-a1 and SnatIp the gateway's EIP"
            + " (CreateSnatEntry)",
        "add a route entry 0.0.0.0/0 with next hop type NatGateway ngw-a to vtb-a (CreateRouteEntry)");
    assertThat(f).extracting(Finding::location).containsExactlyInAnyOrder("snapshot.json:/natGateways/0",
        "service.json:/cloud/networking/vswitch_id", "snapshot.json:/routeTables/0");
    assertThat(f).allSatisfy(x -> assertThat(x.intents()).containsExactly("reach the internet on tcp 443"));
  }

  @Test
  void completeNatPathSatisfiesTheInternetIntent() {
    assertThat(run(of(inventory(), input(service("svc")).wantsInternetEgress(true)), "EASNET-019")).isEmpty();
  }

  @Test
  void natWithEipAndNoSignOfUseIsACostNote() {
    List<Finding> f = run(of(inventory().snatEntries(List.of())
        .routeTables(List.of(RouteTable.builder().id("vtb-a").vpcId("vpc-a").build())), input(service("svc"))),
        "EASNET-020");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(f.get(0).message()).isEqualTo("NAT gateway ngw-a in vpc-a has EIP eip-a but none of the services"
        + " analysed in this VPC (svc) needs internet egress, and it has no SNAT entry and no route entry points at"
        + " it; the gateway and the EIPs are billed while idle");
  }

  @Test
  void natWithAnSnatEntryIsInUseEvenWhenNoAnalysedServiceNeedsInternet() {
    // the estate's SNAT entry and default route say that something sends through the gateway: never "release it"
    assertThat(run(of(inventory(), input(service("svc"))), "EASNET-020")).isEmpty();
    assertThat(run(of(inventory()
        .routeTables(List.of(RouteTable.builder().id("vtb-a").vpcId("vpc-a").build())), input(service("svc"))),
        "EASNET-020")).isEmpty();
  }

  @Test
  void natThatARouteEntryPointsAtIsInUse() {
    assertThat(run(of(inventory().snatEntries(List.of()), input(service("svc"))), "EASNET-020")).isEmpty();
  }

  @Test
  void natUsedByAServiceIsNotIdle() {
    assertThat(run(of(inventory(), input(service("svc")).wantsInternetEgress(true)), "EASNET-020")).isEmpty();
  }

  @Test
  void publicOssEndpointOfTheSameRegionIsACostWarning() {
    List<Finding> f = run(of(inventory(), input(service("svc").addStorage(StorageMount.builder()
        .ossPath("oss://bucket/models/").ossEndpoint("oss-cn-hangzhou.aliyuncs.com").mountPath("/models").build()))),
        "EASNET-021");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc mounts oss://bucket/models/ through the public endpoint"
        + " oss-cn-hangzhou.aliyuncs.com; the internal endpoint oss-cn-hangzhou-internal.aliyuncs.com serves the"
        + " same bucket inside the region without internet traffic");
    assertThat(f.get(0).pointer()).isEqualTo("/storage/0/oss/endpoint");
  }

  @Test
  void internalOssEndpointOrAnotherRegionIsNotReported() {
    assertThat(run(of(inventory(), input(service("svc")
        .addStorage(StorageMount.builder().ossPath("oss://b/").ossEndpoint("oss-cn-hangzhou-internal.aliyuncs.com")
            .build())
        .addStorage(StorageMount.builder().ossPath("oss://c/").ossEndpoint("oss-cn-beijing.aliyuncs.com").build())
        .addStorage(StorageMount.builder().ossPath("oss://d/").build()))), "EASNET-021")).isEmpty();
  }

  @Test
  void publicRegistryEndpointsSuggestTheirVpcEndpoint() {
    List<Finding> f = run(of(inventory(), input(service("svc")
        .addContainer(image("registry.cn-hangzhou.aliyuncs.com/ns/app:1"))
        .addContainer(image("acme-registry.cn-hangzhou.cr.aliyuncs.com/ns/side:2")))), "EASNET-022");
    // sorted by the image (the finding's identity), not by the container's position
    assertThat(Estate.messages(f)).isEqualTo(
        "service svc pulls acme-registry.cn-hangzhou.cr.aliyuncs.com/ns/side:2 from the public endpoint"
            + " acme-registry.cn-hangzhou.cr.aliyuncs.com; the VPC endpoint"
            + " acme-registry-vpc.cn-hangzhou.cr.aliyuncs.com serves the same repository inside the region\n"
            + "service svc pulls registry.cn-hangzhou.aliyuncs.com/ns/app:1 from the public endpoint"
            + " registry.cn-hangzhou.aliyuncs.com; the VPC endpoint registry-vpc.cn-hangzhou.aliyuncs.com serves the"
            + " same repository inside the region");
    assertThat(f.get(1).didYouMean()).contains("registry-vpc.cn-hangzhou.aliyuncs.com/ns/app:1");
    assertThat(f.get(0).pointer()).isEqualTo("/containers/1/image");
  }

  @Test
  void vpcRegistryEndpointsAreFine() {
    assertThat(run(of(inventory(), input(service("svc")
        .addContainer(image("registry-vpc.cn-hangzhou.aliyuncs.com/ns/app:1"))
        .addContainer(image("acme-registry-vpc.cn-hangzhou.cr.aliyuncs.com/ns/side:2")))), "EASNET-022")).isEmpty();
  }

  @Test
  void dockerHubImageWithoutInternetEgressFailsToPull() {
    List<Finding> f = run(of(inventory().natGateways(List.of()),
        input(service("svc").addContainer(image("nginx:1.25")))), "EASNET-023");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).startsWith("service svc pulls nginx:1.25 from docker.io, outside Alibaba Cloud, but"
        + " has no internet egress (NAT_MISSING on vpc-a: vpc-a has no NAT gateway;");
    assertThat(f.get(0).message()).endsWith("): the pull will fail");
  }

  @Test
  void dockerHubImageWithACompleteNatPathCanPull() {
    assertThat(run(of(inventory(), input(service("svc").addContainer(image("ghcr.io/acme/app:1")))), "EASNET-023"))
        .isEmpty();
  }

  @Test
  void auxVSwitchInAnotherVpcIsAnError() {
    List<Finding> f = run(of(inventory().resourceGroups(List.of(ResourceGroup.builder().id("eas-r-1")
        .dlink(DLink.builder().vSwitchId("vsw-a1").securityGroupId("sg-eas").addAuxVSwitchId("vsw-b1")).build()))),
        "EASNET-026");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("resource group eas-r-1: auxiliary vSwitch vsw-b1 is in VPC vpc-b but"
        + " the primary vSwitch vsw-a1 is in vpc-a; all vSwitches of a VPC direct connection must be in one VPC");
  }

  @Test
  void auxVSwitchInTheSameVpcIsFine() {
    assertThat(run(of(inventory().resourceGroups(List.of(ResourceGroup.builder().id("eas-r-1")
        .dlink(DLink.builder().vSwitchId("vsw-a1").securityGroupId("sg-eas").addAuxVSwitchId("vsw-a2")).build()))),
        "EASNET-026")).isEmpty();
  }

  @Test
  void unknownPrivateTargetSuggestsTheNearestId() {
    List<Finding> f = run(of(inventory(), input(service("svc")).addPrivateTarget("rm-dc")), "EASNET-027");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc cannot reach RDS rm-dc (UNDETERMINED): RDS instance rm-dc:"
        + " it is not in the inventory");
    assertThat(f.get(0).location()).isEqualTo("snapshot.json:/");
    assertThat(f.get(0).didYouMean()).contains("rm-db");
  }

  @Test
  void knownPrivateTargetIsFound() {
    assertThat(run(of(inventory(), input(service("svc")).addPrivateTarget("rm-db")), "EASNET-027")).isEmpty();
  }

  @Test
  void targetInAnotherVpcIsUnreachable() {
    List<Finding> f = run(of(inventory().addRdsInstance(RdsInstance.builder().id("rm-far").vpcId("vpc-b")
            .privateIp("10.0.1.5")),
        input(service("svc")).addPrivateTarget("rm-far")), "EASNET-028");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc cannot reach RDS rm-far (UNREACHABLE): RDS instance rm-far:"
        + " RDS rm-far:3306 is in vpc-b");
    assertThat(f.get(0).remediation()).contains("VPC peering connection or Cloud Enterprise Network");
  }

  @Test
  void targetInTheSameVpcIsFine() {
    assertThat(run(of(inventory(), input(service("svc")).addPrivateTarget("rm-db")), "EASNET-028")).isEmpty();
  }

  @Test
  void intentsWithoutAnyVpcAreAnError() {
    List<Finding> f = run(of(inventory(), input(service("svc").networking(Optional.empty()))
        .wantsInternetEgress(true).addPrivateTarget("rm-db")), "EASNET-031");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc must reach RDS rm-db, reach the internet on tcp 443 but"
        + " neither its cloud.networking nor its resource group configures a VPC");
    assertThat(f.get(0).intents()).containsExactly("reach RDS rm-db", "reach the internet on tcp 443");
    assertThat(f.get(0).pointer()).isEqualTo("/cloud");
  }

  @Test
  void serviceWithoutVpcAndWithoutIntentsIsFine() {
    assertThat(run(of(inventory(), input(service("svc").networking(Optional.empty()))), "EASNET-031")).isEmpty();
  }
}
