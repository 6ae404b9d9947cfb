package io.easnet.core.model;

import java.util.Optional;
import org.immutables.value.Value;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.PrefixListId;

/**
 * One security-group rule: direction, protocol, port range, peer (CIDR, group or prefix list), policy and priority
 * (1 to 100, 1 is the highest; at equal priority drop beats accept).
 *
 * <pre>{@code
 * SecurityGroupRule.ingress().protocol(Protocol.TCP).ports("3306/3306").peer("192.168.0.0/24").build();
 * }</pre>
 */
@Value.Immutable
public abstract class SecurityGroupRule {
  SecurityGroupRule() {}

  public abstract Direction direction();

  @Value.Default
  public Protocol protocol() {
    return Protocol.ALL;
  }

  /** The port range; {@code -1/-1} (all) by default, and always for ICMP, GRE and ALL. */
  @Value.Default
  public PortRange portRange() {
    return PortRange.ALL;
  }

  /** The source of an ingress rule or the destination of an egress rule. */
  public abstract RulePeer peer();

  @Value.Default
  public Policy policy() {
    return Policy.ACCEPT;
  }

  /** 1 to 100; 1 (the API's default) is the highest priority. */
  @Value.Default
  public int priority() {
    return 1;
  }

  /** The cloud's rule id ({@code SecurityGroupRuleId}), when known. */
  public abstract Optional<String> ruleId();

  public abstract Optional<String> description();

  @Value.Check
  final void check() {
    if (priority() < 1 || priority() > 100) {
      throw new IllegalArgumentException(
          "security group rule priority must be 1 to 100 (1 is the highest), was " + priority());
    }
    if (!protocol().hasPorts() && !portRange().isAll()) {
      throw new IllegalArgumentException(
          "security group rule for " + protocol() + " must use port range -1/-1, was " + portRange());
    }
  }

  /** True when this rule and {@code other} are the same rule for the cloud (ids and descriptions aside). */
  public final boolean sameRuleAs(SecurityGroupRule other) {
    return direction() == other.direction()
        && protocol() == other.protocol()
        && portRange().equals(other.portRange())
        && peer().equals(other.peer())
        && policy() == other.policy()
        && priority() == other.priority();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with the direction set to ingress. */
  public static Builder ingress() {
    return builder().direction(Direction.INGRESS);
  }

  /** A builder with the direction set to egress. */
  public static Builder egress() {
    return builder().direction(Direction.EGRESS);
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link SecurityGroupRule}; string overloads parse port ranges and peers. */
  public static final class Builder extends ImmutableSecurityGroupRule.Builder {
    Builder() {}

    /** Sets the port range from {@code a/b} text. */
    public Builder ports(String range) {
      return portRange(PortRange.parse(range));
    }

    /** TCP on one port. */
    public Builder tcp(int port) {
      return protocol(Protocol.TCP).portRange(PortRange.single(port));
    }

    /** UDP on one port. */
    public Builder udp(int port) {
      return protocol(Protocol.UDP).portRange(PortRange.single(port));
    }

    /** Sets the peer: a CIDR such as {@code 10.0.0.0/8}, a group id {@code sg-…}, or a prefix list {@code pl-…}. */
    public Builder peer(String peer) {
      if (peer != null && peer.startsWith("sg-")) {
        return peer(RulePeer.group(peer));
      }
      if (peer != null && peer.startsWith("pl-")) {
        return peer(RulePeer.prefixList(peer));
      }
      return peer(RulePeer.cidr(peer));
    }

    public Builder drop() {
      return policy(Policy.DROP);
    }

    public Builder accept() {
      return policy(Policy.ACCEPT);
    }
  }

  /** The direction of a security-group rule, as seen from the instance the group guards. */
  public enum Direction {
    INGRESS,
    EGRESS;

    /** Parses {@code ingress} / {@code egress}, case-insensitively. */
    public static Direction parse(String s) {
      return Enums.parse(Direction.class, s, "direction");
    }
  }

  /** A security-group rule's policy. The API accepts {@code accept}/{@code drop}; responses say {@code Accept}/{@code Drop}. */
  public enum Policy {
    ACCEPT,
    DROP;

    /** Parses case-insensitively. */
    public static Policy parse(String s) {
      return Enums.parse(Policy.class, s, "policy");
    }
  }

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
}
