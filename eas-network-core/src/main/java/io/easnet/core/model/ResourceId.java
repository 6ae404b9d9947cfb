package io.easnet.core.model;

import java.util.List;

/**
 * A typed Alibaba Cloud resource id such as {@code vpc-bp1uepgqtar0123456789}. Each subclass checks its prefix on
 * construction, so a vSwitch id can never be passed where a VPC id is expected.
 *
 * <p>The part after the prefix may hold lower-case letters, digits, {@code -} and {@code *}: the asterisks of the
 * masked ids in Alibaba's documentation ({@code vpc-bp1uepgqtar*****}) are accepted so that the rule catalogue can
 * report them as placeholders instead of failing the read. {@link #isPlaceholder()} tells.
 */
public abstract class ResourceId implements Comparable<ResourceId> {
  private final String value;

  ResourceId(String value, String kind, List<String> prefixes) {
    this.value = check(value, kind, prefixes);
  }

  private static String check(String value, String kind, List<String> prefixes) {
    if (value == null) {
      throw new IllegalArgumentException(kind + " id must not be null");
    }
    for (String prefix : prefixes) {
      if (value.startsWith(prefix)) {
        if (!validBody(value, prefix.length())) {
          throw new IllegalArgumentException(
              "\"" + value + "\" is not a valid " + kind + " id: after \"" + prefix
                  + "\" only lower-case letters, digits, '-' and '*' may follow (1 to 63 characters)");
        }
        return value;
      }
    }
    throw new IllegalArgumentException(
        "\"" + value + "\" is not a " + kind + " id: it must start with "
            + String.join(" or ", prefixes.stream().map(p -> "\"" + p + "\"").toList()));
  }

  /** As the pattern {@code [a-z0-9*][a-z0-9*-]{0,62}} on {@code value} from {@code start}, without a regex. */
  private static boolean validBody(String value, int start) {
    int n = value.length() - start;
    if (n < 1 || n > 63) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*' || (c == '-' && i > start);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The id as the cloud spells it. */
  public final String value() {
    return value;
  }

  /**
   * What follows the type prefix of a stand-in id: {@code vsw-known-after-apply-alicloud-vswitch-eas} stands for the
   * vSwitch {@code alicloud_vswitch.eas} that a Terraform plan creates, whose id is known only after apply
   * ({@code docs/terraform.md}).
   */
  public static final String KNOWN_AFTER_APPLY = "known-after-apply-";

  /** True for a stand-in id ({@link #KNOWN_AFTER_APPLY}): a resource a Terraform plan creates. */
  public final boolean isKnownAfterApply() {
    return isKnownAfterApply(value);
  }

  /** As {@link #isKnownAfterApply()}, for an id as text. */
  public static boolean isKnownAfterApply(String id) {
    int dash = id.indexOf('-');
    return dash > 0 && id.startsWith(KNOWN_AFTER_APPLY, dash + 1);
  }

  /** True when the id contains {@code *}: a masked id copied from documentation, not a real resource. */
  public final boolean isPlaceholder() {
    return value.indexOf('*') >= 0;
  }

  @Override
  @SuppressWarnings("EqualsGetClass") // deliberate: ids of two kinds with the same text are different resources
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((ResourceId) o).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return getClass().hashCode() * 31 + value.hashCode();
  }

  @Override
  public final int compareTo(ResourceId o) {
    return value.compareTo(o.value);
  }

  @Override
  public final String toString() {
    return value;
  }

  /** An ECS instance id, {@code i-…}. */
  public static final class EcsInstanceId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("i-");

    private EcsInstanceId(String value) {
      super(value, "ECS instance", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static EcsInstanceId of(String value) {
      return new EcsInstanceId(value);
    }
  }

  /** An EIP allocation id, {@code eip-…}. */
  public static final class EipAllocationId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("eip-");

    private EipAllocationId(String value) {
      super(value, "EIP allocation", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static EipAllocationId of(String value) {
      return new EipAllocationId(value);
    }
  }

  /** A NAT gateway id, {@code ngw-…}. */
  public static final class NatGatewayId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("ngw-");

    private NatGatewayId(String value) {
      super(value, "NAT gateway", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static NatGatewayId of(String value) {
      return new NatGatewayId(value);
    }
  }

  /** A prefix list id, {@code pl-…}, as used as a security-group rule peer. */
  public static final class PrefixListId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("pl-");

    private PrefixListId(String value) {
      super(value, "prefix list", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static PrefixListId of(String value) {
      return new PrefixListId(value);
    }
  }

  /** An ApsaraDB RDS instance id: {@code rm-…} (MySQL, SQL Server), {@code pgm-…} (PostgreSQL) or {@code mr-…} (MariaDB). */
  public static final class RdsInstanceId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("rm-", "pgm-", "mr-");

    private RdsInstanceId(String value) {
      super(value, "RDS instance", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static RdsInstanceId of(String value) {
      return new RdsInstanceId(value);
    }
  }

  /** A Tair (Redis OSS-compatible) instance id, {@code r-…}. */
  public static final class RedisInstanceId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("r-");

    private RedisInstanceId(String value) {
      super(value, "Redis instance", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static RedisInstanceId of(String value) {
      return new RedisInstanceId(value);
    }
  }

  /** A dedicated EAS resource group id, {@code eas-r-…}. */
  public static final class ResourceGroupId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("eas-r-");

    private ResourceGroupId(String value) {
      super(value, "EAS resource group", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static ResourceGroupId of(String value) {
      return new ResourceGroupId(value);
    }
  }

  /** A route table id, {@code vtb-…}. */
  public static final class RouteTableId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("vtb-");

    private RouteTableId(String value) {
      super(value, "route table", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static RouteTableId of(String value) {
      return new RouteTableId(value);
    }
  }

  /** A security group id, {@code sg-…}. */
  public static final class SecurityGroupId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("sg-");

    private SecurityGroupId(String value) {
      super(value, "security group", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static SecurityGroupId of(String value) {
      return new SecurityGroupId(value);
    }
  }

  /** A SNAT entry id, {@code snat-…}. */
  public static final class SnatEntryId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("snat-");

    private SnatEntryId(String value) {
      super(value, "SNAT entry", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static SnatEntryId of(String value) {
      return new SnatEntryId(value);
    }
  }

  /** A SNAT table id, {@code stb-…}. */
  public static final class SnatTableId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("stb-");

    private SnatTableId(String value) {
      super(value, "SNAT table", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static SnatTableId of(String value) {
      return new SnatTableId(value);
    }
  }

  /** A vSwitch id, {@code vsw-…}. */
  public static final class VSwitchId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("vsw-");

    private VSwitchId(String value) {
      super(value, "vSwitch", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static VSwitchId of(String value) {
      return new VSwitchId(value);
    }
  }

  /** A VPC id, {@code vpc-…}. */
  public static final class VpcId extends ResourceId {
    /** The accepted prefixes. */
    public static final List<String> PREFIXES = List.of("vpc-");

    private VpcId(String value) {
      super(value, "VPC", PREFIXES);
    }

    /**
     * Parses an id.
     *
     * @throws IllegalArgumentException when the prefix or the characters are wrong
     */
    public static VpcId of(String value) {
      return new VpcId(value);
    }
  }
}
