package io.easnet.core.analysis;

import io.easnet.core.model.ServiceSpec;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.model.ResourceId.VSwitchId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.Map;

/** The capacity of every vSwitch the planned services use, the blockers found and the assumptions made. */
@Value.Immutable
public abstract class CapacityReport {
  CapacityReport() {}

  /** One entry per vSwitch, in order of first use. */
  public abstract List<VSwitchCapacity> vSwitches();

  /** {@link ExplanationCode#VSWITCH_IP_EXHAUSTED_AT_SCALE} per short vSwitch, and vSwitches not found. */
  public abstract List<Explanation> explanations();

  /** Assumptions made, such as the default surge or the split over auxiliary vSwitches. */
  public abstract List<Assumption> assumptions();

  /** The capacity of one vSwitch, when planned. */
  public final Optional<VSwitchCapacity> vSwitch(VSwitchId id) {
    return vSwitches().stream().filter(v -> v.vSwitchId().equals(id)).findFirst();
  }

  /** True when some vSwitch is short at peak. */
  public final boolean hasShortfall() {
    return vSwitches().stream().anyMatch(VSwitchCapacity::isShort);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CapacityReport}. */
  public static final class Builder extends ImmutableCapacityReport.Builder {
    Builder() {}
  }

  /**
   * Private-IP capacity of one vSwitch against the peak demand of the services placed in it.
   *
   * <p>usable = 2^(32−mask) − 4 − reserved; in use = usable − available; free = available; demand of a service =
   * max(instances, autoscaler max) + rolling-update surge; shortfall = max(0, total demand − free).
   */
  @Value.Immutable
  public static abstract class VSwitchCapacity {
    VSwitchCapacity() {}

    /** The vSwitch. */
    public abstract VSwitchId vSwitchId();

    /** Its VPC. */
    public abstract VpcId vpcId();

    /** Its CIDR block. */
    public abstract Cidr cidr();

    /** Addresses the cloud can hand out at all. */
    public abstract long usable();

    /** Addresses already taken (by anything: EAS, ECS, RDS, …). */
    public abstract long inUse();

    /** Addresses free now ({@code AvailableIpAddressCount}). */
    public abstract long free();

    /** Peak demand of each service placed in this vSwitch, by service name, in input order. */
    public abstract Map<String, Long> demandByService();

    /** The sum of {@link #demandByService()}. */
    public abstract long totalDemand();

    /** (in use + total demand) / usable, in percent; above 100 means short. */
    public abstract double peakUtilisationPercent();

    /** Addresses missing at peak: max(0, total demand − free). */
    public abstract long shortfall();

    /**
     * When short, or too small to grow ({@link #isTooSmallToGrow()}): a free, aligned block inside the VPC for a new
     * vSwitch that hosts the whole demand, never smaller than the /{@value #RECOMMENDED_PREFIX} recommended for an EAS
     * vSwitch. The one proposal every rule message, rule page and fix repeats (docs/rules/EASNET-010.md).
     */
    public abstract Optional<Cidr> proposedCidr();

    /** The mask recommended for an EAS vSwitch: a /24 (252 usable addresses) or larger. */
    public static final int RECOMMENDED_PREFIX = 24;

    /** The mask from which a vSwitch is too small to grow: /28 (12 usable addresses) or smaller. */
    public static final int TOO_SMALL_PREFIX = 28;

    /** True when the vSwitch is a /{@value #TOO_SMALL_PREFIX} or smaller: too few addresses for scale-out. */
    public final boolean isTooSmallToGrow() {
      return cidr().prefixLength() >= TOO_SMALL_PREFIX;
    }


    /** True when the vSwitch lacks addresses at peak. */
    public final boolean isShort() {
      return shortfall() > 0;
    }

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link VSwitchCapacity}. */
    public static final class Builder extends ImmutableVSwitchCapacity.Builder {
      Builder() {}
    }
  }

  /** A service and the network it resolved to: the input of {@link CapacityAnalyzer}. */
  @Value.Immutable
  public abstract static class ServiceDemand {
    ServiceDemand() {}

    /** The service: instances, autoscaler and rolling strategy. */
    @Value.Parameter
    public abstract ServiceSpec spec();

    /** The network the service resolved to: its vSwitches. */
    @Value.Parameter
    public abstract EffectiveNetwork network();

    /** A service with its effective network. */
    public static ServiceDemand of(ServiceSpec spec, EffectiveNetwork network) {
      return ImmutableServiceDemand.of(spec, network);
    }
  }
}
