package io.easnet.core.analysis;

import io.easnet.core.analysis.internal.BlockIndex;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The look-ups the path checks need beyond the inventory's own indexes, each built once per analyzer on first use:
 * ECS instances by private address, vSwitches by the addresses they contain, the ids known for "did you mean", the
 * EIPs bound to nothing. Thread safe: each index is built under the lock once and never changed.
 */
final class InventoryIndex {
  private final Inventory inventory;
  private final SecurityGroupEvaluator evaluator;
  private Map<IpAddress, EcsInstance> ecsByAddress;
  private BlockIndex<VSwitch> vSwitchBlocks;
  private List<String> targetIds;
  private List<String> vSwitchIds;
  private List<String> securityGroupIds;
  private Map<VpcId, List<String>> securityGroupsByVpc;

  InventoryIndex(Inventory inventory) {
    this.inventory = inventory;
    this.evaluator = SecurityGroupEvaluator.of(inventory);
  }

  Inventory inventory() {
    return inventory;
  }

  SecurityGroupEvaluator evaluator() {
    return evaluator;
  }

  /** The first ECS instance (in inventory order) with this private address. */
  synchronized Optional<EcsInstance> ecsWithAddress(IpAddress address) {
    if (ecsByAddress == null) {
      ecsByAddress = new HashMap<>();
      for (EcsInstance e : inventory.ecsInstances()) {
        for (IpAddress ip : e.privateIps()) {
          ecsByAddress.putIfAbsent(ip, e);
        }
      }
    }
    return Optional.ofNullable(ecsByAddress.get(address));
  }

  /** A vSwitch whose block contains {@code block}, the nearest first. */
  Optional<VSwitch> vSwitchContaining(Cidr block) {
    return vSwitchBlocks().containing(block).stream().findFirst();
  }

  private synchronized BlockIndex<VSwitch> vSwitchBlocks() {
    if (vSwitchBlocks == null) {
      BlockIndex<VSwitch> b = new BlockIndex<>();
      inventory.vSwitches().forEach(v -> b.add(v.cidrBlock(), v));
      vSwitchBlocks = b;
    }
    return vSwitchBlocks;
  }

  /**
   * The VPC an address belongs to: {@code preferred} when its blocks cover it, else the VPC of a vSwitch containing
   * it, else the first VPC whose blocks cover it.
   */
  Optional<VpcId> vpcCovering(Cidr address, Optional<VpcId> preferred) {
    if (preferred.isPresent()) {
      Optional<Vpc> v = inventory.vpc(preferred.get());
      if (v.isPresent() && v.get().covers(address)) {
        return preferred;
      }
    }
    Optional<VSwitch> vsw = vSwitchContaining(address);
    if (vsw.isPresent()) {
      return Optional.of(vsw.get().vpcId());
    }
    for (Vpc v : inventory.vpcs()) {
      if (v.covers(address)) {
        return Optional.of(v.id());
      }
    }
    return Optional.empty();
  }

  /** Every RDS, Redis and ECS instance id, for near-miss suggestions. */
  synchronized List<String> targetIds() {
    if (targetIds == null) {
      List<String> ids = new ArrayList<>();
      inventory.rdsInstances().forEach(r -> ids.add(r.id().value()));
      inventory.redisInstances().forEach(r -> ids.add(r.id().value()));
      inventory.ecsInstances().forEach(r -> ids.add(r.id().value()));
      targetIds = List.copyOf(ids);
    }
    return targetIds;
  }

  /** Every vSwitch id, for near-miss suggestions. */
  synchronized List<String> vSwitchIds() {
    if (vSwitchIds == null) {
      vSwitchIds = inventory.vSwitches().stream().map(v -> v.id().value()).toList();
    }
    return vSwitchIds;
  }

  /** Every security group id, for near-miss suggestions. */
  synchronized List<String> securityGroupIds() {
    if (securityGroupIds == null) {
      securityGroupIds = inventory.securityGroups().stream().map(g -> g.id().value()).toList();
    }
    return securityGroupIds;
  }

  /** The ids of the security groups of a VPC, sorted. */
  synchronized List<String> securityGroupsIn(VpcId vpc) {
    if (securityGroupsByVpc == null) {
      Map<VpcId, List<String>> map = new HashMap<>();
      inventory.securityGroups().forEach(g -> map.computeIfAbsent(g.vpcId(), k -> new ArrayList<>())
          .add(g.id().value()));
      map.values().forEach(l -> l.sort(null));
      securityGroupsByVpc = map;
    }
    return securityGroupsByVpc.getOrDefault(vpc, List.of());
  }

  /**
   * {@code peer} as the peer group of a remedy rule on {@code ruleGroup}: empty when the rule group is an enterprise
   * (advanced) group, which cannot name a security group as peer (the cloud refuses such a rule,
   * {@code InvalidParam.SecurityGroupType}); the rule then names the peer block instead.
   */
  Optional<SecurityGroupId> rulePeer(Optional<SecurityGroupId> ruleGroup,
      Optional<SecurityGroupId> peer) {
    boolean enterprise = ruleGroup.flatMap(inventory::securityGroup)
        .map(g -> g.type() == SecurityGroupType.ENTERPRISE).orElse(false);
    return enterprise ? Optional.empty() : peer;
  }

  /** An EIP bound to no instance, when the account holds one. */
  Optional<Eip> unboundEip() {
    // the smallest id, not the first listed: a snapshot file and a live read list EIPs in different orders
    return inventory.eips().stream().filter(e -> e.instanceId().isEmpty())
        .min(java.util.Comparator.comparing(e -> e.id().value()));
  }
}
