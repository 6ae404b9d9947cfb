package io.easnet.core.rules.internal;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.Direction;
import io.easnet.core.model.Policy;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroupType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Semantic questions over one security group's rules with Alibaba's order: lowest priority number first, and at
 * equal priority drop before accept. Address coverage is computed over intervals, so {@code 0.0.0.0/1} plus
 * {@code 128.0.0.0/1} is the whole IPv4 internet and a higher-priority drop carves a hole that makes it not.
 */
final class GroupSemantics {
  static final Comparator<SecurityGroupRule> ORDER =
      Comparator.comparingInt(SecurityGroupRule::priority)
          .thenComparing(r -> r.policy() == Policy.DROP ? 0 : 1);

  private GroupSemantics() {}

  /** The rules of one direction that apply to TCP traffic on {@code port}, in evaluation order. */
  static List<SecurityGroupRule> tcpRules(SecurityGroup group, Direction direction, int port) {
    List<SecurityGroupRule> out = new ArrayList<>();
    for (SecurityGroupRule r : group.rules(direction)) {
      if ((r.protocol() == Protocol.TCP || r.protocol() == Protocol.ALL) && r.portRange().contains(port)) {
        out.add(r);
      }
    }
    out.sort(ORDER);
    return out;
  }

  /** True when the whole IPv4 or the whole IPv6 internet may open TCP connections to {@code port}. */
  static boolean openToInternet(SecurityGroup group, int port) {
    List<SecurityGroupRule> rules = tcpRules(group, Direction.INGRESS, port);
    return acceptsEverything(rules, Cidr.ANY_IPV4) || acceptsEverything(rules, Cidr.ANY_IPV6);
  }

  /** True when the whole internet reaches every TCP port: checked once per stretch of ports the rules delimit. */
  static boolean openToInternetOnAllPorts(SecurityGroup group) {
    TreeSet<Integer> starts = new TreeSet<>();
    starts.add(1);
    for (SecurityGroupRule r : group.rules(Direction.INGRESS)) {
      starts.add(r.portRange().from());
      if (r.portRange().to() < 65535) {
        starts.add(r.portRange().to() + 1);
      }
    }
    for (int p : starts) {
      if (!openToInternet(group, p)) {
        return false;
      }
    }
    return true;
  }

  private static boolean acceptsEverything(List<SecurityGroupRule> ordered, Cidr all) {
    List<BigInteger[]> undecided = new ArrayList<>();
    undecided.add(new BigInteger[] {all.first(), all.last()});
    for (SecurityGroupRule r : ordered) {
      if (!(r.peer() instanceof RulePeer.CidrPeer c) || c.cidr().isIpv4() != all.isIpv4()) {
        continue;
      }
      List<BigInteger[]> next = new ArrayList<>();
      for (BigInteger[] iv : undecided) {
        BigInteger lo = c.cidr().first();
        BigInteger hi = c.cidr().last();
        if (hi.compareTo(iv[0]) < 0 || lo.compareTo(iv[1]) > 0) {
          next.add(iv);
          continue;
        }
        if (r.policy() == Policy.DROP) {
          return false;
        }
        if (lo.compareTo(iv[0]) > 0) {
          next.add(new BigInteger[] {iv[0], lo.subtract(BigInteger.ONE)});
        }
        if (hi.compareTo(iv[1]) < 0) {
          next.add(new BigInteger[] {hi.add(BigInteger.ONE), iv[1]});
        }
      }
      undecided = next;
      if (undecided.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The egress decision for TCP to {@code destination} on {@code port}: the first rule in order whose peer holds
   * the whole destination block (or names one of {@code destinationGroups}) decides; otherwise the group type's
   * default (basic: accept, enterprise: drop).
   */
  static Decision egress(SecurityGroup group, Cidr destination, Collection<SecurityGroupId> destinationGroups,
      int port) {
    for (SecurityGroupRule r : tcpRules(group, Direction.EGRESS, port)) {
      boolean matches = r.peer() instanceof RulePeer.CidrPeer c ? c.cidr().contains(destination)
          : r.peer() instanceof RulePeer.GroupPeer g && destinationGroups.contains(g.groupId());
      if (matches) {
        return new Decision(r.policy() == Policy.ACCEPT, "rule " + describe(r));
      }
    }
    boolean basic = group.type() == SecurityGroupType.BASIC;
    return new Decision(basic, (basic ? "the basic group's default (egress allowed)"
        : "the enterprise group's default (egress denied)"));
  }

  /** A rule as one line, e.g. {@code egress tcp 3306/3306 to 10.0.0.0/8 drop priority 1}. */
  static String describe(SecurityGroupRule r) {
    String way = r.direction() == Direction.INGRESS ? "from" : "to";
    return r.direction().name().toLowerCase(java.util.Locale.ROOT) + " "
        + r.protocol().name().toLowerCase(java.util.Locale.ROOT) + " " + r.portRange() + " " + way + " "
        + r.peer() + " " + r.policy().name().toLowerCase(java.util.Locale.ROOT) + " priority " + r.priority()
        + r.ruleId().map(id -> " (" + id + ")").orElse("");
  }

  /** An allow/deny decision and what decided it. */
  record Decision(boolean allowed, String decidedBy) {}
}
