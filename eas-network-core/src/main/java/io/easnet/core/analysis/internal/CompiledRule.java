package io.easnet.core.analysis.internal;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.Policy;
import io.easnet.core.model.PrefixListId;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.RulePeer;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;

/** One rule with its group, its peer split by kind and its ports as two ints: nothing left to parse. */
public final class CompiledRule {
  /** The kind of peer. */
  public enum PeerKind {
    CIDR,
    GROUP,
    PREFIX_LIST
  }

  public final SecurityGroupId groupId;
  public final SecurityGroupRule rule;
  public final int priority;
  public final boolean drop;
  public final Protocol protocol;
  public final int portFrom;
  public final int portTo;
  public final PeerKind peerKind;
  public final Cidr cidr;
  public final SecurityGroupId peerGroup;
  public final PrefixListId prefixList;
  /** A canonical rendering, used to order rules of equal priority and policy deterministically. */
  public final String canonical;

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

  /** True when the rule's protocol and ports match the flow; ports are ignored for protocols without them. */
  public boolean matchesProtocolAndPort(Protocol flow, int port) {
    if (!protocol.covers(flow)) {
      return false;
    }
    return !flow.hasPorts() || (portFrom <= port && port <= portTo);
  }
}
