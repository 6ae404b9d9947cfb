package io.easnet.testkit;

import static io.easnet.testkit.StateContext.existing;

import io.easnet.core.model.Inventory;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.EcsApi.SecurityGroupSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The security groups and their rules: at most 200 rules a group, no duplicate rule, enterprise groups no peers. */
final class SecurityGroupState {
  static final int MAX_RULES_PER_GROUP = 200;

  private final StateContext ctx;
  private final Map<SecurityGroupId, SecurityGroup> groups = new LinkedHashMap<>();

  SecurityGroupState(StateContext ctx) {
    this.ctx = ctx;
  }

  void clear() {
    groups.clear();
  }

  void load(Inventory inv) {
    inv.securityGroups().forEach(g -> groups.put(g.id(), g));
  }

  void addTo(Inventory.Builder b) {
    b.addAllSecurityGroups(groups.values());
  }

  List<SecurityGroup> all() {
    return List.copyOf(groups.values());
  }

  int count() {
    return groups.size();
  }

  SecurityGroup group(SecurityGroupId id) {
    return existing(groups, id, "InvalidSecurityGroupId.NotFound", "security group");
  }

  /** The groups of a VPC as {@code DescribeSecurityGroups} lists them: without rules. */
  List<SecurityGroupSummary> summariesIn(VpcId vpc) {
    return groups.values().stream().filter(g -> g.vpcId().equals(vpc))
        .map(g -> SecurityGroupSummary.builder().id(g.id()).vpcId(g.vpcId()).name(g.name()).type(g.type()).build())
        .toList();
  }

  /** Adds an empty group to a VPC the caller checked. */
  void add(SecurityGroup g) {
    if (!g.rules().isEmpty()) {
      throw new IllegalArgumentException("a new security group starts without rules; authorize them one by one");
    }
    groups.put(g.id(), g);
  }

  /** Sets a tag of a group ({@code Tags.Tag[{TagKey, TagValue}]} of {@code DescribeSecurityGroups}). */
  void tag(SecurityGroupId id, String key, String value) {
    SecurityGroup g = group(id);
    groups.put(id, g.toBuilder().putTag(key, value).build());
  }

  void authorize(SecurityGroupId id, SecurityGroupRule rule) {
    SecurityGroup g = group(id);
    for (SecurityGroupRule r : g.rules()) {
      if (r.sameRuleAs(rule)) {
        return;
      }
    }
    if (rule.protocol().hasPorts() && rule.portRange().isAll()) {
      // AuthorizeSecurityGroup: TCP/UDP take 1..65535; -1/-1 is for ICMP, GRE and ALL (docs/snapshot-references.md)
      throw Refusal.of("OperationDenied", 400, "The specified IpProtocol and PortRange do not match: "
          + rule.protocol() + " takes ports 1/65535 at most, -1/-1 is for ICMP, GRE and ALL.");
    }
    if (rule.peer() instanceof RulePeer.GroupPeer peer) {
      if (g.type() == SecurityGroupType.ENTERPRISE) {
        throw Refusal.of("InvalidParam.SecurityGroupType",
            "an enterprise security group cannot use a security group (" + peer.groupId() + ") as a peer.");
      }
      group(peer.groupId());
    }
    if (g.rules().size() >= MAX_RULES_PER_GROUP) {
      throw Refusal.of("AuthorizationLimitExceed",
          "security group " + id + " holds " + g.rules().size() + " rules; a group holds at most "
              + MAX_RULES_PER_GROUP + ".");
    }
    SecurityGroupRule stored = rule.ruleId().isPresent() ? rule : rule.toBuilder().ruleId(ctx.ids.next("sgr-")).build();
    groups.put(id, g.toBuilder().addRule(stored).build());
  }

  void revoke(SecurityGroupId id, SecurityGroupRule rule) {
    SecurityGroup g = group(id);
    List<SecurityGroupRule> kept = g.rules().stream().filter(r -> !r.sameRuleAs(rule)).toList();
    if (kept.size() != g.rules().size()) {
      groups.put(id, g.toBuilder().rules(kept).build());
    }
  }
}
