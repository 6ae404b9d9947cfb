package io.easnet.core.analysis;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One component along a path, in order (the EAS vSwitch, the EAS security group's egress, the target's security
 * group, the target's allowlist, the NAT gateway, the SNAT entry, the route table, the target), with its status,
 * so that a report can draw the path and mark the blocked hop.
 */
@Value.Immutable
public abstract class Hop {
  Hop() {}

  /** A short label, e.g. {@code security group sg-eas (egress)}. */
  public abstract String label();

  /** The resource id or name, e.g. {@code sg-eas}; {@code internet} for the internet. */
  public abstract String component();

  /** Whether the hop passes, blocks, passes partly or is unknown. */
  public abstract HopStatus status();

  /** The deciding rule or a short detail, when there is one. */
  public abstract Optional<String> detail();

  /** A hop with no detail. */
  public static Hop of(String label, String component, HopStatus status) {
    return builder().label(label).component(component).status(status).build();
  }

  /** A hop with a detail. */
  public static Hop of(String label, String component, HopStatus status, String detail) {
    return builder().label(label).component(component).status(status).detail(detail).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Hop}. */
  public static final class Builder extends ImmutableHop.Builder {
    Builder() {}
  }

  /** The state of one {@link Hop} of a path. */
  public enum HopStatus {
    /** The hop lets the traffic through. */
    PASS,
    /** The hop stops the traffic; an explanation says why. */
    BLOCKED,
    /** The hop lets only part of the traffic through (for example a SNAT entry covering part of the vSwitch). */
    PARTIAL,
    /** The analysis cannot tell: a fact is missing. */
    UNKNOWN
  }
}
