package io.easnet.core.analysis;

import io.easnet.core.model.ResourceId.VSwitchId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

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
}
