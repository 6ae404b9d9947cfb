package io.easnet.core.rules;

import io.easnet.core.rules.Finding.Severity;
import static io.easnet.core.rules.Estate.ingress;
import static io.easnet.core.rules.Estate.inventory;
import static io.easnet.core.rules.Estate.of;
import static io.easnet.core.rules.Estate.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.Inventory;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EASNET-013 on RDP (3389), which no rule test covered, written the way literal-string checkers miss: the internet
 * as two halves, and as a port range. EASNET-012 for a TCP rule spelled 1/65535.
 */
class SensitivePortSpellingsTest {

  private static Inventory.Builder withGroup(SecurityGroup.Builder g) {
    List<SecurityGroup> groups = new ArrayList<>(inventory().build().securityGroups());
    groups.add(g.build());
    return inventory().securityGroups(groups);
  }

  @Test
  void rdpOpenToBothHalvesOfTheInternetIsReported() {
    List<Finding> f = run(of(withGroup(SecurityGroup.builder().id("sg-rdp").vpcId("vpc-a")
        .addRule(ingress().tcp(3389).peer("0.0.0.0/1"))
        .addRule(ingress().tcp(3389).peer("128.0.0.0/1")))), "EASNET-013");
    assertThat(f).extracting(Finding::message)
        .containsExactly("security group sg-rdp admits the whole internet on TCP port 3389 (RDP)");
    assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void rdpOpenOnlyToOneHalfIsNotTheInternet() {
    assertThat(run(of(withGroup(SecurityGroup.builder().id("sg-rdp").vpcId("vpc-a")
        .addRule(ingress().tcp(3389).peer("0.0.0.0/1")))), "EASNET-013")).isEmpty();
  }

  @Test
  void aPortRangeHoldingRdpAndSshReportsBoth() {
    List<Finding> f = run(of(withGroup(SecurityGroup.builder().id("sg-r").vpcId("vpc-a")
        .addRule(ingress().protocol(Protocol.TCP).ports("20/3390").peer("0.0.0.0/0")))), "EASNET-013");
    assertThat(f).extracting(Finding::message).containsExactlyInAnyOrder(
        "security group sg-r admits the whole internet on TCP port 22 (SSH)",
        "security group sg-r admits the whole internet on TCP port 3389 (RDP)",
        "security group sg-r admits the whole internet on TCP port 3306 (MySQL)");
  }

  @Test
  void tcpOneTo65535IsOpenOnAllPortsLikeMinusOne() {
    List<Finding> f = run(of(withGroup(SecurityGroup.builder().id("sg-w").vpcId("vpc-a")
        .addRule(ingress().protocol(Protocol.TCP).ports("1/65535").peer("0.0.0.0/0")))), "EASNET-012");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).startsWith("security group sg-w admits the whole internet on every TCP port");
    assertThat(run(of(withGroup(SecurityGroup.builder().id("sg-w").vpcId("vpc-a")
        .addRule(ingress().protocol(Protocol.TCP).ports("1/65535").peer("0.0.0.0/0"))
        .addRule(ingress().protocol(Protocol.TCP).ports("1/65535").peer("0.0.0.0/0").drop().priority(1)))),
        "EASNET-012")).isEmpty();
  }
}
