package io.easnet.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.resolve.EffectiveNetwork.Provenance;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code blocks of README.md, compiled and run. Keep the two in step: README snippets are copied from here. */
class ReadmeExamplesTest {

  @Test
  void buildAnEstate() {
    // README: build-an-estate
    Inventory estate = Inventory.builder()
        .addVpc(Vpc.builder().id("vpc-prod").cidrBlock("192.168.0.0/16"))
        .addVSwitch(VSwitch.builder().id("vsw-eas").vpcId("vpc-prod").cidrBlock("192.168.1.0/24"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-eas").vpcId("vpc-prod")
            .addRule(SecurityGroupRule.egress().tcp(3306).peer("192.168.2.0/24")))
        .addRdsInstance(RdsInstance.builder().id("rm-orders").vpcId("vpc-prod")
            .addAllowlist(AllowlistGroup.builder().name("Default").addEntry("192.168.1.0/24")))
        .addResourceGroup(ResourceGroup.builder().id("eas-r-gpu")
            .dlink(DLink.builder().vSwitchId("vsw-eas").securityGroupId("sg-eas")))
        .build();
    // end

    assertThat(estate.vSwitchesIn(io.easnet.core.model.ResourceId.VpcId.of("vpc-prod"))).hasSize(1);
  }

  @Test
  void resolveWhichNetworkIsInEffect() {
    Inventory estate = Inventory.builder()
        .addVSwitch(VSwitch.builder().id("vsw-eas").vpcId("vpc-prod").cidrBlock("192.168.1.0/24"))
        .addResourceGroup(ResourceGroup.builder().id("eas-r-gpu")
            .dlink(DLink.builder().vSwitchId("vsw-eas").securityGroupId("sg-eas")))
        .build();
    // README: resolve
    ServiceSpec service = ServiceSpec.builder()
        .name("llm-chat")
        .resourceGroupId("eas-r-gpu")
        .networking(ServiceNetworking.of("vpc-prod", "vsw-svc", "sg-svc"))
        .build();
    EffectiveNetwork network = NetworkResolver.create().resolve(service, estate);
    // network.provenance() == SERVICE: the service block wins over the group's DLink,
    // which network.shadowedResourceGroupConfig() reports.
    // end

    assertThat(network.provenance()).isEqualTo(Provenance.SERVICE);
    assertThat(network.shadowedResourceGroupConfig()).isPresent();
  }

  @Test
  void editTheServiceJsonLosslessly(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("service.json");
    Files.writeString(file, "{\"metadata\": {\"name\": \"llm-chat\", \"instance\": 2},"
        + " \"features\": {\"eas.aliyun.com/extra-ephemeral-storage\": \"100Gi\"}}");
    Path repoRoot = Path.of("..").toAbsolutePath().normalize();
    Path examples = repoRoot.resolve("examples");
    // README: json
    ServiceDocument doc = ServiceDocument.read(file);
    doc.withNetworking(ServiceNetworking.of("vpc-bp1prod", "vsw-bp1eas", "sg-bp1eas"))
        .write(file); // only cloud.networking changes; unknown sections and key order survive

    Snapshot snapshot = SnapshotJson.read(examples.resolve("snapshot.json"));
    Inventory inventory = snapshot.inventory();
    // end

    ServiceDocument edited = ServiceDocument.read(file);
    assertThat(edited.spec().networking().orElseThrow().isComplete()).isTrue();
    assertThat(edited.toJson()).contains("extra-ephemeral-storage");
    assertThat(edited.toJson().indexOf("\"metadata\"")).isLessThan(edited.toJson().indexOf("\"cloud\""))
        .isLessThan(edited.toJson().indexOf("\"features\""));
    assertThat(inventory.vpcs()).isNotEmpty();
  }
}
