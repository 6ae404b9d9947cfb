package io.easnet.core.model;

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
}
