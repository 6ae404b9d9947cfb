package io.easnet.core.model;

import java.util.List;

/** A NAT gateway id, {@code ngw-…}. */
public final class NatGatewayId extends ResourceId {
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
