package io.easnet.core.analysis;

import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.analysis.Explanation.Component;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.SecurityGroupVerdict.DecidingRule;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.change.AuthorizeSecurityGroupRule;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One security-group hop of a path: the verdict of the guarded interface's groups for one flow, recorded as a hop,
 * and when it denies, the blocker with the flow that is missing and the rule that would admit it.
 *
 * <p>The remedy is an accept rule on {@code ruleGroup} for exactly the flow, naming {@code peerGroup} when there is
 * one (a rule naming the other side's security group survives address changes) and the peer block otherwise, at a
 * priority that outranks the deciding drop rule (one number lower; at equal priority a drop wins). When the deciding
 * drop rule has priority 1 no accept rule can outrank it, and the blocker carries advice instead.
 */
final class SecurityGroupHop {
  private SecurityGroupHop() {}

  /** The flow of a hop: what is sent, to or from where, and which groups the other end is in. */
  record Flow(Direction direction, Protocol protocol, int port, Cidr peerBlock, List<SecurityGroupId> peerGroups) {
    String text() {
      String p = protocol.name().toLowerCase(Locale.ROOT);
      return protocol.hasPorts() ? p + " " + port : p;
    }

    PortRange ports() {
      return protocol.hasPorts() ? PortRange.single(port) : PortRange.ALL;
    }

    Missing.FlowNotAllowed missing() {
      return new Missing.FlowNotAllowed(direction, protocol, ports(), peerBlock, peerGroups);
    }
  }

  static void record(PathRecorder rec, String label, Component component, SecurityGroupVerdict v,
      ExplanationCode denyCode, String expected, Flow flow, Optional<SecurityGroupId> ruleGroup,
      Optional<SecurityGroupId> peerGroup) {
    v.assumptions().forEach(rec::assume);
    String detail = v.asDecidingRule().map(DecidingRule::text).orElse(v.reason());
    switch (v.decision()) {
      case ALLOW -> rec.pass(label, component.toString(), detail);
      case DENY -> {
        Explanation.Builder e = Explanation.builder().code(denyCode).component(component).expected(expected)
            .actual(v.reason()).missing(flow.missing());
        v.asDecidingRule().ifPresent(e::decidingRule);
        int drop = v.decidingRule().filter(r -> r.policy() == Policy.DROP).map(SecurityGroupRule::priority).orElse(0);
        if (drop == 1) {
          e.advice("the deciding drop rule " + v.asDecidingRule().map(DecidingRule::text).orElse("")
              + " has priority 1, which no accept rule can outrank: remove or narrow it, then allow "
              + flow.text() + (flow.direction() == Direction.EGRESS ? " to " : " from ") + flow.peerBlock());
        } else if (ruleGroup.isPresent()) {
          RulePeer peer = peerGroup.<RulePeer>map(RulePeer.GroupPeer::new)
              .orElseGet(() -> new RulePeer.CidrPeer(flow.peerBlock()));
          SecurityGroupRule rule = SecurityGroupRule.builder().direction(flow.direction()).protocol(flow.protocol())
              .portRange(flow.ports()).peer(peer).policy(Policy.ACCEPT).priority(drop == 0 ? 1 : drop - 1)
              .description("eas-network: " + expected).build();
          e.remedy(new AuthorizeSecurityGroupRule(ruleGroup.get(), rule));
        } else {
          e.advice("allow " + flow.text() + (flow.direction() == Direction.EGRESS ? " to " : " from ")
              + flow.peerBlock() + " in the security groups of " + component);
        }
        rec.block(label, component.toString(), detail, e.build());
      }
      case UNDETERMINED -> {
        Explanation.Builder e = Explanation.builder().component(component).expected(expected).actual(v.reason());
        v.asDecidingRule().ifPresent(e::decidingRule);
        if (v.assumptions().stream().anyMatch(a -> a.key() == AssumptionKey.PREFIX_LIST_UNKNOWN)) {
          e.code(ExplanationCode.PREFIX_LIST_UNKNOWN)
              .missing(new Missing.FactUnknown(component, AssumptionKey.PREFIX_LIST_UNKNOWN))
              .advice("add the prefix list's entries to the snapshot, or use CIDR peers in the deciding rule");
        } else {
          e.code(ExplanationCode.SECURITY_GROUP_NOT_FOUND)
              .missing(new Missing.FactUnknown(component, AssumptionKey.SECURITY_GROUP_UNKNOWN))
              .advice("add the security groups of " + component + " to the snapshot");
        }
        rec.unknown(label, component.toString(), v.reason(), e.build());
      }
      default -> throw new IllegalStateException();
    }
  }
}
