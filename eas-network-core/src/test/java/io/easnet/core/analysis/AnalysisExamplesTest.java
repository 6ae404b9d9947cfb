package io.easnet.core.analysis;

import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.change.AppendAllowlistEntries;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.EffectiveNetwork.Provenance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README example, compiled and run. */
class AnalysisExamplesTest {
  @Test
  void readmeExampleFindsTheSingleInstanceIpInTheAllowlist() {
    Inventory inventory = Inventory.builder()
        .addVpc(Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/16"))
        .addVSwitch(VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("192.168.1.0/24"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-eas").vpcId("vpc-a").type(SecurityGroupType.BASIC))
        .addRdsInstance(RdsInstance.builder().id("rm-1").vpcId("vpc-a").privateIp("192.168.10.5")
            .addAllowlist(AllowlistGroup.builder().name("default").addEntry("192.168.1.23")))
        .build();
    EffectiveNetwork network = EffectiveNetwork.builder().serviceName("svc").provenance(Provenance.SERVICE)
        .vpcId(VpcId.of("vpc-a")).vSwitchId(VSwitchId.of("vsw-a"))
        .securityGroupId(SecurityGroupId.of("sg-eas")).build();

    PathResult result = PathAnalyzer.of(inventory).privateTarget(network, Target.rds(RdsInstanceId.of("rm-1")));

    assertThat(result.verdict()).isEqualTo(Verdict.UNREACHABLE);
    Explanation blocker = result.explanations().get(0);
    assertThat(blocker.code()).isEqualTo(ExplanationCode.TARGET_ALLOWLIST_SINGLE_INSTANCE_IP);
    assertThat(blocker.fix()).startsWith("append 192.168.1.0/24 to allowlist group eas of rm-1");
    assertThat(blocker.remedy()).containsInstanceOf(AppendAllowlistEntries.class);
    AppendAllowlistEntries append = (AppendAllowlistEntries) blocker.remedy().orElseThrow();
    assertThat(append.entries()).containsExactly(io.easnet.core.model.Cidr.parse("192.168.1.0/24"));
    assertThat(append.groupName()).isEqualTo(PathAnalyzer.EAS_ALLOWLIST_GROUP);
    assertThat(blocker.missing()).contains(new Missing.AddressesNotAdmitted(
        java.util.List.of(io.easnet.core.model.Cidr.parse("192.168.1.0/24"))));
  }
}
