package io.easnet.benchmarks;

import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.Target;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.ServiceSpec.Autoscaler;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ServiceSpec.Container;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ServiceSpec.RollingStrategy;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ServiceSpec.StorageMount;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic, seeded estate for scale measurements: one region with VPCs of about 100 vSwitches each, security
 * groups with mixed rules, an internet NAT gateway per VPC (EIPs, SNAT entries, a default route), ECS, RDS and Redis
 * instances with allowlists, resource groups with VPC direct connections, and the services with their intents.
 *
 * <p>The same {@link Size} and seed always give the same inventory, services and snapshot bytes. Every reference
 * resolves and every model invariant holds; the content is a mix of healthy and faulty configuration so that the
 * rules find something to report (a few VPCs without a NAT gateway, vSwitches without a SNAT entry or nearly full,
 * allowlists holding single EAS addresses or {@code 0.0.0.0/0}, partial networking blocks in resource groups,
 * services shadowing their resource group's connection, targets that do not exist or sit in another VPC).
 *
 * <p>Layout, by index: VPC {@code k} owns {@code 10.k.0.0/16}; its {@code l}-th vSwitch is {@code 10.k.l.0/24}
 * (every tenth a {@code /28}). Security group {@code g}, ECS, RDS and Redis instances and resource groups are spread
 * round-robin over the VPCs; service {@code s} is in environment {@code prod|staging|test|dev} by {@code s mod 4}.
 */
public final class EstateGenerator {
  /** vSwitches per VPC: a VPC holds at most 256 {@code /24} blocks. */
  static final int VSWITCHES_PER_VPC = 100;
  /** At most this many VPCs ({@code 10.0.0.0/16} to {@code 10.249.0.0/16}). */
  static final int MAX_VPCS = 250;

  private static final String[] ENVIRONMENTS = {"prod", "staging", "test", "dev"};
  private static final int[] PORTS = {22, 80, 443, 3306, 6379, 8080, 3389, 9000};

  private EstateGenerator() {}

  /**
   * How big an estate is.
   *
   * @param services the EAS services
   * @param vSwitches the vSwitches (at least 1, at most {@value #MAX_VPCS} × {@value #VSWITCHES_PER_VPC})
   * @param groups the security groups (at least one per VPC)
   * @param rulesPerGroup the rules of each security group (at least 4)
   */
  public record Size(int services, int vSwitches, int groups, int rulesPerGroup) {
    /** The reference estate of the lint benchmark: 10,000 services, 1,000 vSwitches, 2,000 groups of 50 rules. */
    public static final Size REFERENCE = new Size(10_000, 1_000, 2_000, 50);

    /** Checks each count. */
    public Size {
      if (services < 1) {
        throw new IllegalArgumentException("services must be at least 1, was " + services);
      }
      if (vSwitches < 1 || vSwitches > MAX_VPCS * VSWITCHES_PER_VPC) {
        throw new IllegalArgumentException("vSwitches must be 1 to " + MAX_VPCS * VSWITCHES_PER_VPC + " (at most "
            + VSWITCHES_PER_VPC + " per VPC in " + MAX_VPCS + " VPCs), was " + vSwitches);
      }
      int vpcs = vpcCount(vSwitches);
      if (groups < vpcs) {
        throw new IllegalArgumentException(
            "groups must be at least the number of VPCs (" + vpcs + " for " + vSwitches + " vSwitches), was "
                + groups);
      }
      if (rulesPerGroup < 4) {
        throw new IllegalArgumentException("rulesPerGroup must be at least 4, was " + rulesPerGroup);
      }
    }

    /**
     * The reference estate's proportions for {@code services} services: one vSwitch per 10 services, one group per
     * 5, 50 rules per group. Doubling the services doubles the whole estate, so a linear stage takes twice as long.
     */
    public static Size proportional(int services) {
      return new Size(services, Math.max(1, services / 10), Math.max(vpcCount(Math.max(1, services / 10)),
          services / 5), 50);
    }

    /** The number of VPCs holding the vSwitches. */
    public int vpcs() {
      return vpcCount(vSwitches);
    }

    private static int vpcCount(int vSwitches) {
      return (vSwitches + VSWITCHES_PER_VPC - 1) / VSWITCHES_PER_VPC;
    }
  }

  /**
   * A generated estate.
   *
   * @param inventory the network inventory
   * @param services the services with their intents, in generation order
   * @param snapshotJson the snapshot (inventory and service documents) as UTF-8 JSON, as {@link SnapshotJson} writes it
   */
  @SuppressWarnings("ArrayRecordComponent") // a benchmark input, read and never compared or hashed
  public record Estate(Inventory inventory, List<ServiceInput> services, byte[] snapshotJson) {
    /** The input of the rule catalogue: the inventory and every service. */
    public AnalysisInput analysisInput() {
      return AnalysisInput.builder().inventory(inventory).inventorySource("snapshot.json").addAllServices(services)
          .build();
    }
  }

  /** Generates the estate of {@code size} from {@code seed}. */
  public static Estate generate(Size size, long seed) {
    return new Generation(size, new SplittableRandom(seed)).run();
  }

  /** One generation: the indexes tie resources of a VPC together. */
  private static final class Generation {
    private final Size size;
    private final SplittableRandom random;
    private final int vpcs;
    private final Inventory.Builder inventory = Inventory.builder().regionId("cn-hangzhou");
    private final List<List<VSwitch>> vSwitchesByVpc = new ArrayList<>();
    private final List<List<String>> groupsByVpc = new ArrayList<>();
    private final List<List<String>> rdsByVpc = new ArrayList<>();
    private final List<List<String>> redisByVpc = new ArrayList<>();
    private final List<List<String>> ecsByVpc = new ArrayList<>();
    private final List<List<String>> resourceGroupsByVpc = new ArrayList<>();
    private final List<String> resourceGroupsWithoutDLink = new ArrayList<>();

    Generation(Size size, SplittableRandom random) {
      this.size = size;
      this.random = random;
      this.vpcs = size.vpcs();
      for (int k = 0; k < vpcs; k++) {
        vSwitchesByVpc.add(new ArrayList<>());
        groupsByVpc.add(new ArrayList<>());
        rdsByVpc.add(new ArrayList<>());
        redisByVpc.add(new ArrayList<>());
        ecsByVpc.add(new ArrayList<>());
        resourceGroupsByVpc.add(new ArrayList<>());
      }
    }

    Estate run() {
      for (int k = 0; k < vpcs; k++) {
        inventory.addVpc(Vpc.builder().id(vpcId(k)).name("vpc-" + k).regionId("cn-hangzhou")
            .cidrBlock(Cidr.ofIpv4(vpcBase(k), 16)).putTag("owner", "team-" + (k % 7)));
      }
      vSwitches();
      groups();
      for (int k = 0; k < vpcs; k++) {
        internet(k);
      }
      ecs(Math.max(1, size.services() / 10));
      rds(Math.max(1, size.services() / 20));
      redis(Math.max(1, size.services() / 40));
      resourceGroups(Math.max(1, size.services() / 50));
      List<ServiceInput> services = new ArrayList<>(size.services());
      for (int s = 0; s < size.services(); s++) {
        services.add(service(s));
      }
      Inventory inv = inventory.build();
      Snapshot.Builder snapshot = Snapshot.builder().inventory(inv);
      for (ServiceInput s : services) {
        snapshot.addService(ServiceDocument.from(s.spec()));
      }
      byte[] json = SnapshotJson.toJson(snapshot.build()).getBytes(StandardCharsets.UTF_8);
      return new Estate(inv, List.copyOf(services), json);
    }

    // ------------------------------------------------------------ VPC contents

    private void vSwitches() {
      for (int j = 0; j < size.vSwitches(); j++) {
        int k = j % vpcs;
        int l = j / vpcs;
        boolean small = l % 10 == 9;
        Cidr cidr = Cidr.ofIpv4(vpcBase(k) + ((long) l << 8), small ? 28 : 24);
        VSwitch.Builder b = VSwitch.builder().id(vSwitchId(k, l)).vpcId(vpcId(k)).name("vsw-" + k + "-" + l)
            .zoneId("cn-hangzhou-" + (char) ('g' + l % 4)).cidrBlock(cidr);
        if (l % 5 == 4) {
          b.routeTableId(customTableId(k));
        }
        if (l % 17 == 16 && !small) {
          b.addReservedCidrBlock(Cidr.ofIpv4(vpcBase(k) + ((long) l << 8) + 192, 26));
        }
        VSwitch probe = b.build();
        long usable = probe.usableIpCount();
        // mostly roomy; every 25th nearly exhausted, every 7th busy (pushes demand above 80 %)
        long free = l % 25 == 24 ? Math.min(usable, 3) : l % 7 == 6 ? usable / 5
            : usable / 2 + random.nextLong(usable / 2 + 1);
        VSwitch v = probe.toBuilder().availableIpAddressCount(free).build();
        vSwitchesByVpc.get(k).add(v);
        inventory.addVSwitch(v);
      }
    }

    private void groups() {
      for (int g = 0; g < size.groups(); g++) {
        groupsByVpc.get(g % vpcs).add(groupId(g));
      }
      for (int g = 0; g < size.groups(); g++) {
        int k = g % vpcs;
        boolean enterprise = g % 10 == 9;
        SecurityGroup.Builder b = SecurityGroup.builder().id(groupId(g)).vpcId(vpcId(k))
            .name(ENVIRONMENTS[g % 4] + "-sg-" + g)
            .type(enterprise ? SecurityGroupType.ENTERPRISE : SecurityGroupType.BASIC)
            .innerAccessPolicy(g % 13 == 12 ? Policy.DROP : Policy.ACCEPT);
        // the first rules give services what they usually need: HTTPS out and the databases of the VPC; a few
        // groups are open to the internet (SSH on every 20th, every port on every 50th); every 40th group is an
        // enterprise group with ingress rules only (EASNET-024)
        String vpcBlock = Cidr.ofIpv4(vpcBase(k), 16).toString();
        boolean ingressOnly = g % 40 == 39;
        Direction out = ingressOnly ? Direction.INGRESS : Direction.EGRESS;
        b.addRule(SecurityGroupRule.builder().direction(out).tcp(443)
            .peer(g % 11 == 10 ? "100.64.0.0/10" : "0.0.0.0/0").priority(1).description("https out"));
        b.addRule(SecurityGroupRule.builder().direction(out).protocol(Protocol.TCP).ports("3306/6379")
            .peer(vpcBlock).priority(5));
        b.addRule(SecurityGroupRule.ingress().tcp(g % 20 == 0 ? 22 : 8080)
            .peer(g % 20 == 0 ? "0.0.0.0/0" : vpcBlock).priority(10));
        b.addRule(SecurityGroupRule.ingress().protocol(Protocol.ALL).peer(g % 50 == 0 ? RulePeer.cidr("0.0.0.0/0")
            : RulePeer.group(groupsByVpc.get(k).get(random.nextInt(groupsByVpc.get(k).size())))).priority(20));
        for (int i = 4; i < size.rulesPerGroup(); i++) {
          SecurityGroupRule r = mixedRule(g, k, i);
          b.addRule(ingressOnly ? r.toBuilder().direction(Direction.INGRESS).build() : r);
        }
        inventory.addSecurityGroup(b);
      }
    }

    private SecurityGroupRule mixedRule(int g, int k, int i) {
      SecurityGroupRule.Builder r = SecurityGroupRule.builder()
          .direction(i % 2 == 0 ? Direction.INGRESS : Direction.EGRESS)
          .priority(1 + (i * 7 + g) % 100)
          .policy(i % 13 == 12 ? Policy.DROP : Policy.ACCEPT)
          .ruleId("sgr-" + g + "-" + i);
      switch (i % 5) {
        case 0, 1 -> r.protocol(Protocol.TCP).portRange(i % 3 == 0 ? PortRange.of(8000 + i, 8100 + i)
            : PortRange.single(PORTS[(i + g) % PORTS.length]));
        case 2 -> r.protocol(Protocol.UDP).portRange(PortRange.single(5000 + i));
        case 3 -> r.protocol(Protocol.ICMP);
        default -> r.protocol(Protocol.ALL);
      }
      if (i % 7 == 0) {
        List<String> same = groupsByVpc.get(k);
        r.peer(RulePeer.group(same.get(random.nextInt(same.size()))));
      } else if (i % 11 == 0) {
        r.peer(RulePeer.prefixList("pl-bench" + (i % 3)));
      } else if (i % 19 == 0) {
        r.peer(RulePeer.cidr("2408:4000:" + Integer.toHexString(i) + "::/48"));
      } else if (i % 5 == 4) {
        r.peer(RulePeer.cidr(Cidr.ofIpv4((192L << 24) + (168L << 16) + ((long) (i % 256) << 8), 24)));
      } else {
        r.peer(RulePeer.cidr(Cidr.ofIpv4(vpcBase(random.nextInt(vpcs)) + ((long) random.nextInt(256) << 8), 24)));
      }
      return r.build();
    }

    /** A NAT gateway with EIPs, SNAT entries and routes; VPCs {@code k mod 9 = 8} have no gateway. */
    private void internet(int k) {
      String system = "vtb-sys" + k;
      String custom = customTableId(k);
      boolean nat = k % 9 != 8;
      NatGatewayId natId = NatGatewayId.of("ngw-bench" + k);
      RouteTable.Builder sys = RouteTable.builder().id(system).vpcId(vpcId(k)).type(RouteTable.Type.SYSTEM)
          .addEntry(RouteEntry.builder().destination("100.64.0.0/10").nextHopType("Instance")
              .nextHopId(ecsId(k)).build());
      RouteTable.Builder cus = RouteTable.builder().id(custom).vpcId(vpcId(k)).type(RouteTable.Type.CUSTOM);
      if (nat) {
        sys.addEntry(RouteEntry.toNat("0.0.0.0/0", natId));
        if (k % 4 != 3) { // the custom table of every fourth VPC lacks the default route
          cus.addEntry(RouteEntry.toNat("0.0.0.0/0", natId));
        }
      }
      inventory.addRouteTable(sys);
      inventory.addRouteTable(cus);
      if (!nat) {
        return;
      }
      List<VSwitch> vSwitches = vSwitchesByVpc.get(k);
      String eipA = "eip-bench" + k + "a";
      String eipB = "eip-bench" + k + "b";
      String ipA = "47.96." + k + ".1";
      String ipB = "47.97." + k + ".1";
      inventory.addEip(Eip.builder().id(eipA).ipAddress(ipA).status("InUse").instanceId(natId.value())
          .instanceType("Nat"));
      inventory.addEip(Eip.builder().id(eipB).ipAddress(ipB).status("InUse").instanceId(natId.value())
          .instanceType("Nat"));
      String table = "stb-bench" + k;
      inventory.addNatGateway(NatGateway.builder().id(natId).vpcId(vpcId(k)).vSwitchId(vSwitches.get(0).id())
          .name("nat-" + k).addEipId(eipA).addEipId(eipB).addSnatTableId(table));
      for (int l = 0; l < vSwitches.size(); l++) {
        VSwitch v = vSwitches.get(l);
        if (l % 12 == 11) {
          continue; // no SNAT entry: services here cannot reach the internet
        }
        SnatEntry.Builder e = SnatEntry.builder().id("snat-bench" + k + "x" + l).snatTableId(table)
            .natGatewayId(natId).addSnatIp(l % 2 == 0 ? ipA : ipB).name("snat-" + k + "-" + l);
        if (l % 6 == 5) {
          e.sourceCidr(v.cidrBlock());
        } else {
          e.sourceVSwitchId(v.id());
        }
        inventory.addSnatEntry(e);
      }
    }

    private void ecs(int count) {
      for (int n = 0; n < count; n++) {
        int k = n % vpcs;
        VSwitch v = pick(vSwitchesByVpc.get(k), n / vpcs);
        List<String> groups = groupsByVpc.get(k);
        EcsInstance.Builder b = EcsInstance.builder().id(n < vpcs ? ecsId(k) : "i-bench" + n).vpcId(v.vpcId())
            .vSwitchId(v.id()).name("ecs-" + n).addPrivateIp(host(v, 10 + n / vpcs))
            .addSecurityGroupId(groups.get(n % groups.size())).putTag("env", ENVIRONMENTS[n % 4]);
        if (n % 3 == 0 && groups.size() > 1) {
          b.addSecurityGroupId(groups.get((n + 1) % groups.size()));
        }
        if (n % 10 == 0) {
          b.publicIp(IpAddress.parse("120.55." + (n / 256) % 256 + "." + n % 256));
        }
        EcsInstance i = b.build();
        ecsByVpc.get(k).add(i.id().value());
        inventory.addEcsInstance(i);
      }
    }

    private void rds(int count) {
      for (int n = 0; n < count; n++) {
        int k = n % vpcs;
        VSwitch v = pick(vSwitchesByVpc.get(k), n / vpcs + 3);
        String id = "rm-bench" + n;
        RdsInstance.Builder b = RdsInstance.builder().id(id).name("db-" + n).vpcId(v.vpcId()).vSwitchId(v.id())
            .privateIp(host(v, 5)).port(3306).addAllowlist(allowlist("default", k, n))
            .addSecurityGroupId(pick(groupsByVpc.get(k), n));
        if (n % 4 == 0) {
          b.addAllowlist(AllowlistGroup.builder().name("ali_dms_group").addEntry("100.104.0.0/16").hidden(true));
        }
        rdsByVpc.get(k).add(id);
        inventory.addRdsInstance(b);
      }
    }

    private void redis(int count) {
      for (int n = 0; n < count; n++) {
        int k = n % vpcs;
        VSwitch v = pick(vSwitchesByVpc.get(k), n / vpcs + 7);
        String id = "r-bench" + n;
        inventory.addRedisInstance(RedisInstance.builder().id(id).name("cache-" + n).vpcId(v.vpcId())
            .vSwitchId(v.id()).privateIp(host(v, 6)).port(6379).addAllowlist(allowlist("default", k, n + 1))
            .addSecurityGroupId(pick(groupsByVpc.get(k), n + 1)));
        redisByVpc.get(k).add(id);
      }
    }

    /**
     * An allowlist of EAS vSwitch CIDRs of VPC {@code k}, and on some instances a single EAS address (EASNET-015),
     * {@code 0.0.0.0/0} (EASNET-016) or a NAT EIP.
     */
    private AllowlistGroup.Builder allowlist(String name, int k, int n) {
      List<VSwitch> vs = vSwitchesByVpc.get(k);
      AllowlistGroup.Builder a = AllowlistGroup.builder().name(name);
      int entries = 4 + n % 8;
      for (int e = 0; e < entries; e++) {
        a.addEntry(pick(vs, n * 3 + e * 11).cidrBlock());
      }
      if (n % 5 == 0) {
        a.addEntry(Cidr.parse(host(pick(vs, n + 1), 20 + n % 5)));
      }
      if (n % 23 == 0) {
        a.addEntry(Cidr.ANY_IPV4);
      }
      if (n % 3 == 0) {
        a.addEntry(Cidr.parse("47.96." + k + ".1"));
      }
      return a;
    }

    private void resourceGroups(int count) {
      for (int n = 0; n < count; n++) {
        String id = "eas-r-bench" + n;
        ResourceGroup.Builder b = ResourceGroup.builder().id(id).name("rg-" + n);
        if (n % 5 == 4) {
          resourceGroupsWithoutDLink.add(id);
          inventory.addResourceGroup(b);
          continue;
        }
        int k = n % vpcs;
        List<VSwitch> vs = vSwitchesByVpc.get(k);
        DLink.Builder d = DLink.builder().vSwitchId(pick(vs, n).id()).securityGroupId(pick(groupsByVpc.get(k), n));
        if (n % 2 == 0) {
          d.vpcId(vpcId(k));
        }
        if (n % 3 == 0 && vs.size() > 1) {
          d.addAuxVSwitchId(pick(vs, n + 1).id());
        }
        if (n % 11 == 0 && vpcs > 1) {
          d.addAuxVSwitchId(pick(vSwitchesByVpc.get((k + 1) % vpcs), n).id()); // EASNET-026
        }
        if (n % 4 == 1) {
          d.addDestinationCidr("172.16." + n % 256 + ".0/24");
        }
        inventory.addResourceGroup(b.dlink(d));
        resourceGroupsByVpc.get(k).add(id);
      }
    }

    // ------------------------------------------------------------ services

    /**
     * Service {@code s}: even ones set a complete {@code cloud.networking} (every eighth of them also in a resource
     * group with a connection, which it shadows); odd ones run in a resource group ({@code s mod 4 = 1}, a partial
     * block on every 50th) or nowhere in a VPC ({@code s mod 4 = 3}). A third wants internet egress, two fifths
     * reach private targets of their VPC.
     */
    private ServiceInput service(int s) {
      String environment = ENVIRONMENTS[s % 4];
      String name = environment + "_svc_" + s;
      int k = random.nextInt(vpcs);
      int instances = 1 + random.nextInt(8);
      ServiceSpec.Builder spec = ServiceSpec.builder().name(name).instanceCount(instances)
          .workspaceId("ws-" + s % 17).cpu(2 + s % 7).memoryMb(4096 * (1 + s % 4));
      if (s % 3 == 0) {
        spec.autoscaler(Autoscaler.of(1, instances + random.nextInt(20)));
      }
      if (s % 4 == 0) {
        spec.rollingStrategy(RollingStrategy.builder().maxSurge(s % 8 == 0 ? "2" : "25%").build());
      }
      spec.addInstanceType(s % 5 == 0 ? "ecs.gn6i-c4g1.xlarge" : "ecs.c7.large");
      spec.addContainer(Container.builder()
          .image(s % 9 == 0 ? "docker.io/library/python:3.11"
              : "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/serve:" + s % 5)
          .command("python app.py").port(8000).build());
      if (s % 6 == 0) {
        spec.addStorage(StorageMount.builder().mountPath("/models").ossPath("oss://bench-models/" + s + "/")
            .ossEndpoint(s % 12 == 0 ? "oss-cn-hangzhou.aliyuncs.com" : "oss-cn-hangzhou-internal.aliyuncs.com")
            .build());
      }
      if (s % 2 == 0) {
        VSwitch v = pick(vSwitchesByVpc.get(k), random.nextInt(VSWITCHES_PER_VPC));
        spec.networking(ServiceNetworking.builder().vpcId(v.vpcId()).vSwitchId(v.id())
            .securityGroupId(pick(groupsByVpc.get(k), random.nextInt(1 << 20))));
        if (s % 16 == 0 && !resourceGroupsByVpc.get(k).isEmpty()) {
          spec.resourceGroupId(pick(resourceGroupsByVpc.get(k), s));
        }
      } else if (s % 4 == 1) {
        if (resourceGroupsByVpc.get(k).isEmpty()) {
          k = firstVpcWithResourceGroup();
        }
        if (k >= 0) {
          spec.resourceGroupId(pick(resourceGroupsByVpc.get(k), s));
          if (s % 50 == 1) {
            spec.networking(ServiceNetworking.builder().vpcId(vpcId(k))); // partial: EASNET-003
          }
        }
      } else if (s % 20 == 7 && !resourceGroupsWithoutDLink.isEmpty()) {
        spec.resourceGroupId(pick(resourceGroupsWithoutDLink, s));
      }
      ServiceInput.Builder in = ServiceInput.builder().spec(spec.build()).sourceName("services/" + name + ".json")
          .wantsInternetEgress(s % 3 == 0).environment(environment);
      if (k >= 0 && s % 5 < 2) {
        int target = k;
        if (s % 41 == 0 && vpcs > 1) {
          target = (k + 1) % vpcs; // EASNET-028: a target in another VPC
        }
        if (!rdsByVpc.get(target).isEmpty()) {
          in.addPrivateTarget(Target.rds(RdsInstanceId.of(pick(rdsByVpc.get(target), s))));
        }
        if (s % 2 == 0 && !redisByVpc.get(target).isEmpty()) {
          in.addPrivateTarget(Target.redis(RedisInstanceId.of(pick(redisByVpc.get(target), s))));
        }
        if (s % 3 == 0 && !ecsByVpc.get(target).isEmpty()) {
          in.addPrivateTarget(Target.ecs(EcsInstanceId.of(pick(ecsByVpc.get(target), s)), 8080));
        }
        if (s % 97 == 0) {
          in.addPrivateTarget(Target.rds(RdsInstanceId.of("rm-benchmissing" + s))); // EASNET-027
        }
      }
      return in.build();
    }

    private int firstVpcWithResourceGroup() {
      for (int k = 0; k < vpcs; k++) {
        if (!resourceGroupsByVpc.get(k).isEmpty()) {
          return k;
        }
      }
      return -1;
    }

    // ------------------------------------------------------------ ids and addresses

    private static long vpcBase(int k) {
      return (10L << 24) + ((long) k << 16);
    }

    private static String vpcId(int k) {
      return "vpc-bench" + k;
    }

    private static String vSwitchId(int k, int l) {
      return "vsw-bench" + k + "x" + l;
    }

    private static String groupId(int g) {
      return "sg-bench" + g;
    }

    private static String customTableId(int k) {
      return "vtb-custom" + k;
    }

    /** The first ECS instance of VPC {@code k}, the next hop of its system table's carrier route. */
    private static String ecsId(int k) {
      return "i-bench" + k;
    }

    /** The address {@code offset} inside {@code v}, kept clear of the reserved first and last addresses. */
    private static String host(VSwitch v, int offset) {
      long first = v.cidrBlock().firstIpv4();
      long span = v.cidrBlock().lastIpv4() - first - 4;
      long a = first + 1 + Math.floorMod(offset, span);
      return String.format(Locale.ROOT, "%d.%d.%d.%d", a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255);
    }

    private static <T> T pick(List<T> values, int index) {
      return values.get(Math.floorMod(index, values.size()));
    }
  }
}
