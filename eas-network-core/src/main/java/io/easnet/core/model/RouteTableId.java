package io.easnet.core.model;

import java.util.List;

/** A route table id, {@code vtb-…}. */
public final class RouteTableId extends ResourceId {
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
