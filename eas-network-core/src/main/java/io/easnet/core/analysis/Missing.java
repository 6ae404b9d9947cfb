package io.easnet.core.analysis;

import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import java.util.List;
import java.util.Objects;

/**
 * What a blocker lacks, as data: the flow a security-group rule must allow, the addresses an allowlist or route does
 * not admit, the resource that is absent, the status that is not ready, the fact the inventory does not hold, or the
 * addresses a vSwitch is short of. A program reads this instead of parsing {@link Explanation#actual()}.
 */
public sealed interface Missing {
  /** A flow the security groups of {@link Explanation#component()} must allow and do not. */
  record FlowNotAllowed(Direction direction, Protocol protocol, PortRange ports, Cidr peerBlock,
      List<SecurityGroupId> peerGroups) implements Missing {
    /** Checks the arguments and copies the list. */
    public FlowNotAllowed {
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(ports, "ports");
      Objects.requireNonNull(peerBlock, "peerBlock");
      peerGroups = List.copyOf(peerGroups);
    }
  }

  /** Addresses (blocks, or EIPs as {@code /32}) that an allowlist or a set of routes does not admit. */
  record AddressesNotAdmitted(List<Cidr> addresses) implements Missing {
    /** Copies the list, which must not be empty. */
    public AddressesNotAdmitted {
      addresses = List.copyOf(addresses);
      if (addresses.isEmpty()) {
        throw new IllegalArgumentException("at least one address is not admitted");
      }
    }
  }

  /** A resource of this kind is absent where the path needs one (a NAT gateway, an EIP, a SNAT entry, a route). */
  record ResourceAbsent(Component.Kind kind) implements Missing {
    /** Checks the argument. */
    public ResourceAbsent {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** The component exists but is not in the {@code Available} state; its status is {@code status}. */
  record NotAvailable(String status) implements Missing {
    /** Checks the argument. */
    public NotAvailable {
      Objects.requireNonNull(status, "status");
    }
  }

  /** The inventory lacks a fact about {@code about} that the analysis needs (its entries, address, rules, …). */
  record FactUnknown(Component about, AssumptionKey assumption) implements Missing {
    /** Checks the arguments. */
    public FactUnknown {
      Objects.requireNonNull(about, "about");
      Objects.requireNonNull(assumption, "assumption");
    }
  }

  /** The vSwitch is short of {@code count} free private addresses at peak. */
  record AddressesShort(long count) implements Missing {
    /** Checks the argument. */
    public AddressesShort {
      if (count <= 0) {
        throw new IllegalArgumentException("a shortfall is at least one address, was " + count);
      }
    }
  }
}
