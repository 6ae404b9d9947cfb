package io.easnet.core.model;

import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A security group with its rules. Basic groups allow all egress and ingress from the same group when
 * {@link #innerAccessPolicy()} is accept; enterprise groups deny both unless a rule allows.
 */
@Value.Immutable
public abstract class SecurityGroup {
  SecurityGroup() {}

  public abstract SecurityGroupId id();

  public abstract VpcId vpcId();

  public abstract Optional<String> name();

  @Value.Default
  public SecurityGroupType type() {
    return SecurityGroupType.BASIC;
  }

  /** Intra-group access of a basic group ({@code InnerAccessPolicy}); accept by default. */
  @Value.Default
  public Policy innerAccessPolicy() {
    return Policy.ACCEPT;
  }

  public abstract List<SecurityGroupRule> rules();

  public abstract Map<String, String> tags();

  /** The rules of one direction, in declaration order. */
  public final List<SecurityGroupRule> rules(Direction direction) {
    return rules().stream().filter(r -> r.direction() == direction).toList();
  }

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link SecurityGroup}. */
  public static final class Builder extends ImmutableSecurityGroup.Builder {
    Builder() {}

    public Builder id(String id) {
      return id(SecurityGroupId.of(id));
    }

    public Builder vpcId(String id) {
      return vpcId(VpcId.of(id));
    }

    public Builder addRule(SecurityGroupRule.Builder rule) {
      return addRule(rule.build());
    }
  }

  /**
   * Basic groups ({@code normal} in the API) allow all egress and ingress from members of the same group when nothing
   * matches; enterprise (advanced) groups deny both.
   */
  public enum SecurityGroupType {
    BASIC("normal"),
    ENTERPRISE("enterprise");

    private final String apiName;

    SecurityGroupType(String apiName) {
      this.apiName = apiName;
    }

    /** The value of {@code SecurityGroupType} in the ECS API. */
    public String apiName() {
      return apiName;
    }

    /** Parses {@code normal}/{@code basic} or {@code enterprise}, case-insensitively. */
    public static SecurityGroupType parse(String s) {
      if (s != null) {
        for (SecurityGroupType t : values()) {
          if (t.apiName.equalsIgnoreCase(s.trim()) || t.name().equalsIgnoreCase(s.trim())) {
            return t;
          }
        }
      }
      throw new IllegalArgumentException(
          "\"" + s + "\" is not a security group type: use normal (basic) or enterprise");
    }
  }
}
