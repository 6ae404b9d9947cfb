package io.easnet.core.model;

import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.EipAllocationId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A NAT gateway with its bound EIPs and SNAT tables. Only an {@code internet} gateway that is {@code Available} gives egress. */
@Value.Immutable
public abstract class NatGateway {
  /** The status of a gateway that works. */
  public static final String AVAILABLE = "Available";

  NatGateway() {}

  public abstract NatGatewayId id();

  public abstract VpcId vpcId();

  /** The vSwitch the gateway itself sits in. */
  public abstract Optional<VSwitchId> vSwitchId();

  public abstract Optional<String> name();

  @Value.Default
  public NatNetworkType networkType() {
    return NatNetworkType.INTERNET;
  }

  /** {@code Creating}, {@code Available}, {@code Modifying}, {@code Deleting} or {@code Converting}. */
  @Value.Default
  public String status() {
    return AVAILABLE;
  }

  /** EIPs bound to the gateway ({@code IpLists}). */
  public abstract List<EipAllocationId> eipIds();

  public abstract List<SnatTableId> snatTableIds();

  public abstract Map<String, String> tags();

  public final boolean isAvailable() {
    return AVAILABLE.equalsIgnoreCase(status());
  }

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link NatGateway}. */
  public static final class Builder extends ImmutableNatGateway.Builder {
    Builder() {}

    public Builder id(String id) {
      return id(NatGatewayId.of(id));
    }

    public Builder vpcId(String id) {
      return vpcId(VpcId.of(id));
    }

    public Builder vSwitchId(String id) {
      return vSwitchId(VSwitchId.of(id));
    }

    public Builder addEipId(String id) {
      return addEipId(EipAllocationId.of(id));
    }

    public Builder addSnatTableId(String id) {
      return addSnatTableId(SnatTableId.of(id));
    }
  }

  /** An Internet NAT gateway ({@code internet}) gives internet egress through SNAT; a VPC NAT ({@code intranet}) does not. */
  public enum NatNetworkType {
    INTERNET,
    INTRANET;

    public static NatNetworkType parse(String s) {
      return Enums.parse(NatNetworkType.class, s, "NAT network type");
    }
  }

  /**
   * A SNAT entry: traffic from a source vSwitch or a source CIDR leaves through the listed EIPs. When several entries
   * cover an address, the longest prefix wins. The cloud's Describe response may carry the vSwitch's CIDR in
   * {@code SourceCIDR} next to {@code SourceVSwitchId}; such an entry is a vSwitch-granularity entry.
   */
  @Value.Immutable
  public abstract static class SnatEntry {
    /** The status of an entry that works. */
    public static final String AVAILABLE = "Available";

    SnatEntry() {}

    public abstract SnatEntryId id();

    public abstract SnatTableId snatTableId();

    public abstract NatGatewayId natGatewayId();

    public abstract Optional<VSwitchId> sourceVSwitchId();

    public abstract Optional<Cidr> sourceCidr();

    /**
     * The EIP addresses used as source ({@code SnatIp}, a comma list in the API). Empty only when they are not known
     * yet: an entry a Terraform plan creates for an EIP the same plan allocates ({@code docs/terraform.md}); the
     * analysis reports what depends on them as undetermined.
     */
    public abstract List<IpAddress> snatIps();

    /** {@code Pending}, {@code Available} or {@code Deleting}. */
    @Value.Default
    public String status() {
      return AVAILABLE;
    }

    public abstract Optional<String> name();

    public final boolean isAvailable() {
      return AVAILABLE.equalsIgnoreCase(status());
    }

    @Value.Check
    final void check() {
      if (sourceVSwitchId().isEmpty() && sourceCidr().isEmpty()) {
        throw new IllegalArgumentException(
            "SNAT entry " + id() + " needs a source: set sourceVSwitchId or sourceCidr");
      }
    }

    public static Builder builder() {
      return new Builder();
    }

    public final Builder toBuilder() {
      return builder().from(this);
    }

    /** Builds a {@link SnatEntry}. */
    public static final class Builder extends ImmutableSnatEntry.Builder {
      Builder() {}

      public Builder id(String id) {
        return id(SnatEntryId.of(id));
      }

      public Builder snatTableId(String id) {
        return snatTableId(SnatTableId.of(id));
      }

      public Builder natGatewayId(String id) {
        return natGatewayId(NatGatewayId.of(id));
      }

      public Builder sourceVSwitchId(String id) {
        return sourceVSwitchId(VSwitchId.of(id));
      }

      public Builder sourceCidr(String cidr) {
        return sourceCidr(Cidr.parse(cidr));
      }

      public Builder addSnatIp(String ip) {
        return addSnatIp(IpAddress.parse(ip));
      }
    }
  }
}
