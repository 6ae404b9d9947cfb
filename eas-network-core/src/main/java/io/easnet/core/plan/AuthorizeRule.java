package io.easnet.core.plan;

import io.easnet.core.internal.ChangeSentences;
import io.easnet.core.analysis.Remedy;
import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.Direction;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.spi.SecurityGroupRuleRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Authorize one security-group rule. */
record AuthorizeRule(String securityGroupId, SecurityGroupRule rule) implements Action {
  /** The change that authorizes the remedy's rule (without the rule id and description the analysis may carry). */
  static List<Action> plan(Remedy.AuthorizeSecurityGroupRule r, Planning p) {
    SecurityGroupRule rule = SecurityGroupRule.builder().from(r.rule()).ruleId(Optional.empty())
        .description(Optional.empty()).build();
    return List.of(new AuthorizeRule(r.securityGroupId().value(), rule));
  }

  /** Reads the parameters of a {@link ChangeKind#AUTHORIZE_SECURITY_GROUP_RULE} change (see {@link Action#read}). */
  static AuthorizeRule read(Cursor p) {
    p.rejectUnknownKeys(List.of("securityGroupId", "direction", "protocol", "portRange", "peer", "policy",
        "priority"));
    String policy = Params.text(p, "policy");
    if (!policy.equals("accept")) {
      throw p.get("policy").error("a plan authorizes accept rules only, not \"" + policy + "\".",
          "write \"policy\": \"accept\".");
    }
    SecurityGroupRule rule = p.convert(() -> SecurityGroupRule.builder()
        .direction(Direction.parse(Params.text(p, "direction"))).protocol(Protocol.parse(Params.text(p, "protocol")))
        .portRange(PortRange.parse(Params.text(p, "portRange"))).peer(Params.text(p, "peer"))
        .policy(Policy.ACCEPT).priority(p.required("priority").integer(1, 100, "the priority"))
        .build(), "write the rule as the plan writer wrote it");
    return new AuthorizeRule(Params.id(p, "securityGroupId", SecurityGroupId::of), rule);
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE;
  }

  @Override
  public String key() {
    return "rule:" + securityGroupId + ":" + rule.direction() + ":" + rule.protocol() + ":" + rule.portRange() + ":"
        + rule.peer() + ":" + rule.priority();
  }

  @Override
  public List<String> targets() {
    return List.of(securityGroupId);
  }

  @Override
  public String describe() {
    return ChangeSentences.authorizeRule(rule.direction() == Direction.EGRESS, securityGroupId,
        rule.protocol().name(), rule.portRange().toString(), rule.peer().toString(), rule.priority());
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("securityGroupId", securityGroupId);
    p.put("direction", rule.direction().name().toLowerCase(Locale.ROOT));
    p.put("protocol", rule.protocol().name());
    p.put("portRange", rule.portRange().toString());
    p.put("peer", rule.peer().toString());
    p.put("policy", rule.policy().name().toLowerCase(Locale.ROOT));
    p.put("priority", rule.priority());
  }



  @Override
  public PlanState applyTo(PlanState s) {
    Inventory inv = s.inventory();
    List<SecurityGroup> groups = PlanState.replacing(inv.securityGroups(), g -> g.id().value(), securityGroupId,
        g -> g.rules().stream().anyMatch(r -> r.sameRuleAs(rule)) ? g : g.toBuilder().addRules(rule).build(),
        "security group");
    return s.withInventory(inv.toBuilder().securityGroups(groups).build());
  }

  /** The security group exists (see {@link Preflight}). */
  @Override
  public void checkBeforeWrites(Execution x) {
    Preflight.securityGroup(x, securityGroupId);
  }

  @Override
  public ChangeResult execute(Execution x) {
    SecurityGroupId group = SecurityGroupId.of(securityGroupId);
    SecurityGroup g = x.call(() -> x.port().ecs().describeSecurityGroup(group));
    if (g.rules().stream().anyMatch(r -> r.sameRuleAs(rule))) {
      return x.inPlace(group + " already holds the rule", Map.of());
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    SecurityGroupRuleRequest req = SecurityGroupRuleRequest.builder().securityGroupId(group).rule(rule)
        .clientToken(x.clientToken()).build();
    x.write(() -> x.port().ecs().authorizeRule(req));
    return x.applied(Map.of());
  }
}
