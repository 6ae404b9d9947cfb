package io.easnet.core.analysis.internal;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.ResourceId.PrefixListId;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;

/** One rule with its group, its peer split by kind and its ports as two ints: nothing left to parse. */
public final class CompiledRule {
  /** The kind of peer. */
  public enum PeerKind {
    CIDR,
    GROUP,
    PREFIX_LIST
  }

  /** The compiled {@code groupId}. */
  public final SecurityGroupId groupId;
  /** The compiled {@code rule}. */
  public final SecurityGroupRule rule;
  /** The compiled {@code priority}. */
  public final int priority;
  /** The compiled {@code drop}. */
  public final boolean drop;
  /** The compiled {@code protocol}. */
  public final Protocol protocol;
  /** The compiled {@code portFrom}. */
  public final int portFrom;
  /** The compiled {@code portTo}. */
  public final int portTo;
  /** The compiled {@code peerKind}. */
  public final PeerKind peerKind;
  /** The compiled {@code cidr}. */
  public final Cidr cidr;
  /** The compiled {@code peerGroup}. */
  public final SecurityGroupId peerGroup;
  /** The compiled {@code prefixList}. */
  public final PrefixListId prefixList;
  /** A canonical rendering, used to order rules of equal priority and policy deterministically. */
  public final String canonical;
  /** The reason of a verdict this rule decides, built on first use (one rule decides many flows). */
  private String reason;
  /** The outcome this rule decides when no prefix list was consulted, built on first use and shared. */
  private Outcome outcome;

  CompiledRule(SecurityGroupId groupId, SecurityGroupRule rule) {
    this.groupId = groupId;
    this.rule = rule;
    this.priority = rule.priority();
    this.drop = rule.policy() == Policy.DROP;
    this.protocol = rule.protocol();
    this.portFrom = rule.portRange().from();
    this.portTo = rule.portRange().to();
    RulePeer peer = rule.peer();
    if (peer instanceof RulePeer.CidrPeer c) {
      this.peerKind = PeerKind.CIDR;
      this.cidr = c.cidr();
      this.peerGroup = null;
      this.prefixList = null;
    } else if (peer instanceof RulePeer.GroupPeer g) {
      this.peerKind = PeerKind.GROUP;
      this.cidr = null;
      this.peerGroup = g.groupId();
      this.prefixList = null;
    } else {
      this.peerKind = PeerKind.PREFIX_LIST;
      this.cidr = null;
      this.peerGroup = null;
      this.prefixList = ((RulePeer.PrefixListPeer) peer).prefixListId();
    }
    this.canonical = groupId + " " + rule.protocol() + " " + rule.portRange() + " " + rule.peer();
  }

  /**
   * {@code rule <group> <rule> allows|denies the flow}: the reason of a verdict this rule decides (an accept rule
   * only ever allows, a drop rule only ever denies).
   */
  /**
   * The outcome of a pass this rule decides, having consulted no prefix list: one shared value per rule, so a pass
   * allocates nothing (a rule decides many flows, and every such flow gets the same outcome).
   */
  Outcome outcome() {
    Outcome o = outcome;
    if (o == null) {
      // benign race: Outcome is immutable with final fields; every thread builds an equal one
      o = new Outcome(!drop, this, null, null, reason(), java.util.Set.of());
      outcome = o;
    }
    return o;
  }

  String reason() {
    String r = reason;
    if (r == null) {
      // benign race: Strings are immutable, every thread computes the same text
      r = "rule " + groupId + " " + CompiledRuleSet.describe(this) + " " + (drop ? "denies" : "allows")
          + " the flow";
      reason = r;
    }
    return r;
  }

  /** True when the rule's protocol and ports match the flow; ports are ignored for protocols without them. */
  public boolean matchesProtocolAndPort(Protocol flow, int port) {
    if (!protocol.covers(flow)) {
      return false;
    }
    return !flow.hasPorts() || (portFrom <= port && port <= portTo);
  }
}
