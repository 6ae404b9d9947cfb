package io.easnet.core.model;

import java.util.List;

/** A VPC id, {@code vpc-…}. */
public final class VpcId extends ResourceId {
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
