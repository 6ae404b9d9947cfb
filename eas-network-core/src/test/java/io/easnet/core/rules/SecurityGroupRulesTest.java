package io.easnet.core.rules;

import static io.easnet.core.rules.Estate.ingress;
import static io.easnet.core.rules.Estate.input;
import static io.easnet.core.rules.Estate.inventory;
import static io.easnet.core.rules.Estate.of;
import static io.easnet.core.rules.Estate.run;
import static io.easnet.core.rules.Estate.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityGroupRulesTest {

  private static Inventory.Builder withGroup(SecurityGroup.Builder g) {
    Inventory base = inventory().build();
    List<SecurityGroup> groups = new java.util.ArrayList<>(base.securityGroups());
    groups.add(g.build());
    return inventory().securityGroups(groups);
  }

  @Test
  void halvesOfTheInternetOnAllPortsCountAsOpen() {
    List<Finding> f = run(of(withGroup(SecurityGroup.builder().id("sg-web").vpcId("vpc-a")
        .addRule(ingress().peer("0.0.0.0/1")).addRule(ingress().peer("128.0.0.0/1")))), "EASNET-012");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("security group sg-web admits the whole internet on every TCP port"
        + " once its ingress rules are combined by priority");
    assertThat(f.get(0).location()).isEqualTo("snapshot.json:/securityGroups/2/rules");
  }

  @Test
  void aHigherPriorityDropClosesTheWholeInternetRule() {
    assertThat(run(of(withGroup(SecurityGroup.builder().id("sg-web").vpcId("vpc-a")
        .addRule(ingress().peer("0.0.0.0/0").priority(10))
        .addRule(ingress().peer("8.8.8.0/24").drop().priority(1)))), "EASNET-012")).isEmpty();
  }

  @Test
  void sshOpenThroughAllPortsRangeIsReportedOnlyForTheSensitivePorts() {
    List<Finding> f = run(of(withGroup(SecurityGroup.builder().id("sg-ssh").vpcId("vpc-a")
        .addRule(ingress().protocol(io.easnet.core.model.Protocol.TCP).ports("1/1024").peer("0.0.0.0/0")))),
        "EASNET-013");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("security group sg-ssh admits the whole internet on TCP port 22 (SSH)");
  }

  @Test
  void groupOpenOnAllPortsIsNotReportedAgainPerPort() {
    List<Finding> f = run(of(withGroup(SecurityGroup.builder().id("sg-all").vpcId("vpc-a")
        .addRule(ingress().peer("0.0.0.0/0")))), "EASNET-013");
    assertThat(f).isEmpty();
  }

  @Test
  void databasePortsOpenToTheInternetAreEachReportedAndNamedForTheirUsers() {
    List<Finding> f = run(of(withGroup(SecurityGroup.builder().id("sg-eas2").vpcId("vpc-a")
            .addRule(ingress().tcp(3306).peer("0.0.0.0/0"))
            .addRule(ingress().tcp(6379).peer("::/0"))),
        input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-a1", "sg-eas2")))), "EASNET-013");
    assertThat(Estate.messages(f)).isEqualTo(
        "security group sg-eas2 (used by EAS service svc) admits the whole internet on TCP port 3306 (MySQL)\n"
            + "security group sg-eas2 (used by EAS service svc) admits the whole internet on TCP port 6379 (Redis)");
  }

  @Test
  void aDropAtEqualPriorityBeatsTheAcceptOnPort22() {
    assertThat(run(of(withGroup(SecurityGroup.builder().id("sg-ssh").vpcId("vpc-a")
        .addRule(ingress().tcp(22).peer("0.0.0.0/0").priority(5))
        .addRule(ingress().tcp(22).peer("0.0.0.0/0").drop().priority(5)))), "EASNET-013")).isEmpty();
  }

  @Test
  void oneGroupForDevAndProdServicesIsAWarning() {
    List<Finding> f = run(of(inventory(), input(service("ranker-prod")), input(service("ranker-dev"))),
        "EASNET-014");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("security group sg-eas is used by services of several environments"
        + " (dev: ranker-dev; prod: ranker-prod); a rule opened for one environment opens it for the others");
  }

  @Test
  void groupTaggedProdUsedByATestServiceIsAWarning() {
    List<Finding> f = run(of(withGroup(SecurityGroup.builder().id("sg-p").vpcId("vpc-a").putTag("env", "production")),
        input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-a1", "sg-p"))).environment("test")),
        "EASNET-014");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("security group sg-p (tagged prod) is used by services of another"
        + " environment (test: svc); a rule opened for one environment opens it for the others");
  }

  @Test
  void servicesOfOneEnvironmentMayShareAGroup() {
    assertThat(run(of(inventory(), input(service("a-prod")), input(service("b-prod"))), "EASNET-014")).isEmpty();
  }

  @Test
  void enterpriseGroupWithoutEgressAcceptIsAWarning() {
    List<Finding> f = run(of(withGroup(SecurityGroup.builder().id("sg-ent").vpcId("vpc-a")
            .type(SecurityGroupType.ENTERPRISE).addRule(ingress().tcp(8000).peer("192.168.0.0/16"))),
        input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-a1", "sg-ent")))), "EASNET-024");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("security group sg-ent of service svc is an enterprise group with no"
        + " egress accept rule: enterprise groups deny all egress by default, so the EAS instances can reach"
        + " nothing (no database, no internet, no storage over the VPC)");
  }

  @Test
  void enterpriseGroupWithAnEgressRuleIsFine() {
    assertThat(run(of(withGroup(SecurityGroup.builder().id("sg-ent").vpcId("vpc-a")
            .type(SecurityGroupType.ENTERPRISE).addRule(SecurityGroupRule.egress().tcp(3306).peer("192.168.2.0/24"))),
        input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-a1", "sg-ent")))), "EASNET-024"))
        .isEmpty();
  }

  @Test
  void egressDropToTheDatabasePortIsAnErrorNamingTheDecidingRule() {
    List<Finding> f = run(of(withGroup(SecurityGroup.builder().id("sg-x").vpcId("vpc-a")
            .addRule(SecurityGroupRule.egress().tcp(3306).peer("192.168.2.0/24").drop())),
        input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-a1", "sg-x")))
            .addPrivateTarget("rm-db")), "EASNET-030");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc cannot reach RDS rm-db (UNREACHABLE): security group sg-x:"
        + " rule sg-x egress priority 1 drop tcp 3306/3306 to 192.168.2.0/24 denies the flow");
    assertThat(f.get(0).resourceIds()).containsExactly("sg-x", "rm-db");
    assertThat(f.get(0).intents()).containsExactly("reach RDS rm-db");
    // the priority-1 drop rule cannot be outranked: the fix says so instead of proposing a rule that would lose
    assertThat(f.get(0).remediation()).contains("has priority 1, which no accept rule can outrank");
  }

  @Test
  void enterpriseGroupDefaultDeniesEgressToAnEcsTargetAndAnAddressTarget() {
    Inventory.Builder inv = withGroup(SecurityGroup.builder().id("sg-ent").vpcId("vpc-a")
            .type(SecurityGroupType.ENTERPRISE).addRule(SecurityGroupRule.egress().tcp(3306).peer("192.168.2.0/24")))
        .addEcsInstance(io.easnet.core.model.EcsInstance.builder().id("i-app").vpcId("vpc-a").vSwitchId("vsw-a2")
            .addPrivateIp("192.168.2.50"));
    List<Finding> f = run(of(inv,
        input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-a1", "sg-ent")))
            .addPrivateTarget(io.easnet.core.analysis.Target.ecs(io.easnet.core.model.ResourceId.EcsInstanceId.of("i-app"), 8080))
            .addPrivateTarget(io.easnet.core.analysis.Target.address(
                io.easnet.core.model.IpAddress.parse("192.168.2.60"), 9000, io.easnet.core.model.Protocol.TCP))
            .addPrivateTarget("rm-db")), "EASNET-030");
    assertThat(f).extracting(Finding::message).containsExactlyInAnyOrder(
        "service svc cannot reach ECS i-app:8080 (UNREACHABLE): security group sg-ent: no rule matches; enterprise"
            + " groups deny outbound traffic by default",
        "service svc cannot reach 192.168.2.60:9000/tcp (UNREACHABLE): security group sg-ent: no rule matches;"
            + " enterprise groups deny outbound traffic by default");
    assertThat(f).extracting(Finding::remediation).containsExactlyInAnyOrder(
        "add an egress rule to sg-ent: accept tcp 8080/8080 to 192.168.2.50/32 at priority 1"
            + " (AuthorizeSecurityGroupEgress)",
        "add an egress rule to sg-ent: accept tcp 9000/9000 to 192.168.2.60/32 at priority 1"
            + " (AuthorizeSecurityGroupEgress)");
  }

  @Test
  void addPrivateTargetByIdRejectsIdsWithoutAPort() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServiceInput.builder().addPrivateTarget("i-app"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use Target.ecs(id, port)");
  }

  @Test
  void basicGroupDefaultAllowsEgressToTheDatabase() {
    assertThat(run(of(inventory(), input(service("svc")).addPrivateTarget("rm-db")), "EASNET-030")).isEmpty();
  }

  @Test
  void issueReproductionATargetGroupDroppingThePortIsReportedNotSilent() {
    // i-db's group drops 5432 at priority 1: the path is UNREACHABLE, and the catalogue says so (EASNET-033)
    Inventory.Builder inv = inventory()
        .addSecurityGroup(SecurityGroup.builder().id("sg-db").vpcId("vpc-a")
            .addRule(SecurityGroupRule.ingress().tcp(5432).peer("0.0.0.0/0").drop()))
        .addEcsInstance(io.easnet.core.model.EcsInstance.builder().id("i-db").vpcId("vpc-a").vSwitchId("vsw-a2")
            .addPrivateIp("192.168.2.40").addSecurityGroupId("sg-db"));
    List<Finding> f = run(of(inv, input(service("svc")).addPrivateTarget(
        io.easnet.core.analysis.Target.ecs(io.easnet.core.model.ResourceId.EcsInstanceId.of("i-db"), 5432))), "EASNET-033");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.intents()).containsExactly("reach ECS i-db:5432");
      assertThat(x.location()).isEqualTo("snapshot.json:/securityGroups/2/rules/0");
    });
  }

  @Test
  void issueReproductionAnEgressRuleNamingTheDatabasesBoundGroupDoesNotReachTheDatabase() {
    // an enterprise EAS group whose only egress rule names rm-db's bound group: binding is an allowlist, not
    // membership, so the rule does not match the database and the default denies (EASNET-030)
    Inventory.Builder inv = withGroup(SecurityGroup.builder().id("sg-ent").vpcId("vpc-a")
            .type(SecurityGroupType.ENTERPRISE).addRule(SecurityGroupRule.egress().tcp(3306).peer("sg-bound")))
        .addSecurityGroup(SecurityGroup.builder().id("sg-bound").vpcId("vpc-a"))
        .rdsInstances(List.of(io.easnet.core.model.RdsInstance.builder().id("rm-db").vpcId("vpc-a")
            .vSwitchId("vsw-a2").privateIp("192.168.2.10").addSecurityGroupId("sg-bound")
            .addAllowlist(io.easnet.core.model.AllowlistGroup.builder().name("default").addEntry("192.168.1.0/24"))
            .build()));
    List<Finding> f = run(of(inv, input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-a1", "sg-ent")))
        .addPrivateTarget("rm-db")), "EASNET-030");
    assertThat(f).singleElement().satisfies(x -> assertThat(x.intents()).containsExactly("reach RDS rm-db"));
  }
}
