package io.easnet.core.json;

import io.easnet.core.internal.json.Cursor;
import io.easnet.core.internal.json.SnapshotLayout;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The references between resources of a snapshot that a capture of the cloud always resolves, checked after every
 * resource has been read: a reference the cloud cannot produce is a read error at its JSON pointer, with the fix.
 *
 * <p>A snapshot is captured per VPC or per region ({@code eas-net snapshot}): every vSwitch, security group, NAT
 * gateway, route table, ECS, RDS and Redis instance is listed inside its VPC, SNAT entries and EIPs are read per NAT
 * gateway, so each of these names a resource the same capture holds, in the same VPC. The cloud also refuses the
 * contradictions: a security group rule's peer group in another VPC ({@code InvalidSourceGroupId.Mismatch}), an
 * instance joining a group of another VPC ({@code InvalidInstanceId.Mismatch}), deleting a group another group's rule
 * names ({@code DependencyViolation}), and {@code -1/-1} as the ports of a TCP or UDP rule ({@code OperationDenied}:
 * TCP and UDP take {@code 1..65535}, every port is {@code 1/65535}). Sources: {@code docs/snapshot-references.md}.
 *
 * <p>Not checked here, because the cloud can hold them: a resource group's VPC direct connection (an EAS setting,
 * read for the whole region, that may name a vSwitch or group of another VPC, or one deleted since: the analysis
 * reports the missing fact), the security groups bound to an RDS or Redis instance, a route's next hop, an SNAT
 * address that is not an EIP of the gateway (EASNET-046), and whatever a service file names (findings of the rule
 * catalogue).
 */
final class SnapshotReferences {
  private static final String RECAPTURE = " or capture the snapshot again (eas-net snapshot).";

  private final Cursor root;
  private final Inventory inv;

  private SnapshotReferences(Cursor root, Inventory inv) {
    this.root = root;
    this.inv = inv;
  }

  /**
   * Checks every reference of {@code inv}, read from the document at {@code root} (lists in document order).
   *
   * @throws io.easnet.core.InvalidInputException at the first reference the cloud cannot produce
   */
  static void check(Cursor root, Inventory inv) {
    SnapshotReferences r = new SnapshotReferences(root, inv);
    r.routeTables(); // before the vSwitches that name them: the first error is the table's own
    r.vSwitches();
    r.groups();
    r.natGateways();
    r.eips();
    r.snatEntries();
    r.ecsInstances();
    r.databases(SnapshotLayout.RDS_INSTANCES, "RDS instance",
        inv.rdsInstances().stream().map(i -> new Db(i.id().value(), i.vpcId(), i.vSwitchId())).toList());
    r.databases(SnapshotLayout.REDIS_INSTANCES, "Redis instance",
        inv.redisInstances().stream().map(i -> new Db(i.id().value(), i.vpcId(), i.vSwitchId())).toList());
  }

  private List<Cursor> at(String key) {
    return root.elements(key);
  }

  private void vSwitches() {
    List<Cursor> at = at(SnapshotLayout.VSWITCHES);
    for (int i = 0; i < at.size(); i++) {
      VSwitch v = inv.vSwitches().get(i);
      Cursor c = at.get(i);
      vpc(c.get("vpcId"), "vSwitch " + v.id(), v.vpcId());
      if (v.routeTableId().isPresent()) {
        Cursor t = c.get("routeTableId");
        Optional<RouteTable> table = inv.routeTable(v.routeTableId().get());
        if (table.isEmpty()) {
          throw missing(t, "vSwitch " + v.id(), "route table " + v.routeTableId().get(),
              "route tables are listed per VPC (DescribeRouteTableList), so a capture holds the vSwitch's table",
              "add the route table to \"routeTables\", or remove \"routeTableId\",");
        }
        sameVpc(t, "vSwitch " + v.id(), v.vpcId(), "route table " + table.get().id(), table.get().vpcId(),
            "a route table is bound to vSwitches of its own VPC only");
      }
    }
  }

  private void groups() {
    List<Cursor> at = at(SnapshotLayout.SECURITY_GROUPS);
    for (int i = 0; i < at.size(); i++) {
      SecurityGroup g = inv.securityGroups().get(i);
      Cursor c = at.get(i);
      vpc(c.get("vpcId"), "security group " + g.id(), g.vpcId());
      List<Cursor> rules = c.elements("rules");
      for (int k = 0; k < rules.size(); k++) {
        rule(rules.get(k), g, g.rules().get(k));
      }
    }
  }

  private void rule(Cursor c, SecurityGroup g, SecurityGroupRule rule) {
    if (rule.protocol().hasPorts() && rule.portRange().isAll()) {
      String protocol = rule.protocol().name().toLowerCase(Locale.ROOT);
      throw c.get("portRange").error("a " + protocol + " rule with portRange -1/-1: the ECS API takes -1/-1 only for"
              + " ICMP, GRE and ALL, and refuses it for TCP and UDP (OperationDenied), whose ports are 1 to 65535.",
          "write \"1/65535\" for every " + protocol + " port, or the range the cloud reports (DescribeSecurityGroup"
              + "Attribute).");
    }
    if (rule.peer() instanceof io.easnet.core.model.SecurityGroupRule.RulePeer.GroupPeer peer) {
      SecurityGroupId id = peer.groupId();
      Cursor p = c.get("peerGroupId");
      Optional<SecurityGroup> other = inv.securityGroup(id);
      if (other.isEmpty()) {
        throw missing(p, "a rule of security group " + g.id(), "peer group " + id,
            "a VPC group's rules name groups of the same VPC only, and the cloud refuses to delete a group that"
                + " another group's rule names (DependencyViolation)",
            "add the group to \"securityGroups\", or remove the rule,");
      }
      sameVpc(p, "security group " + g.id(), g.vpcId(), "peer group " + id, other.get().vpcId(),
          "the cloud refuses a peer group of another VPC (InvalidSourceGroupId.Mismatch)");
    }
  }

  private void natGateways() {
    List<Cursor> at = at(SnapshotLayout.NAT_GATEWAYS);
    for (int i = 0; i < at.size(); i++) {
      NatGateway n = inv.natGateways().get(i);
      Cursor c = at.get(i);
      String self = "NAT gateway " + n.id();
      vpc(c.get("vpcId"), self, n.vpcId());
      if (n.vSwitchId().isPresent()) {
        vSwitchInVpc(c.get("vSwitchId"), self, n.vSwitchId().get(), n.vpcId());
      }
      List<Cursor> eips = c.elements("eipIds");
      for (int k = 0; k < eips.size(); k++) {
        // a Terraform plan's stand-in (docs/terraform.md): the EIP exists after apply, its address is not known yet
        if (inv.eip(n.eipIds().get(k)).isEmpty() && !n.eipIds().get(k).isKnownAfterApply()) {
          throw missing(eips.get(k), self, "EIP " + n.eipIds().get(k),
              "the EIPs bound to a NAT gateway are read with it (DescribeEipAddresses), so a capture holds them",
              "add the EIP to \"eips\" (its id and ipAddress), or remove it from \"eipIds\",");
        }
      }
    }
  }

  /** An EIP bound to a NAT gateway (the capture reads EIPs per gateway) is one of that gateway's {@code eipIds}. */
  private void eips() {
    List<Cursor> at = at(SnapshotLayout.EIPS);
    for (int i = 0; i < at.size(); i++) {
      Eip e = inv.eips().get(i);
      Optional<String> owner = e.instanceId().filter(id -> id.startsWith("ngw-")
          || e.instanceType().map(t -> t.equalsIgnoreCase("Nat")).orElse(false));
      if (owner.isEmpty()) {
        continue;
      }
      Cursor c = at.get(i).get("instanceId");
      Optional<NatGateway> nat = inv.natGateways().stream().filter(n -> n.id().value().equals(owner.get()))
          .findFirst();
      if (nat.isEmpty()) {
        throw missing(c, "EIP " + e.id(), "NAT gateway " + owner.get() + " as the instance it is bound to",
            "EIPs are read per NAT gateway (DescribeEipAddresses), so a capture holds the gateway",
            "add the NAT gateway to \"natGateways\", or remove \"instanceId\",");
      }
      if (!nat.get().eipIds().contains(e.id())) {
        throw c.error("EIP " + e.id() + " is bound to NAT gateway " + owner.get() + ", whose eipIds "
                + nat.get().eipIds() + " do not list it; the gateway's IpLists and the EIP's binding are one fact.",
            "add " + e.id() + " to the gateway's \"eipIds\", or remove \"instanceId\"," + RECAPTURE);
      }
    }
  }

  private void snatEntries() {
    List<Cursor> at = at(SnapshotLayout.SNAT_ENTRIES);
    for (int i = 0; i < at.size(); i++) {
      SnatEntry e = inv.snatEntries().get(i);
      Cursor c = at.get(i);
      String self = "SNAT entry " + e.id();
      Optional<NatGateway> nat = inv.natGateway(e.natGatewayId());
      if (nat.isEmpty()) {
        throw missing(c.get("natGatewayId"), self, "NAT gateway " + e.natGatewayId(),
            "SNAT entries are read per NAT gateway (DescribeSnatTableEntries), so a capture holds the gateway",
            "add the NAT gateway to \"natGateways\", or correct \"natGatewayId\",");
      }
      if (!nat.get().snatTableIds().contains(e.snatTableId())) {
        String owner = inv.natGateways().stream().filter(n -> n.snatTableIds().contains(e.snatTableId()))
            .map(n -> " (it is NAT gateway " + n.id() + "'s)").findFirst().orElse("");
        throw c.get("snatTableId").error(self + " is in SNAT table " + e.snatTableId() + owner + ", which is not a"
                + " table of its NAT gateway " + e.natGatewayId() + " (snatTableIds " + nat.get().snatTableIds()
                + "); a SNAT table belongs to one NAT gateway and holds only that gateway's entries.",
            "use a table in " + e.natGatewayId() + "'s \"snatTableIds\", or correct \"natGatewayId\"," + RECAPTURE);
      }
      if (e.sourceVSwitchId().isPresent()) {
        vSwitchInVpc(c.get("sourceVSwitchId"), self, e.sourceVSwitchId().get(), nat.get().vpcId());
      }
    }
  }

  private void routeTables() {
    List<Cursor> at = at(SnapshotLayout.ROUTE_TABLES);
    for (int i = 0; i < at.size(); i++) {
      RouteTable t = inv.routeTables().get(i);
      vpc(at.get(i).get("vpcId"), "route table " + t.id(), t.vpcId());
    }
  }

  private void ecsInstances() {
    List<Cursor> at = at(SnapshotLayout.ECS_INSTANCES);
    for (int i = 0; i < at.size(); i++) {
      EcsInstance e = inv.ecsInstances().get(i);
      Cursor c = at.get(i);
      String self = "ECS instance " + e.id();
      vpc(c.get("vpcId"), self, e.vpcId());
      vSwitchInVpc(c.get("vSwitchId"), self, e.vSwitchId(), e.vpcId());
      List<Cursor> groups = c.elements("securityGroupIds");
      for (int k = 0; k < groups.size(); k++) {
        SecurityGroupId id = e.securityGroupIds().get(k);
        Optional<SecurityGroup> g = inv.securityGroup(id);
        if (g.isEmpty()) {
          throw missing(groups.get(k), self, "security group " + id,
              "an instance joins groups of its own VPC only, and a capture lists every group of the VPC",
              "add the group to \"securityGroups\", or remove it from \"securityGroupIds\",");
        }
        sameVpc(groups.get(k), self, e.vpcId(), "security group " + id, g.get().vpcId(),
            "the cloud refuses to put an instance in a group of another VPC (InvalidInstanceId.Mismatch)");
      }
    }
  }

  private record Db(String id, Optional<VpcId> vpcId, Optional<VSwitchId> vSwitchId) {}

  private void databases(String key, String kind, List<Db> dbs) {
    List<Cursor> at = at(key);
    for (int i = 0; i < at.size(); i++) {
      Db d = dbs.get(i);
      Cursor c = at.get(i);
      String self = kind + " " + d.id();
      if (d.vpcId().isPresent()) {
        vpc(c.get("vpcId"), self, d.vpcId().get());
      }
      if (d.vSwitchId().isPresent()) {
        Cursor s = c.get("vSwitchId");
        if (d.vpcId().isPresent()) {
          vSwitchInVpc(s, self, d.vSwitchId().get(), d.vpcId().get());
        } else if (inv.vSwitch(d.vSwitchId().get()).isEmpty()) {
          throw missing(s, self, "vSwitch " + d.vSwitchId().get(),
              "instances are listed per VPC, so a capture holds the vSwitches they are in",
              "add the vSwitch to \"vSwitches\", or remove \"vSwitchId\",");
        }
      }
    }
  }

  private void vpc(Cursor at, String self, VpcId id) {
    if (inv.vpc(id).isEmpty()) {
      throw missing(at, self, "VPC " + id, "the cloud lists every resource inside its VPC, so a capture holds the VPC"
          + " of each", "add the VPC to \"vpcs\" (its id and cidrBlock), or correct the id,");
    }
  }

  private void vSwitchInVpc(Cursor at, String self, VSwitchId id, VpcId vpc) {
    Optional<VSwitch> v = inv.vSwitch(id);
    if (v.isEmpty()) {
      throw missing(at, self, "vSwitch " + id, "a capture lists every vSwitch of the VPC (DescribeVSwitches)",
          "add the vSwitch to \"vSwitches\", or correct the id,");
    }
    sameVpc(at, self, vpc, "vSwitch " + id, v.get().vpcId(), "a resource of a VPC uses vSwitches of that VPC only");
  }

  private static void sameVpc(Cursor at, String self, VpcId mine, String other, VpcId theirs, String why) {
    if (!mine.equals(theirs)) {
      throw at.error(self + " is in VPC " + mine + " but names " + other + " of VPC " + theirs + "; " + why + ".",
          "correct the id or the VPC," + RECAPTURE);
    }
  }

  private static io.easnet.core.InvalidInputException missing(Cursor at, String self, String what, String why,
      String fix) {
    return at.error(self + " names " + what + ", which is not in the snapshot; " + why + ".", fix + RECAPTURE);
  }
}
