package io.easnet.testkit.assertions;

import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an {@link Inventory}. */
public final class InventoryAssert extends AbstractAssert<InventoryAssert, Inventory> {
  InventoryAssert(Inventory actual) {
    super(actual, InventoryAssert.class);
  }

  /**
   * The inventory with every list sorted by id, so that two inventories compare regardless of the order their
   * resources were read or written in (a live read and its snapshot file, a fake and a load of it).
   */
  public static Inventory sortedById(Inventory inventory) {
    Inventory.Builder b = Inventory.builder();
    inventory.regionId().ifPresent(b::regionId);
    return b.addAllVpcs(sorted(inventory.vpcs(), v -> v.id().value()))
        .addAllVSwitches(sorted(inventory.vSwitches(), v -> v.id().value()))
        .addAllSecurityGroups(sorted(inventory.securityGroups(), v -> v.id().value()))
        .addAllNatGateways(sorted(inventory.natGateways(), v -> v.id().value()))
        .addAllSnatEntries(sorted(inventory.snatEntries(), v -> v.id().value()))
        .addAllEips(sorted(inventory.eips(), v -> v.id().value()))
        .addAllRouteTables(sorted(inventory.routeTables(), v -> v.id().value()))
        .addAllEcsInstances(sorted(inventory.ecsInstances(), v -> v.id().value()))
        .addAllRdsInstances(sorted(inventory.rdsInstances(), v -> v.id().value()))
        .addAllRedisInstances(sorted(inventory.redisInstances(), v -> v.id().value()))
        .addAllResourceGroups(sorted(inventory.resourceGroups(), v -> v.id().value()))
        .build();
  }

  private static <T> List<T> sorted(List<T> list, Function<T, String> key) {
    return list.stream().sorted(Comparator.comparing(key)).toList();
  }

  /** Every reference resolves and every Alibaba invariant holds; the failure lists all problems. */
  public InventoryAssert isConsistent() {
    isNotNull();
    List<String> problems = Consistency.problems(actual);
    if (!problems.isEmpty()) {
      failWithMessage("Expected a consistent inventory, but found %d problem(s):%n  - %s", problems.size(),
          String.join(System.lineSeparator() + "  - ", problems));
    }
    return this;
  }

  /** The inventory holds this VPC. */
  public InventoryAssert hasVpc(VpcId id) {
    isNotNull();
    if (actual.vpc(id).isEmpty()) {
      failWithMessage("Expected VPC %s in the inventory, but it holds %s", id,
          actual.vpcs().stream().map(v -> v.id().value()).toList());
    }
    return this;
  }

  /** The inventory holds this vSwitch. */
  public InventoryAssert hasVSwitch(VSwitchId id) {
    vSwitch(id);
    return this;
  }

  /** The vSwitch has exactly this many free addresses. */
  public InventoryAssert hasFreeAddresses(VSwitchId id, long expected) {
    VSwitch v = vSwitch(id);
    if (v.availableIpAddressCount() != expected) {
      failWithMessage("Expected vSwitch %s to have %d free addresses, but it has %d (of %d usable)", id, expected,
          v.availableIpAddressCount(), v.usableIpCount());
    }
    return this;
  }

  /** The group holds a rule that is {@link SecurityGroupRule#sameRuleAs the same rule} as {@code rule}. */
  public InventoryAssert hasRule(SecurityGroupId group, SecurityGroupRule rule) {
    SecurityGroup g = group(group);
    if (g.rules().stream().noneMatch(r -> r.sameRuleAs(rule))) {
      failWithMessage("Expected security group %s to hold the rule%n  %s%nbut its rules are%n  %s", group,
          describe(rule), String.join(System.lineSeparator() + "  ", g.rules().stream().map(InventoryAssert::describe)
              .toList()));
    }
    return this;
  }

  /** The group holds no rule that is the same rule as {@code rule}. */
  public InventoryAssert hasNoRule(SecurityGroupId group, SecurityGroupRule rule) {
    SecurityGroup g = group(group);
    if (g.rules().stream().anyMatch(r -> r.sameRuleAs(rule))) {
      failWithMessage("Expected security group %s not to hold the rule %s", group, describe(rule));
    }
    return this;
  }

  /** No group holds two rules that are the same rule. */
  public InventoryAssert hasNoDuplicateRules() {
    isNotNull();
    List<String> dups = Consistency.duplicateRules(actual);
    if (!dups.isEmpty()) {
      failWithMessage("Expected no duplicate rules, but found:%n  - %s", String.join(System.lineSeparator() + "  - ",
          dups));
    }
    return this;
  }

  /** Some allowlist group of the RDS or Redis instance with this id admits every address of {@code source}. */
  public InventoryAssert admits(String targetId, Cidr source) {
    AllowlistTarget t = target(targetId);
    if (!t.admits(source)) {
      failWithMessage("Expected %s's allowlists to admit %s, but they are %s", targetId, source,
          t.allowlists().stream().map(g -> g.name() + "=" + g.entries()).toList());
    }
    return this;
  }

  /** No allowlist group of the RDS or Redis instance admits all of {@code source}. */
  public InventoryAssert doesNotAdmit(String targetId, Cidr source) {
    AllowlistTarget t = target(targetId);
    if (t.admits(source)) {
      failWithMessage("Expected %s's allowlists not to admit %s, but they are %s", targetId, source,
          t.allowlists().stream().map(g -> g.name() + "=" + g.entries()).toList());
    }
    return this;
  }

  /** Some SNAT entry names this vSwitch as its source. */
  public InventoryAssert hasSnatEntryFor(VSwitchId vSwitch) {
    isNotNull();
    if (actual.snatEntries().stream().noneMatch(e -> e.sourceVSwitchId().equals(Optional.of(vSwitch)))) {
      failWithMessage("Expected a SNAT entry for vSwitch %s, but the entries' sources are %s", vSwitch,
          actual.snatEntries().stream().map(e -> e.sourceVSwitchId().map(Object::toString)
              .orElseGet(() -> e.sourceCidr().map(Object::toString).orElse("?"))).toList());
    }
    return this;
  }

  private VSwitch vSwitch(VSwitchId id) {
    isNotNull();
    Optional<VSwitch> v = actual.vSwitch(id);
    if (v.isEmpty()) {
      failWithMessage("Expected vSwitch %s in the inventory, but it holds %s", id,
          actual.vSwitches().stream().map(x -> x.id().value()).toList());
    }
    return v.orElseThrow();
  }

  private SecurityGroup group(SecurityGroupId id) {
    isNotNull();
    Optional<SecurityGroup> g = actual.securityGroup(id);
    if (g.isEmpty()) {
      failWithMessage("Expected security group %s in the inventory, but it holds %s", id,
          actual.securityGroups().stream().map(x -> x.id().value()).toList());
    }
    return g.orElseThrow();
  }

  private AllowlistTarget target(String id) {
    isNotNull();
    Optional<AllowlistTarget> t = Stream.concat(actual.rdsInstances().stream(), actual.redisInstances().stream())
        .map(AllowlistTarget.class::cast)
        .filter(x -> x.targetId().equals(id))
        .findFirst();
    if (t.isEmpty()) {
      failWithMessage("Expected an RDS or Redis instance %s in the inventory", id);
    }
    return t.orElseThrow();
  }

  static String describe(SecurityGroupRule r) {
    return r.direction() + " " + r.protocol() + " " + r.portRange() + " " + r.peer() + " " + r.policy() + " priority "
        + r.priority();
  }
}
