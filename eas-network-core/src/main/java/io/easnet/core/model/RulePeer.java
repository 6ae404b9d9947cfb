package io.easnet.core.model;

import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.PrefixListId;

/**
 * The other end of a security-group rule: the source of an ingress rule, the destination of an egress rule. It is
 * an address block, another security group, or a prefix list.
 */
public sealed interface RulePeer permits RulePeer.CidrPeer, RulePeer.GroupPeer, RulePeer.PrefixListPeer {

  /** An IPv4 or IPv6 block ({@code SourceCidrIp}, {@code Ipv6DestCidrIp}, …). */
  record CidrPeer(Cidr cidr) implements RulePeer {
    public CidrPeer {
      if (cidr == null) {
        throw new IllegalArgumentException("cidr must not be null");
      }
    }

    @Override
    public String toString() {
      return cidr.toString();
    }
  }

  /** The members of another (or the same) security group ({@code SourceGroupId}, {@code DestGroupId}). */
  record GroupPeer(SecurityGroupId groupId) implements RulePeer {
    public GroupPeer {
      if (groupId == null) {
        throw new IllegalArgumentException("groupId must not be null");
      }
    }

    @Override
    public String toString() {
      return groupId.toString();
    }
  }

  /** A prefix list whose entries the inventory may not know ({@code SourcePrefixListId}). */
  record PrefixListPeer(PrefixListId prefixListId) implements RulePeer {
    public PrefixListPeer {
      if (prefixListId == null) {
        throw new IllegalArgumentException("prefixListId must not be null");
      }
    }

    @Override
    public String toString() {
      return prefixListId.toString();
    }
  }

  static RulePeer cidr(String cidr) {
    return new CidrPeer(Cidr.parse(cidr));
  }

  static RulePeer cidr(Cidr cidr) {
    return new CidrPeer(cidr);
  }

  static RulePeer group(SecurityGroupId id) {
    return new GroupPeer(id);
  }

  static RulePeer group(String id) {
    return new GroupPeer(SecurityGroupId.of(id));
  }

  static RulePeer prefixList(String id) {
    return new PrefixListPeer(PrefixListId.of(id));
  }
}
