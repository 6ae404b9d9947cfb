package io.easnet.core.spi;

import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupType;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A security group as {@code DescribeSecurityGroups} lists it: without its rules. Read the rules with
 * {@link EcsApi#describeSecurityGroup}, which returns a {@link io.easnet.core.model.SecurityGroup}; the two results
 * are different types so that "no rules read" is never mistaken for "no rules".
 */
@Value.Immutable
public abstract class SecurityGroupSummary {
  SecurityGroupSummary() {}

  /** {@code SecurityGroupId}. */
  public abstract SecurityGroupId id();

  /** {@code VpcId}. */
  public abstract VpcId vpcId();

  /** {@code SecurityGroupName}. */
  public abstract Optional<String> name();

  /** {@code SecurityGroupType}: {@code normal} (basic) or {@code enterprise}. */
  public abstract SecurityGroupType type();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SecurityGroupSummary}. */
  public static final class Builder extends ImmutableSecurityGroupSummary.Builder {
    Builder() {}
  }
}
