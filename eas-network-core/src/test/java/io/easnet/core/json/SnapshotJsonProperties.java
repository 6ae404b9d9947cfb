package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.NatGateway.NatNetworkType;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Snapshot write → read is the identity over seeded random estates, writing is stable, and what the writer writes
 * passes the shipped JSON Schema (checked on every tenth estate: validation is the slow part). Regression mode loops over a fixed seed; fuzzing mode lets the fuzzer pick it.
 */
class SnapshotJsonProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] PROTOCOLS_WITH_PORTS = {"tcp", "udp"};

  @FuzzTest(maxDuration = "30s")
  void writeThenReadIsTheIdentityAndSchemaValid(FuzzedDataProvider data) throws Exception {
    JsonSchema schema;
    try (InputStream in = SnapshotJson.class.getResourceAsStream(SnapshotJson.SCHEMA_RESOURCE)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    SplittableRandom random = new SplittableRandom(data.consumeLong());
    for (int i = 0; i < 200; i++) {
      Snapshot snapshot = Snapshot.builder().inventory(estate(random)).build();

      String json = SnapshotJson.toJson(snapshot);
      Snapshot back = SnapshotJson.parse(json, "generated.json");

      assertThat(back).isEqualTo(snapshot);
      assertThat(SnapshotJson.toJson(back)).isEqualTo(json);
      if (i % 10 == 0) {
        assertThat(schema.validate(MAPPER.readTree(json))).as(json).isEmpty();
      }
    }
  }

  static Inventory estate(SplittableRandom r) {
    Inventory.Builder b = Inventory.builder();
    if (r.nextBoolean()) {
      b.regionId("cn-" + r.nextInt(10));
    }
    int vpcs = 1 + r.nextInt(2);
    for (int v = 0; v < vpcs; v++) {
      String vpc = "vpc-p" + v;
      Vpc.Builder vb = Vpc.builder().id(vpc).cidrBlock("10." + v + ".0.0/16");
      if (r.nextBoolean()) {
        vb.name("vpc " + v).addSecondaryCidrBlock("172." + (16 + v) + ".0.0/16");
      }
      if (r.nextInt(4) == 0) {
        vb.ipv6CidrBlock(Cidr.parse("2408:4005:" + v + "::/56")).putTag("k" + v, "v");
      }
      b.addVpc(vb);
      int switches = 2 + r.nextInt(2); // the ECS instance, SNAT entry and DLink below name s0 and s1
      for (int s = 0; s < switches; s++) {
        int mask = 16 + r.nextInt(14);
        VSwitch.Builder sb = VSwitch.builder().id("vsw-p" + v + "s" + s).vpcId(vpc)
            .cidrBlock(mask == 16 ? "10." + v + ".0.0/16" : "10." + v + "." + (s * 64) + ".0/" + Math.max(mask, 18));
        if (r.nextBoolean()) {
          sb.zoneId("cn-z" + s).availableIpAddressCount(r.nextInt(5)); // a /29 has 4 assignable addresses
        }
        b.addVSwitch(sb);
      }
      int groups = 1 + r.nextInt(3); // rules, ECS and DLink name g0; peers name groups that exist
      for (int g = 0; g < groups; g++) {
        SecurityGroup.Builder gb = SecurityGroup.builder().id("sg-p" + v + "g" + g).vpcId(vpc)
            .type(r.nextBoolean() ? SecurityGroupType.BASIC : SecurityGroupType.ENTERPRISE)
            .innerAccessPolicy(r.nextBoolean() ? Policy.ACCEPT : Policy.DROP);
        int rules = r.nextInt(5);
        for (int k = 0; k < rules; k++) {
          gb.addRule(rule(r, v, groups));
        }
        b.addSecurityGroup(gb);
      }
      if (r.nextBoolean()) {
        String nat = "ngw-p" + v;
        b.addNatGateway(NatGateway.builder().id(nat).vpcId(vpc)
            .networkType(r.nextBoolean() ? NatNetworkType.INTERNET : NatNetworkType.INTRANET)
            .status(r.nextBoolean() ? "Available" : "Creating").addEipId("eip-p" + v).addSnatTableId("stb-p" + v));
        b.addEip(Eip.builder().id("eip-p" + v).ipAddress("47.0.0." + v));
        SnatEntry.Builder se = SnatEntry.builder().id("snat-p" + v).snatTableId("stb-p" + v).natGatewayId(nat)
            .addSnatIp("47.0.0." + v);
        if (r.nextBoolean()) {
          se.sourceCidr("10." + v + ".0.0/24");
        } else {
          se.sourceVSwitchId("vsw-p" + v + "s0");
        }
        b.addSnatEntry(se);
        b.addRouteTable(RouteTable.builder().id("vtb-p" + v).vpcId(vpc)
            .addEntry(RouteEntry.toNat("0.0.0.0/0", NatGatewayId.of(nat))));
      }
      if (r.nextBoolean()) {
        b.addEcsInstance(EcsInstance.builder().id("i-p" + v).vpcId(vpc).vSwitchId("vsw-p" + v + "s0")
            .addPrivateIp("10." + v + ".0." + (10 + r.nextInt(200))).addSecurityGroupId("sg-p" + v + "g0"));
      }
      if (r.nextBoolean()) {
        b.addRdsInstance(RdsInstance.builder().id("rm-p" + v).vpcId(vpc).port(1 + r.nextInt(65535))
            .addAllowlist(allowlist(r)));
      }
      if (r.nextBoolean()) {
        b.addRedisInstance(RedisInstance.builder().id("r-p" + v).addAllowlist(allowlist(r)));
      }
      if (r.nextBoolean()) {
        ResourceGroup.Builder rg = ResourceGroup.builder().id("eas-r-p" + v);
        if (r.nextBoolean()) {
          DLink.Builder d = DLink.builder().vSwitchId("vsw-p" + v + "s0").securityGroupId("sg-p" + v + "g0");
          if (r.nextBoolean()) {
            d.vpcId(vpc).addAuxVSwitchId("vsw-p" + v + "s1").addDestinationCidr("192.168." + v + ".0/24");
          }
          rg.dlink(d);
        }
        b.addResourceGroup(rg);
      }
    }
    return b.build();
  }

  private static SecurityGroupRule rule(SplittableRandom r, int v, int groups) {
    SecurityGroupRule.Builder b =
        r.nextBoolean() ? SecurityGroupRule.ingress() : SecurityGroupRule.egress();
    if (r.nextBoolean()) {
      int from = 1 + r.nextInt(65535);
      b.protocol(Protocol.parse(PROTOCOLS_WITH_PORTS[r.nextInt(2)]))
          .portRange(PortRange.of(from, from + r.nextInt(65536 - from)));
    } else {
      // -1/-1 (the default) only with the protocols that take it: the ECS API refuses it for TCP and UDP
      List<Protocol> portless = Arrays.stream(Protocol.values()).filter(p -> !p.hasPorts()).toList();
      b.protocol(portless.get(r.nextInt(portless.size())));
    }
    switch (r.nextInt(4)) {
      case 0:
        b.peer(RulePeer.group("sg-p" + v + "g" + r.nextInt(groups)));
        break;
      case 1:
        b.peer(RulePeer.prefixList("pl-p" + r.nextInt(3)));
        break;
      case 2:
        b.peer(RulePeer.cidr(r.nextBoolean() ? "::/0" : "2001:db8:" + r.nextInt(100) + "::/48"));
        break;
      default:
        b.peer(RulePeer.cidr(Cidr.ofIpv4(((long) r.nextInt(256)) << 24, 8)));
        break;
    }
    b.policy(r.nextBoolean() ? Policy.ACCEPT : Policy.DROP).priority(1 + r.nextInt(100));
    if (r.nextInt(3) == 0) {
      b.description("rule \"" + r.nextInt(100) + "\" \u00e9");
    }
    return b.build();
  }

  private static AllowlistGroup allowlist(SplittableRandom r) {
    AllowlistGroup.Builder g = AllowlistGroup.builder().name("g" + r.nextInt(5)).hidden(r.nextInt(5) == 0);
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      g.addEntry(r.nextInt(256) + "." + r.nextInt(256) + ".0.0/" + (16 + r.nextInt(17)));
    }
    return g.build();
  }
}
