package io.easnet.core.model;

import java.util.List;

/** An EIP allocation id, {@code eip-…}. */
public final class EipAllocationId extends ResourceId {
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
