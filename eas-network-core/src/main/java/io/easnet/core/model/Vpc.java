package io.easnet.core.model;

import io.easnet.core.model.ResourceId.VpcId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A VPC: a primary IPv4 CIDR block, optional secondary blocks and an optional IPv6 block. */
@Value.Immutable
public abstract class Vpc {
  Vpc() {}

  public abstract VpcId id();

  public abstract Optional<String> name();

  public abstract Optional<String> regionId();

  /** The primary IPv4 block ({@code CidrBlock}). */
  public abstract Cidr cidrBlock();

  /** Secondary IPv4 blocks ({@code SecondaryCidrBlocks}). */
  public abstract List<Cidr> secondaryCidrBlocks();

  public abstract Optional<Cidr> ipv6CidrBlock();

  public abstract Map<String, String> tags();

  /** The primary block followed by the secondary ones. */
  public final List<Cidr> ipv4CidrBlocks() {
    List<Cidr> all = new ArrayList<>(1 + secondaryCidrBlocks().size());
    all.add(cidrBlock());
    all.addAll(secondaryCidrBlocks());
    return List.copyOf(all);
  }

  /** True when {@code cidr} lies inside one of the VPC's blocks. */
  public final boolean covers(Cidr cidr) {
    for (Cidr block : ipv4CidrBlocks()) {
      if (block.contains(cidr)) {
        return true;
      }
    }
    return ipv6CidrBlock().map(b -> b.contains(cidr)).orElse(false);
  }

  @Value.Check
  final void check() {
    if (!cidrBlock().isIpv4()) {
      throw new IllegalArgumentException("VPC " + id() + ": cidrBlock " + cidrBlock() + " must be IPv4");
    }
    for (Cidr c : secondaryCidrBlocks()) {
      if (!c.isIpv4()) {
        throw new IllegalArgumentException("VPC " + id() + ": secondary block " + c + " must be IPv4");
      }
    }
    ipv6CidrBlock().ifPresent(c -> {
      if (!c.isIpv6()) {
        throw new IllegalArgumentException("VPC " + id() + ": ipv6CidrBlock " + c + " must be IPv6");
      }
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link Vpc}; string overloads parse ids and CIDRs. */
  public static final class Builder extends ImmutableVpc.Builder {
    Builder() {}

    public Builder id(String id) {
      return id(VpcId.of(id));
    }

    public Builder cidrBlock(String cidr) {
      return cidrBlock(Cidr.parse(cidr));
    }

    public Builder addSecondaryCidrBlock(String cidr) {
      return addSecondaryCidrBlock(Cidr.parse(cidr));
    }
  }
}
