package io.easnet.core.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A SNAT entry: traffic from a source vSwitch or a source CIDR leaves through the listed EIPs. When several entries
 * cover an address, the longest prefix wins. The cloud's Describe response may carry the vSwitch's CIDR in
 * {@code SourceCIDR} next to {@code SourceVSwitchId}; such an entry is a vSwitch-granularity entry.
 */
@Value.Immutable
public abstract class SnatEntry {
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
