package io.easnet.core.change;

import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.change.Change.Params;
import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.spi.EcsApi.SecurityGroupRuleRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Authorize a security-group rule (AuthorizeSecurityGroup or AuthorizeSecurityGroupEgress). */
public record AuthorizeSecurityGroupRule(SecurityGroupId securityGroupId, SecurityGroupRule rule) implements Change {
  /** Checks the arguments: the rule must accept. */
  public AuthorizeSecurityGroupRule {
    Objects.requireNonNull(securityGroupId, "securityGroupId");
    Objects.requireNonNull(rule, "rule");
    if (rule.policy() != Policy.ACCEPT) {
      throw new IllegalArgumentException("a change authorizes an accept rule, not " + rule.policy());
    }
  }

  /** Reads the parameters of a {@link ChangeKind#AUTHORIZE_SECURITY_GROUP_RULE} change. */
  static AuthorizeSecurityGroupRule read(Cursor p) {
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
    return new AuthorizeSecurityGroupRule(SecurityGroupId.of(Params.id(p, "securityGroupId", SecurityGroupId::of)),
        rule);
  }

  /** The rule of a plan: without the rule id and description the analysis may carry. */
  @Override
  public List<Change> bind(Binding b) {
    return List.of(new AuthorizeSecurityGroupRule(securityGroupId, SecurityGroupRule.builder().from(rule)
        .ruleId(Optional.empty()).description(Optional.empty()).build()));
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
    return List.of(securityGroupId.value());
  }

  @Override
  public String describe() {
    boolean egress = rule.direction() == Direction.EGRESS;
    String peer = rule.peer().toString();
    return "add an " + (egress ? "egress" : "ingress") + " rule to " + securityGroupId + ": accept "
        + rule.protocol().name().toLowerCase(Locale.ROOT) + " " + rule.portRange() + (egress ? " to " : " from ")
        + (peer.startsWith("sg-") ? "security group " + peer : peer) + " at priority " + rule.priority() + " ("
        + (egress ? "AuthorizeSecurityGroupEgress" : "AuthorizeSecurityGroup") + ")";
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("securityGroupId", securityGroupId.value());
    writeRule(p);
  }

  private void writeRule(ObjectNode p) {
    p.put("direction", rule.direction().name().toLowerCase(Locale.ROOT));
    p.put("protocol", rule.protocol().name());
    p.put("portRange", rule.portRange().toString());
    p.put("peer", rule.peer().toString());
    p.put("policy", rule.policy().name().toLowerCase(Locale.ROOT));
    p.put("priority", rule.priority());
  }

  @Override
  public void writeRemedy(ObjectNode n) {
    n.put("securityGroupId", securityGroupId.value());
    ObjectNode r = n.putObject("rule");
    writeRule(r);
    rule.description().ifPresent(d -> r.put("description", d));
  }

  @Override
  public <S extends Estate<S>> S applyTo(S s) {
    Inventory inv = s.inventory();
    List<SecurityGroup> groups = Params.replacing(inv.securityGroups(), g -> g.id().value(), securityGroupId.value(),
        g -> g.rules().stream().anyMatch(r -> r.sameRuleAs(rule)) ? g : g.toBuilder().addRules(rule).build(),
        "security group");
    return s.withInventory(inv.toBuilder().securityGroups(groups).build());
  }

  /** The security group exists (see {@link Preflight}). */
  @Override
  public void checkBeforeWrites(Execution<?> x) {
    SecurityGroup g = Preflight.securityGroup(x, securityGroupId.value());
    // the quota: a rule the group holds already is not written again (docs/plan-safety.md, "Quotas")
    int adding = 0;
    for (Change c : Preflight.earlier(x)) {
      if (c instanceof AuthorizeSecurityGroupRule a && a.securityGroupId().equals(securityGroupId)
          && g.rules().stream().noneMatch(r -> r.sameRuleAs(a.rule()))) {
        adding++;
      }
    }
    if (g.rules().stream().noneMatch(r -> r.sameRuleAs(rule))) {
      adding++;
      Preflight.quota("security group", securityGroupId.value(), "rules", g.rules().size(), adding,
          Preflight.RULES_PER_SECURITY_GROUP, "revoke rules the group no longer needs (RevokeSecurityGroup /"
          + " RevokeSecurityGroupEgress), or use another security group, then plan again");
    }
  }

  @Override
  public <R> R execute(Execution<R> x) {
    SecurityGroup g = x.call(() -> x.port().ecs().describeSecurityGroup(securityGroupId));
    if (g.rules().stream().anyMatch(r -> r.sameRuleAs(rule))) {
      return x.inPlace(securityGroupId + " already holds the rule", Map.of());
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    SecurityGroupRuleRequest req = SecurityGroupRuleRequest.builder().securityGroupId(securityGroupId).rule(rule)
        .clientToken(x.clientToken()).build();
    x.write(() -> x.port().ecs().authorizeRule(req));
    return x.applied(Map.of());
  }
}
