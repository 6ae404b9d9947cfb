package io.easnet.core.rules.internal;

import io.easnet.core.analysis.SecurityGroupEvaluator;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EASNET-013: a security group admits the whole internet on SSH (22), RDP (3389), MySQL (3306) or Redis (6379).
 * Groups open on all ports are left to EASNET-012.
 */
final class GroupOpenOnSensitivePort extends BaseRule {
  static final Map<Integer, String> PORTS = new LinkedHashMap<>();

  static {
    PORTS.put(22, "SSH");
    PORTS.put(3389, "RDP");
    PORTS.put(3306, "MySQL");
    PORTS.put(6379, "Redis");
  }

  GroupOpenOnSensitivePort() {
    super("EASNET-013", Severity.ERROR,
        "Security group open to the internet on an administration or database port");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    SecurityGroupEvaluator evaluator = context.securityGroups();
    for (SecurityGroup g : byId(context.inventory().securityGroups(), SecurityGroup::id)) {
      if (GroupOpenOnAllPorts.openOnAllPorts(evaluator, g)) {
        continue;
      }
      for (Map.Entry<Integer, String> p : PORTS.entrySet()) {
        if (!evaluator.openToInternet(g, Direction.INGRESS, Protocol.TCP, p.getKey())) {
          continue;
        }
        out.add(atRules(context, g)
            .message("security group " + g.id() + GroupOpenOnAllPorts.users(context, g) + " admits the whole"
                + " internet on TCP port " + p.getKey() + " (" + p.getValue() + ")")
            .remediation("limit the ingress rule for port " + p.getKey() + " to the client blocks that need it,"
                + " or reach the instance through a bastion host or VPN")
            .addResourceIds(g.id().value())
            .identity("port=" + p.getKey())
            .build());
      }
    }
    return out;
  }
}
