package io.easnet.core.model;

/** The direction of a security-group rule, as seen from the instance the group guards. */
public enum Direction {
  INGRESS,
  EGRESS;

  /** Parses {@code ingress} / {@code egress}, case-insensitively. */
  public static Direction parse(String s) {
    return Enums.parse(Direction.class, s, "direction");
  }
}
