package io.easnet.core.analysis;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.Direction;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates flows against security groups with Alibaba Cloud's semantics.
 *
 * <ul>
 *   <li>Rules are ordered by priority (1 is the highest); at equal priority a drop rule beats an accept rule. The
 *       first matching rule decides; declaration order never matters.
 *   <li>No rule matches → the group type's default: a basic group allows all egress, and ingress only from members
 *       of the same group when its inner access policy is accept; an enterprise group denies both.
 *   <li>Protocol {@code ALL} covers every protocol; {@code -1/-1} covers every port; ICMP and GRE have no ports.
 *       An IPv4 rule never matches an IPv6 peer and vice versa.
 *   <li>A group peer matches when the peer's network interface is a member of that group ({@code peerGroups}).
 *   <li>A prefix-list peer cannot be resolved (the inventory holds no prefix lists): when it could change the
 *       decision, the result is {@link SgDecision#UNDETERMINED} with an assumption.
 *   <li>Several groups on one network interface are evaluated as one set of rules, ordered together by priority
 *       (an assumption: Alibaba documents no other merge order). Mixing basic and enterprise groups on one
 *       interface is not allowed by Alibaba; if it happens, the default denies unless every group is basic, and an
 *       assumption says so.
 *   <li>Stateful: return traffic needs no rule, so only the initiating direction is evaluated.
 *   <li>A peer block (rather than one address) is allowed only when every address of it is allowed.
 * </ul>
 *
 * <p>Each group is compiled once (rules sorted per direction, peers pre-split by kind) and cached by id; a verdict
 * never parses anything. Instances are thread safe.
 */
public final class SecurityGroupEvaluator {
  private final Inventory inventory;

  private SecurityGroupEvaluator(Inventory inventory) {
    this.inventory = inventory;
  }

  /** An evaluator over the groups of {@code inventory}. */
  public static SecurityGroupEvaluator of(Inventory inventory) {
    return new SecurityGroupEvaluator(Objects.requireNonNull(inventory, "inventory"));
  }

  /**
   * The verdict of the groups on one network interface for one flow.
   *
   * @param groupsOnEni the groups of the interface being guarded; groups missing from the inventory make the
   *     result {@link SgDecision#UNDETERMINED}
   * @param direction {@link Direction#EGRESS} for traffic the interface sends, {@link Direction#INGRESS} for
   *     traffic it receives
   * @param protocol the flow's protocol (a concrete one; {@code ALL} is matched only by {@code ALL} rules)
   * @param peerAddress the other end's address or block (destination for egress, source for ingress)
   * @param peerGroups the security groups of the other end's interface (for group-peer rules)
   * @param port the destination port; ignored for protocols without ports
   */
  public SgVerdict evaluate(List<SecurityGroupId> groupsOnEni, Direction direction, Protocol protocol,
      Cidr peerAddress, List<SecurityGroupId> peerGroups, int port) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * True when {@code group} alone lets every IPv4 address, or every IPv6 address, through on {@code port}: the union
   * of accepted blocks covers the whole space after removing higher-or-equal-priority drops. So
   * {@code 0.0.0.0/1} plus {@code 128.0.0.0/1} is open, {@code ::/0} is open, and {@code -1/-1} covers port 22. The
   * group type's default counts too (a basic group with no egress rules is open for egress).
   */
  public boolean openToInternet(SecurityGroup group, Direction direction, Protocol protocol, int port) {
    throw new UnsupportedOperationException("not yet");
  }

  /** True when {@code group} alone is open to every IPv4 or every IPv6 address on every port of 1–65535. */
  public boolean openToInternetOnAllPorts(SecurityGroup group, Direction direction, Protocol protocol) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * True when {@code group} alone allows every address of {@code peers} on every port of {@code ports} (as
   * {@code -1/-1} or {@code 1/65535}), with no peer group membership assumed.
   */
  public boolean coversAll(SecurityGroup group, Direction direction, Protocol protocol, PortRange ports,
      Cidr peers) {
    throw new UnsupportedOperationException("not yet");
  }
}
