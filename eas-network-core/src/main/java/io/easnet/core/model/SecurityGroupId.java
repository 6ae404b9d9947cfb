package io.easnet.core.model;

import java.util.List;

/** A security group id, {@code sg-…}. */
public final class SecurityGroupId extends ResourceId {
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
