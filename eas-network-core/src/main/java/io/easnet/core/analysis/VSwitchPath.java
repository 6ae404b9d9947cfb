package io.easnet.core.analysis;

import io.easnet.core.model.ResourceId.VSwitchId;
import java.util.List;
import org.immutables.value.Value;

/** The result of a path for the EAS instances in one vSwitch: verdict, hops in order, every blocker. */
@Value.Immutable
public abstract class VSwitchPath {
  VSwitchPath() {}

  /** The vSwitch the EAS instances take addresses from. */
  public abstract VSwitchId vSwitchId();

  /** The verdict for the instances in this vSwitch. */
  public abstract Verdict verdict();

  /** The components along the path, in order. */
  public abstract List<Hop> hops();

  /** Every blocker on this vSwitch's path, not only the first. */
  public abstract List<Explanation> explanations();

  /** The assumptions made for this vSwitch. */
  public abstract List<Assumption> assumptions();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link VSwitchPath}. */
  public static final class Builder extends ImmutableVSwitchPath.Builder {
    Builder() {}
  }
}
