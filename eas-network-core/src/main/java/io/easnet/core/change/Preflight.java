package io.easnet.core.change;

import io.easnet.core.change.Change.Refs;
import io.easnet.core.CloudServiceException;
import io.easnet.core.internal.Printable;
import io.easnet.core.model.Eip;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What every change checks against the estate before the run's first write ({@link Change#checkBeforeWrites}), on a
 * dry run and on an apply alike: the ids it names exist, the references agree (a SNAT table is its gateway's, a
 * vSwitch lies in the gateway's VPC, an EIP is free or already the gateway's), so that a plan that does not fit the
 * estate stops before anything is written, and a dry run fails exactly where the apply would (docs/changes.md,
 * "Validation before the first write"). A check also records the facts the change depends on
 * ({@link Change.Execution#fact}): what the plan records and an apply compares with the estate the plan was made from.
 */
final class Preflight {
  /** Rules per security group (docs/plan-safety.md, "Quotas"; docs/wire.md §4.3). */
  static final int RULES_PER_SECURITY_GROUP = 200;
  /** Allowlist entries per RDS or Redis instance, all groups together (docs/plan-safety.md; docs/wire.md §5). */
  static final int ALLOWLIST_ENTRIES_PER_INSTANCE = 1000;
  /** SNAT entries per NAT gateway, the default quota (docs/plan-safety.md, "Quotas"). */
  static final int SNAT_ENTRIES_PER_NAT_GATEWAY = 40;
  /** Custom route entries per route table, the default quota (docs/plan-safety.md, "Quotas"). */
  static final int CUSTOM_ROUTE_ENTRIES_PER_TABLE = 200;
  /** EIPs per internet NAT gateway (docs/plan-safety.md, "Quotas"). */
  static final int EIPS_PER_NAT_GATEWAY = 20;

  private Preflight() {}

  /**
   * Fails the check when the {@code kind} {@code id} would hold more than {@code limit} {@code items} once this change
   * and the plan's earlier changes on it are made: {@code now} it holds, {@code adding} the plan adds up to and
   * including this change. The message names the resource, the limit, the count and {@code fix}.
   */
  static void quota(String kind, String id, String items, int now, int adding, int limit, String fix) {
    int total = now + adding;
    require(total <= limit, "QuotaExceeded", kind + " " + Printable.escape(id) + " would hold " + total + " " + items
        + " (" + now + " now, " + adding + " added by this plan up to this change), over the limit of " + limit
        + " " + items + " per " + kind + ": " + fix);
  }

  /** Fails the check with {@code message} unless {@code ok}. */
  static void require(boolean ok, String code, String message) {
    if (!ok) {
      throw new Change.Misfit(message, code);
    }
  }

  /**
   * Reads one resource through the port; a {@code NOT_FOUND} answer is a misfit saying that {@code what} (e.g.
   * "source vSwitch vsw-1") does not exist in the estate.
   */
  static <T> T existing(Change.Execution<?> x, Supplier<T> read, String what) {
    try {
      return x.call(read);
    } catch (CloudServiceException e) {
      if (e.kind() == CloudServiceException.Kind.NOT_FOUND) {
        throw new Change.Misfit(Printable.escape(what) + " does not exist in the estate (" + e.action() + ": "
            + e.code() + ")", "NotFound");
      }
      throw e;
    }
  }

  /** The earlier change of the plan that {@code ref} names, when it is one of kind {@code type}. */
  static <T extends Change> Optional<T> creator(Change.Execution<?> x, String ref, Class<T> type) {
    Optional<String> change = Refs.changeOf(ref);
    if (change.isEmpty()) {
      return Optional.empty();
    }
    return x.earlier(change.get()).filter(type::isInstance).map(type::cast);
  }

  /** The earlier changes of the plan (in order). */
  static List<Change> earlier(Change.Execution<?> x) {
    return x.earlierActions();
  }

  /** The vSwitch {@code id} ({@code role} says which, e.g. "source vSwitch"); records its VPC and block. */
  static VSwitch vSwitch(Change.Execution<?> x, String id, String role) {
    VSwitch v = existing(x, () -> x.port().vpc().describeVSwitch(VSwitchId.of(id)), role + " " + id);
    x.fact("vSwitch " + id, "vpc=" + v.vpcId() + " cidr=" + v.cidrBlock());
    return v;
  }

  /** The VPC {@code id}; records its block. */
  static Vpc vpc(Change.Execution<?> x, String id) {
    Vpc v = existing(x, () -> x.port().vpc().describeVpc(VpcId.of(id)), "VPC " + id);
    x.fact("VPC " + id, "cidr=" + v.cidrBlock());
    return v;
  }

  /** The NAT gateway {@code id}; records its VPC and SNAT tables. */
  static NatGateway natGateway(Change.Execution<?> x, String id) {
    NatGateway g = existing(x, () -> x.port().vpc().describeNatGateway(NatGatewayId.of(id)), "NAT gateway " + id);
    x.fact("NAT gateway " + id, "vpc=" + g.vpcId() + " snatTables=" + g.snatTableIds().stream()
        .map(SnatTableId::value).sorted().collect(Collectors.joining(",")));
    return g;
  }

  /** The EIP {@code id} of the account; records its address. */
  static Eip eip(Change.Execution<?> x, String id) {
    EipAllocationId want = EipAllocationId.of(id);
    Eip e = x.call(() -> x.port().vpc().describeEips()).stream().filter(i -> i.id().equals(want)).findFirst()
        .orElseThrow(() -> new Change.Misfit("EIP " + Printable.escape(id) + " does not exist in the estate"
            + " (DescribeEipAddresses lists no such allocation)", "NotFound"));
    x.fact("EIP " + id, "ip=" + e.ipAddress());
    return e;
  }

  /** The security group {@code id}; records its VPC. */
  static SecurityGroup securityGroup(Change.Execution<?> x, String id) {
    SecurityGroup g = existing(x, () -> x.port().ecs().describeSecurityGroup(SecurityGroupId.of(id)),
        "security group " + id);
    x.fact("security group " + id, "vpc=" + g.vpcId());
    return g;
  }

  /** The route table {@code id} of VPC {@code vpc}; records that it is the VPC's. */
  static RouteTable routeTable(Change.Execution<?> x, String vpc, String id) {
    vpc(x, vpc);
    RouteTableId want = RouteTableId.of(id);
    RouteTable t = x.call(() -> x.port().vpc().describeRouteTables(VpcId.of(vpc))).stream()
        .filter(r -> r.id().equals(want)).findFirst().orElseThrow(() -> new Change.Misfit("route table "
            + Printable.escape(id) + " is not a route table of VPC " + Printable.escape(vpc)
            + " (DescribeRouteTableList of the VPC lists no such table)", "NotFound"));
    x.fact("route table " + id, "vpc=" + t.vpcId());
    return t;
  }

  /**
   * The VPC of NAT gateway {@code nat} (a literal or a reference to an earlier {@code CreateNatGateway}); empty when
   * it is a reference to something else (the plan's parser refuses that).
   */
  static Optional<String> vpcOfGateway(Change.Execution<?> x, String nat) {
    if (!Refs.isRef(nat)) {
      return Optional.of(natGateway(x, nat).vpcId().value());
    }
    return creator(x, nat, CreateNatGateway.class).map(c -> c.vpcId().value());
  }
}
