package io.easnet.core.model;

import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.RouteTableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A vSwitch: a zonal IPv4 block of a VPC (mask /16 to /29) from which EAS instances take one private IP each.
 *
 * <p>Alibaba reserves the first address and the last three of every vSwitch, so {@link #usableIpCount()} is
 * 2^(32−mask) − 4 minus the addresses of the reserved CIDR blocks not already among those four.
 * {@link #availableIpAddressCount()} is what the cloud reports as free; when a snapshot does not say, it defaults to
 * every usable address.
 */
@Value.Immutable
public abstract class VSwitch {
  /** The addresses the cloud reserves at the start of every vSwitch block: the first one (docs/semantics.md). */
  private static final int RESERVED_AT_START = 1;

  /** The addresses the cloud reserves at the end of every vSwitch block: the last three (docs/semantics.md). */
  private static final int RESERVED_AT_END = 3;

  VSwitch() {}

  public abstract VSwitchId id();

  public abstract VpcId vpcId();

  public abstract Optional<String> name();

  public abstract Optional<String> zoneId();

  public abstract Cidr cidrBlock();

  public abstract Optional<Cidr> ipv6CidrBlock();

  /** The custom route table bound to the vSwitch; empty means the VPC's system route table. */
  public abstract Optional<RouteTableId> routeTableId();

  /** Blocks reserved with {@code CreateVSwitchCidrReservation}: not available to instances. */
  public abstract List<Cidr> reservedCidrBlocks();

  public abstract Map<String, String> tags();

  /**
   * Addresses the cloud can hand out at all: 2^(32−mask) minus the union of the four system-reserved addresses and
   * the reserved blocks (an address that two of them hold is counted once).
   */
  @Value.Derived
  public long usableIpCount() {
    if (!cidrBlock().isIpv4()) {
      return 0; // rejected by check()
    }
    long first = cidrBlock().firstIpv4();
    long last = cidrBlock().lastIpv4();
    List<long[]> taken = new ArrayList<>();
    taken.add(new long[] {first, first + RESERVED_AT_START - 1});
    taken.add(new long[] {Math.max(first, last - RESERVED_AT_END + 1), last});
    for (Cidr r : reservedCidrBlocks()) {
      if (r.isIpv4() && r.overlaps(cidrBlock())) {
        taken.add(new long[] {Math.max(first, r.firstIpv4()), Math.min(last, r.lastIpv4())});
      }
    }
    return Math.max(0, last - first + 1 - BlockUnion.distinctCount(taken));
  }

  /**
   * The addresses of the block less the four the cloud reserves ({@code 2^(32-mask) - 4}): no vSwitch ever reports
   * more free addresses than this (reserved blocks aside, whose accounting the cloud does not document).
   */
  public final long assignableIpCount() {
    return cidrBlock().isIpv4() ? assignableIpCount(cidrBlock().prefixLength()) : 0;
  }

  /**
   * The addresses a vSwitch block of {@code prefixLength} bits can ever hand out: {@code 2^(32-prefixLength)} less
   * the four the cloud reserves (the first and the last three). The one place that counts them: the capacity
   * engine sizes the vSwitches it proposes with it.
   */
  public static long assignableIpCount(int prefixLength) {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("an IPv4 prefix length is 0 to 32, was " + prefixLength);
    }
    return Math.max(0, (1L << (32 - prefixLength)) - RESERVED_AT_START - RESERVED_AT_END);
  }

  /** Free addresses ({@code AvailableIpAddressCount}); defaults to {@link #usableIpCount()}. */
  @Value.Default
  public long availableIpAddressCount() {
    return usableIpCount();
  }

  @Value.Check
  final void check() {
    if (!cidrBlock().isIpv4()) {
      throw new IllegalArgumentException("vSwitch " + id() + ": cidrBlock " + cidrBlock() + " must be IPv4");
    }
    int mask = cidrBlock().prefixLength();
    if (mask < 16 || mask > 29) {
      throw new IllegalArgumentException(
          "vSwitch " + id() + ": cidrBlock " + cidrBlock() + " has mask /" + mask
              + "; vSwitch masks are /16 to /29");
    }
    for (Cidr r : reservedCidrBlocks()) {
      if (!cidrBlock().contains(r)) {
        throw new IllegalArgumentException(
            "vSwitch " + id() + ": reserved block " + r + " is outside " + cidrBlock());
      }
    }
    if (availableIpAddressCount() < 0 || availableIpAddressCount() > assignableIpCount()) {
      throw new IllegalArgumentException(
          "vSwitch " + id() + ": availableIpAddressCount must be 0 to " + assignableIpCount() + " (the addresses of "
              + cidrBlock() + " less the " + (RESERVED_AT_START + RESERVED_AT_END) + " the cloud reserves), was "
              + availableIpAddressCount());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link VSwitch}; string overloads parse ids and CIDRs. */
  public static final class Builder extends ImmutableVSwitch.Builder {
    Builder() {}

    public Builder id(String id) {
      return id(VSwitchId.of(id));
    }

    public Builder vpcId(String id) {
      return vpcId(VpcId.of(id));
    }

    public Builder cidrBlock(String cidr) {
      return cidrBlock(Cidr.parse(cidr));
    }

    public Builder routeTableId(String id) {
      return routeTableId(RouteTableId.of(id));
    }

    public Builder addReservedCidrBlock(String cidr) {
      return addReservedCidrBlock(Cidr.parse(cidr));
    }
  }
}
